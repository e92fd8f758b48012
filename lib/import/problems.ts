/** What an import says about a cell it could not read: the words for `readField`'s problem codes. */
import { FACT_BY_KEY, type FactKey } from '../facts';
import { parseImportDate } from './cells';
import type { ColumnFormat } from './formats';
import type { CellProblem } from './cells';

export function describeProblem(problem: CellProblem, field: FactKey, raw: string, format: ColumnFormat = {}): string {
  switch (problem) {
    case 'date':
      return `"${raw}" is not a date (use 2026-05-14, 05/14/2026, 16.07.2026 or 14 May 2026)`;
    case 'future':
      return `${FACT_BY_KEY[field].label.toLowerCase()} ${parseImportDate(raw, format.dates)} is in the future`;
    case 'nps':
      return `NPS "${raw}" is not a whole number from 0 to 10`;
    case 'csat':
      return `CSAT "${raw}" is not a score (1-5) or a percentage (0-100)`;
    case 'tickets':
      return `${FACT_BY_KEY[field].label} "${raw}" is not a whole number`;
    case 'amount':
      return `${FACT_BY_KEY[field].label} "${raw}" is not an amount`;
    case 'zone':
      return `"${raw}" is not a time zone (use e.g. Europe/Paris)`;
    case 'long':
      return `longer than ${FACT_BY_KEY[field].max} characters (${raw.trim().length})`;
  }
}
