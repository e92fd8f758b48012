/**
 * What an import says about a cell it could not read: the words for `readField`'s problem codes.
 * Every place showing one names the column first ("Line 7, column NPS Score: …"), so the words
 * never name the field again (issue 33: "column NPS: NPS "15" is not…").
 */
import { FACT_BY_KEY, type FactKey } from '../facts';
import { DAY_SPAN } from '../day';
import { NUMBER_LIMITS } from '../limits';
import { parseImportDate } from './cells';
import type { ColumnFormat } from './formats';
import type { CellProblem } from './cells';

export function describeProblem(problem: CellProblem, field: FactKey, raw: string, format: ColumnFormat = {}): string {
  switch (problem) {
    case 'date':
      return `"${raw}" is not a real date between ${DAY_SPAN.from} and ${DAY_SPAN.to} (use 2026-05-14, 05/14/2026, 16.07.2026 or 14 May 2026)`;
    case 'order':
      return `"${raw}" can be day first or month first, and nothing says which: choose the column's order in the preview`;
    case 'future':
      return `${parseImportDate(raw, format.dates)} is in the future`;
    case 'nps':
      return `"${raw}" is not a whole number from 0 to 10`;
    case 'csat':
      return `"${raw}" is not a score (1-5) or a percentage (0-100)${/^0[.,]\d/.test(raw.trim()) ? `: if it means ${Math.round(Number(raw.trim().replace(',', '.')) * 100)} %, write that` : ''}`;
    case 'tickets':
      return `"${raw}" is not a whole number`;
    case 'amount':
      return `"${raw.length > 40 ? `${raw.slice(0, 20)}…` : raw}" is not an amount from 0 to ${NUMBER_LIMITS.amount.toLocaleString('en-US')}`;
    case 'zone':
      return `"${raw}" is not a time zone (use e.g. Europe/Paris)`;
    case 'long':
      return `longer than ${FACT_BY_KEY[field].max} characters (${raw.trim().length})`;
  }
}
