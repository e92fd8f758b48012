/** Reading the values of an export: dates in the forms CRMs write them, numbers with currency signs. */
import { FACT_BY_KEY, type FactKey } from '../facts';
import { isValidTimeZone } from '../time-zone';
import { calendarDay, isPlausibleDay } from '../day';
import { NUMBER_LIMITS } from '../limits';
import { parseAmount, readings, type ColumnFormat, type DateOrder, type DecimalMark } from './formats';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * ISO (2026-05-14, also with a time), numeric (05/14/2026, 5/14/26, 16.07.2026), "14 May 2026",
 * "May 14, 2026". Returns YYYY-MM-DD, or undefined when the text is not a real date, or when it
 * is a date in both orders ("05/06/2026") and no `order` says which (never guessed).
 */
export function parseImportDate(raw: string, order?: DateOrder): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
  // 16.07.2026 is always day first; 05/14/2026 and 14/05/2026 by the column's order.
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:,? [\d:]+(?: ?[AP]M)?)?$/i.exec(s);
  if (m) {
    const r = readings(s)!;
    if (r.dots) return r.dmy;
    // A value that is a date in one order only is that date, whatever the column says.
    if (!r.dmy || !r.mdy || r.dmy === r.mdy) return r.dmy ?? r.mdy;
    return order === 'dmy' ? r.dmy : order === 'mdy' ? r.mdy : undefined;
  }
  m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -,]+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
    return month < 0 ? undefined : calendarDay(Number(m[3]), month + 1, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
    return month < 0 ? undefined : calendarDay(Number(m[3]), month + 1, Number(m[2]));
  }
  return undefined;
}

/** "$1,250.50", "1 250", "87%" -> number (with "1.250,50" when the column uses a decimal comma); undefined when not a number. */
export function parseImportNumber(raw: string, decimal: DecimalMark = '.'): number | undefined {
  return parseAmount(raw, decimal);
}

/** Why a cell cannot be read, as a code: the words live in `describeProblem` (import only), so the CRM reader in host pages carries none of them. */
export type CellProblem = 'date' | 'order' | 'future' | 'nps' | 'csat' | 'tickets' | 'amount' | 'zone' | 'long';
export type FieldReading = { value: unknown } | { problem: CellProblem };

/** How one cell is read for one fact, by its kind: the value, or why it cannot be. Empty cells are skipped before this. */
export function readField(field: FactKey, raw: string, today: string, format: ColumnFormat = {}): FieldReading {
  const num = (s: string) => parseImportNumber(s, format.decimal);
  const spec = FACT_BY_KEY[field];
  switch (spec.kind) {
    case 'date': {
      const d = parseImportDate(raw, format.dates);
      if (!d) return { problem: parseImportDate(raw, 'mdy') ? 'order' : 'date' };
      if (!isPlausibleDay(d)) return { problem: 'date' };
      if (d > today) return { problem: 'future' };
      return { value: d };
    }
    case 'nps': {
      const n = num(raw);
      if (n === undefined || !Number.isInteger(n) || n < 0 || n > 10) return { problem: 'nps' };
      return { value: n };
    }
    case 'percent': {
      const n = num(raw);
      // 0.9 is neither a 1-5 answer nor a percentage a survey gives: not guessed as 90 % or 18 %.
      if (n === undefined || n < 0 || n > 100 || (n > 0 && n < 1)) return { problem: 'csat' };
      // A 1-5 answer (the usual CSAT scale) is stored as its percentage.
      return { value: n <= 5 && !raw.includes('%') ? (n / 5) * 100 : n };
    }
    case 'count': {
      const n = num(raw);
      if (n === undefined || !Number.isInteger(n) || n < 0 || n > NUMBER_LIMITS.count) return { problem: 'tickets' };
      return { value: n };
    }
    case 'amount': {
      const n = num(raw);
      if (n === undefined || !Number.isFinite(n) || n < 0 || n > NUMBER_LIMITS.amount) return { problem: 'amount' };
      return { value: n };
    }
    case 'zone':
      return isValidTimeZone(raw.trim()) ? { value: raw.trim() } : { problem: 'zone' };
    case 'text':
      // Texts longer than what a contact keeps are not cut silently: the cell is skipped, and said.
      return raw.trim().length > (spec.max ?? 200) ? { problem: 'long' } : { value: raw.trim() };
  }
}
