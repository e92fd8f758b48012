/**
 * Reads a CSV export of contacts into validated rows, streaming (papaparse's `step`), never
 * holding more than one parsed row besides the results. Every rejected row is reported with its
 * line number in the file (quoted multi-line cells counted) and the reason; a row is imported
 * whole or not at all.
 */
import Papa from 'papaparse';
import { Email } from '../model';
import { IMPORT_FIELDS, recognizeHeaders, type ColumnMapping, type ImportField } from './headers';
import { readField } from './values';

export interface ImportedRow {
  line: number;
  email: string;
  name?: string;
  company?: string;
  facts: Partial<Record<'customerSince' | 'nps' | 'csat' | 'openTickets' | 'spend90d' | 'timeZone' | 'segment' | 'results' | 'product', unknown>>;
}

export interface Rejection {
  line: number;
  reason: string;
}

export interface ParsedImport {
  headers: string[];
  mapping: ColumnMapping;
  rows: ImportedRow[];
  rejected: Rejection[];
  /** Data rows seen (imported + rejected). */
  total: number;
}

export interface ParseOptions {
  /** Column -> field; recognised from the headers when absent. */
  mapping?: ColumnMapping;
  /** YYYY-MM-DD: dates after it are rejected. */
  today: string;
  onProgress?: (rowsDone: number) => void;
}

const FACT_FIELDS = new Set<ImportField>(['customerSince', 'nps', 'csat', 'openTickets', 'spend90d', 'timeZone', 'segment', 'results', 'product']);

/** Comma, semicolon (European spreadsheets) or tab: whichever the header line uses most. */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

export function parseContactsCsv(text: string, options: ParseOptions): ParsedImport {
  const result: ParsedImport = { headers: [], mapping: [], rows: [], rejected: [], total: 0 };
  let lineAtCursor = 1;
  let cursor = 0;
  let header = true;
  const newlinesBetween = (from: number, to: number) => {
    let n = 0;
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
    return n;
  };

  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: 'greedy',
    step: (step) => {
      const start = cursor;
      const end = step.meta.cursor;
      // Lines before this row's first non-blank character.
      const leading = text.slice(start, end).match(/^[\r\n]*/)?.[0] ?? '';
      const line = lineAtCursor + newlinesBetween(start, start + leading.length);
      lineAtCursor += newlinesBetween(start, end);
      cursor = end;
      const cells = step.data;
      if (header) {
        header = false;
        result.headers = cells.map((c) => c.trim());
        result.mapping = options.mapping ?? recognizeHeaders(result.headers);
        return;
      }
      result.total++;
      const outcome = step.errors.length
        ? { reason: step.errors.map((e) => describePapaError(e.code, e.message)).join('; ') }
        : readRow(cells, result.mapping, result.headers.length, options.today);
      if ('reason' in outcome) result.rejected.push({ line, reason: outcome.reason });
      else result.rows.push({ ...outcome, line });
      if (options.onProgress && result.total % 2_000 === 0) options.onProgress(result.total);
    },
  });
  if (header) result.rejected.push({ line: 1, reason: 'the file is empty' });
  else if (!result.mapping.includes('email')) {
    // Without an email column no row can be matched to a contact: reject the import as a whole.
    result.rejected = [{ line: 1, reason: `no email column (headers: ${result.headers.join(', ') || 'none'})` }];
    result.rows = [];
  }
  return result;
}

function describePapaError(code: string, message: string): string {
  if (code === 'TooFewFields') return 'fewer cells than the header has';
  if (code === 'TooManyFields') return 'more cells than the header has';
  if (code === 'InvalidQuotes' || code === 'MissingQuotes') return 'a quoted cell is not closed';
  return message;
}

function readRow(cells: string[], mapping: ColumnMapping, width: number, today: string): Omit<ImportedRow, 'line'> | { reason: string } {
  if (cells.length !== width) return { reason: cells.length < width ? 'fewer cells than the header has' : 'more cells than the header has' };
  const row: Omit<ImportedRow, 'line'> = { email: '', facts: {} };
  let first = '';
  let last = '';
  const problems: string[] = [];
  mapping.forEach((field, i) => {
    const raw = cells[i]?.trim() ?? '';
    if (!field || raw === '') return;
    if (field === 'email') {
      const parsed = Email.safeParse(raw);
      if (parsed.success) row.email = parsed.data;
      else problems.push(`"${raw}" is not an email address`);
    } else if (field === 'firstName') first = raw;
    else if (field === 'lastName') last = raw;
    else if (field === 'name') row.name = raw;
    else if (field === 'company') row.company = raw;
    else if (FACT_FIELDS.has(field)) {
      const reading = readField(field, raw, today);
      if ('error' in reading) problems.push(reading.error);
      else row.facts[field as keyof ImportedRow['facts']] = reading.value;
    }
  });
  if (!row.name && (first || last)) row.name = `${first} ${last}`.trim();
  if (!row.email && problems.length === 0) problems.push('no email address');
  if (problems.length) return { reason: problems.join('; ') };
  return row;
}

/** Describes how a column will be read, for the preview: "Customer since: 05/14/2026 -> 2026-05-14". */
export function previewCell(field: ImportField | null, raw: string, today: string): string {
  if (!field) return 'not imported';
  if (!raw.trim()) return '(empty)';
  if (!FACT_FIELDS.has(field)) return raw.trim();
  const reading = readField(field, raw, today);
  return 'error' in reading ? `✗ ${reading.error}` : String(reading.value);
}

export { IMPORT_FIELDS };
