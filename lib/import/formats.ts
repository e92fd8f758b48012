/**
 * How a column writes its numbers and dates, decided from all of its values (issue 17): a decimal
 * comma ("1.234,50") or point ("1,234.50"); day-first or month-first dates ("16/07/2026" can only
 * be day-first, "07/16/2026" only month-first; "05/06/2026" needs the rest of the column).
 * Ambiguity is said, never guessed silently.
 */
import { calendarDay } from '../day';

export type DecimalMark = ',' | '.';
export type DateOrder = 'dmy' | 'mdy';

export interface ColumnFormat {
  decimal?: DecimalMark;
  dates?: DateOrder;
  /** In words, for the preview: "amounts with a decimal comma (1.234,50)". */
  description?: string;
  warning?: string;
  /**
   * A date column whose order no value settles: the preview asks the user, showing these values
   * read both ways. Until they choose, such cells are not read (never guessed).
   */
  ask?: string[];
}

/** Learns a number column's decimal mark from its values. */
export function numberFormat(values: Iterable<string>): ColumnFormat {
  let comma = 0;
  let point = 0;
  let ambiguous = '';
  for (const raw of values) {
    const s = raw
      .trim()
      .replace(/^[$€£¥]|[$€£¥%]$/g, '')
      .replace(/[\s\u00a0']/g, '');
    if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^-?\d+,\d{1,2}$/.test(s) || /^-?\d+,\d{4,}$/.test(s)) comma++;
    else if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^-?\d+\.\d{1,2}$/.test(s) || /^-?\d+\.\d{4,}$/.test(s)) point++;
    else if (!ambiguous && /^-?\d{1,3}[.,]\d{3}$/.test(s)) ambiguous = raw.trim();
  }
  if (comma && point)
    return { decimal: '.', description: 'amounts with a decimal point', warning: 'this column mixes decimal commas and decimal points: check the amounts' };
  if (comma) return { decimal: ',', description: 'amounts with a decimal comma (1.234,50)' };
  if (point) return { decimal: '.', description: 'amounts with a decimal point (1,234.50)' };
  if (ambiguous) {
    return { decimal: '.', description: 'whole amounts', warning: `"${ambiguous}" could be a thousand or a decimal: read as ${ambiguous.replace(/[.,]/, '')}` };
  }
  return { decimal: '.' };
}

/** Reads an amount with the column's decimal mark: "1.234,50" -> 1234.5 (','), "1,234.50" -> 1234.5 ('.'). */
export function parseAmount(raw: string, decimal: DecimalMark = '.'): number | undefined {
  let s = raw
    .trim()
    .replace(/^[$€£¥]\s*|\s*[$€£¥%]$/g, '')
    .replace(/[\s\u00a0']/g, '');
  const thousands = decimal === ',' ? '.' : ',';
  s = s.split(thousands).join('');
  if (decimal === ',') s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** The two readings of a numeric date ("05/06/2026"): day first and month first, each undefined when not a real date. */
export function readings(raw: string): { dmy?: string; mdy?: string; dots: boolean } | undefined {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})\b/.exec(raw.trim());
  if (!m) return undefined;
  const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  const [a, b] = [Number(m[1]), Number(m[3])];
  return { dmy: calendarDay(year, b, a), mdy: calendarDay(year, a, b), dots: m[2] === '.' };
}

const ORDER_WORDS: Record<DateOrder, string> = { dmy: 'dates as DD/MM/YYYY (day first)', mdy: 'dates as MM/DD/YYYY (month first)' };

/** How a date column reads as the user chose it in the preview. */
export function chosenOrder(order: DateOrder): ColumnFormat {
  return { dates: order, description: `${ORDER_WORDS[order]}, as you chose` };
}

/**
 * Learns a date column's day/month order from evidence only (issue 31): a cell decides when it is
 * a real date in exactly one order ("16/07/2026" only day first, "07/16/2026" only month first);
 * a cell that is a date in neither order ("31/31/2026") is its own row's problem and decides
 * nothing. Dotted dates (16.07.2026) are written day first. With no deciding cell, or cells that
 * decide both ways, the order is not guessed: `ask` holds two of the column's own values for the
 * preview to show read both ways, unless `known` (the export's documented order) settles it.
 */
export function dateFormat(values: Iterable<string>, known?: { order: DateOrder; because: string }): ColumnFormat {
  let dayFirst = '';
  let monthFirst = '';
  let dots = false;
  const both: string[] = [];
  for (const raw of values) {
    const r = readings(raw);
    if (!r) continue;
    if (r.dots) {
      if (r.dmy) dots = true;
      continue;
    }
    if (r.dmy && !r.mdy) dayFirst ||= raw.trim();
    else if (r.mdy && !r.dmy) monthFirst ||= raw.trim();
    else if (r.dmy && r.mdy && r.dmy !== r.mdy && both.length < 2 && !both.includes(raw.trim())) both.push(raw.trim());
  }
  if (dayFirst && monthFirst) {
    return {
      description: 'dates: day or month first?',
      warning: `this column has dates that can only be day first ("${dayFirst}") and others that can only be month first ("${monthFirst}")`,
      ask: [dayFirst, monthFirst],
    };
  }
  if (dayFirst) return { dates: 'dmy', description: `${ORDER_WORDS.dmy}: "${dayFirst}" can only be day first` };
  if (monthFirst) return { dates: 'mdy', description: `${ORDER_WORDS.mdy}: "${monthFirst}" can only be month first` };
  if (dots) return { dates: 'dmy', description: 'dates as DD.MM.YYYY' };
  if (!both.length) return {};
  if (known) return { dates: known.order, description: `${ORDER_WORDS[known.order]}: ${known.because}` };
  return { description: 'dates: day or month first?', ask: both };
}
