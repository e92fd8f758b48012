/**
 * How a column writes its numbers and dates, decided from all of its values (issue 17): a decimal
 * comma ("1.234,50") or point ("1,234.50"); day-first or month-first dates ("16/07/2026" can only
 * be day-first, "07/16/2026" only month-first; "05/06/2026" needs the rest of the column).
 * Ambiguity is said, never guessed silently.
 */
export type DecimalMark = ',' | '.';
export type DateOrder = 'dmy' | 'mdy';

export interface ColumnFormat {
  decimal?: DecimalMark;
  dates?: DateOrder;
  /** In words, for the preview: "amounts with a decimal comma (1.234,50)". */
  description?: string;
  warning?: string;
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

/** Learns a date column's day/month order from its values. */
export function dateFormat(values: Iterable<string>): ColumnFormat {
  let dayFirst = false;
  let monthFirst = false;
  let dots = false;
  let slashes = false;
  let ambiguous = '';
  for (const raw of values) {
    const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})\b/.exec(raw.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (m[2] === '.') dots = true;
    else slashes = true;
    if (a > 12) dayFirst = true;
    else if (b > 12) monthFirst = true;
    else if (!ambiguous && a !== b) ambiguous = raw.trim();
  }
  if (!dots && !slashes) return {};
  if (dayFirst && monthFirst)
    return {
      dates: 'mdy',
      description: 'dates, month first',
      warning: 'this column has both day-first and month-first dates: the ones that can be either are read month first',
    };
  if (dayFirst || (dots && !monthFirst)) return { dates: 'dmy', description: dots ? 'dates as DD.MM.YYYY' : 'dates as DD/MM/YYYY (day first)' };
  if (monthFirst) return { dates: 'mdy', description: 'dates as MM/DD/YYYY (month first)' };
  return {
    dates: 'mdy',
    description: 'dates as MM/DD/YYYY (month first)',
    ...(ambiguous ? { warning: `no date in this column says whether the day or the month comes first: "${ambiguous}" is read month first` } : {}),
  };
}
