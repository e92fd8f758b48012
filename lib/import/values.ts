/** Reading the values of an export: dates in the forms CRMs write them, numbers with currency signs. */
import { isValidTimeZone } from '../time-zone';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  if (y < 1900 || y > 2200) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * ISO (2026-05-14, also with a time), US (05/14/2026, 5/14/26), "14 May 2026", "May 14, 2026".
 * Returns YYYY-MM-DD, or undefined when the text is not a real date.
 */
export function parseImportDate(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: [\d:]+(?: ?[AP]M)?)?$/i.exec(s);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return ymd(year, Number(m[1]), Number(m[2]));
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    return month < 0 ? undefined : ymd(Number(m[3]), month + 1, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return month < 0 ? undefined : ymd(Number(m[3]), month + 1, Number(m[2]));
  }
  return undefined;
}

/** "$1,250.50", "1 250", "87%" -> number; undefined when not a number. */
export function parseImportNumber(raw: string): number | undefined {
  const s = raw.trim().replace(/^[$€£¥]|[$€£¥%]$/g, '').replace(/[,\s\u00a0]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export type FieldReading = { value: unknown } | { error: string };

/** How one cell is read for one field: the value, or why it cannot be. Empty cells are skipped before this. */
export function readField(field: string, raw: string, today: string): FieldReading {
  switch (field) {
    case 'customerSince': {
      const d = parseImportDate(raw);
      if (!d) return { error: `"${raw}" is not a date (use 2026-05-14, 05/14/2026 or 14 May 2026)` };
      if (d > today) return { error: `customer since ${d} is in the future` };
      return { value: d };
    }
    case 'nps': {
      const n = parseImportNumber(raw);
      if (n === undefined || !Number.isInteger(n) || n < 0 || n > 10) return { error: `NPS "${raw}" is not a whole number from 0 to 10` };
      return { value: n };
    }
    case 'csat': {
      const n = parseImportNumber(raw);
      if (n === undefined || n < 0 || n > 100) return { error: `CSAT "${raw}" is not a score (1-5) or a percentage (0-100)` };
      // A 1-5 answer (the usual CSAT scale) is stored as its percentage.
      return { value: n <= 5 && !raw.includes('%') ? (n / 5) * 100 : n };
    }
    case 'openTickets': {
      const n = parseImportNumber(raw);
      if (n === undefined || !Number.isInteger(n) || n < 0) return { error: `open tickets "${raw}" is not a whole number` };
      return { value: n };
    }
    case 'spend90d': {
      const n = parseImportNumber(raw);
      if (n === undefined || n < 0) return { error: `spend "${raw}" is not an amount` };
      return { value: n };
    }
    case 'timeZone':
      return isValidTimeZone(raw.trim()) ? { value: raw.trim() } : { error: `"${raw}" is not a time zone (use e.g. Europe/Paris)` };
    default:
      return { value: raw.trim() };
  }
}
