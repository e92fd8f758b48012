/**
 * Reads a CSV export of contacts into one validated row per email, accounting for every line of
 * the file (issue 17): each data row is new, updated, unchanged, merged into an earlier row with
 * the same email, or rejected with its line and reason; a bad optional cell is skipped (and listed
 * with its line, column and reason) without dropping the contact; an empty cell never erases.
 * Two streaming passes (papaparse's `step`): the first learns each column's number and date
 * format from all its values, the second reads the rows with it. The first is skipped when the
 * formats come with the file (the preview learned them already).
 */
import Papa from 'papaparse';
import { isFactKey, type PlainFacts } from '../facts';
import { TEXT_LIMITS } from '../limits';
import { Email } from '../model';
import { looksLikeFormula } from '../templates/values';
import { dateFormat, numberFormat, readings, type ColumnFormat, type DateOrder } from './formats';
import { toDay } from '../day';
import { emailRank, IMPORT_FIELDS, recognizeHeaders, type ColumnMapping, type ImportField } from './headers';
import { describeProblem } from './problems';
import { readField } from './cells';

export interface ImportedRow {
  line: number;
  email: string;
  name?: string;
  company?: string;
  /** Other addresses of the contact, lower case, never the email itself. */
  otherEmails?: string[];
  facts: PlainFacts;
}

export interface Rejection {
  line: number;
  reason: string;
}

/** A cell left out of an imported row: the row came in, this value did not. */
export interface SkippedCell {
  line: number;
  column: string;
  reason: string;
}

/** A later row with an email seen earlier in the file: merged into that row. */
export interface Duplicate {
  line: number;
  email: string;
  firstLine: number;
  /** Values the later row changed ("NPS 9 → 3"). */
  changes: string[];
}

export interface ParsedImport {
  headers: string[];
  mapping: ColumnMapping;
  /** One per email, duplicates merged in. */
  rows: ImportedRow[];
  rejected: Rejection[];
  skipped: SkippedCell[];
  duplicates: Duplicate[];
  /** Rows imported with a warning (a formula-like name, never used as a greeting). */
  flagged: Rejection[];
  /** How each number or date column was read, by column index. */
  formats: Record<number, ColumnFormat>;
  /** Data rows seen: rows.length + duplicates.length + rejected rows (line > 1). */
  total: number;
  /** A reason the whole file was refused (not a CSV, no email column, empty). */
  refused?: string;
  /** The file's physical lines: 1 header + `total` rows + lines inside quoted cells + blank lines + a report footer. */
  lines: { physical: number; blank: number; insideCells: number; footer?: number };
  /** A report footer after the rows (Salesforce's), skipped whole: its first line and what it is. */
  footer?: { line: number; lines: number; what: string };
  /** What the file does that the user should know, read anyway ("mixes Windows and old Mac line ends"). */
  notes?: string[];
}

export interface ParseOptions {
  /** Column -> field; recognised from the headers when absent. */
  mapping?: ColumnMapping;
  /** YYYY-MM-DD: dates after it are rejected. */
  today: string;
  onProgress?: (rowsDone: number) => void;
  /**
   * Each new email's row, as soon as it is read, so it can be written while the rest is read. A
   * later row with the same email merges into that same object, and is listed in `duplicates`.
   */
  onRow?: (row: ImportedRow) => void;
  /**
   * How each number or date column is read, as `columnFormats` learned it for `mapping` (the
   * options page's preview, which the user confirmed): the file is then read once, not twice.
   */
  formats?: Record<number, ColumnFormat>;
}

const NUMBER_FIELDS = new Set<ImportField>(['nps', 'csat', 'openTickets', 'spend90d', 'spendTotal']);

/** Comma, semicolon (European spreadsheets) or tab: whichever the header line uses most. */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, Math.max(0, text.search(/\r\n|\n|\r/)) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

/** Why a file is not a CSV export at all (a spreadsheet renamed .csv, a binary), or undefined. */
export function notCsv(text: string): string | undefined {
  const head = text.slice(0, 4_096);
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('\u00d0\u00cf\u0011\u00e0')) {
    return 'This is not a CSV file: it is a spreadsheet workbook (Excel or similar). Save or export it as CSV first.';
  }
  const odd = (head.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (odd > 4 || head.includes('\u0000')) return 'This is not a CSV file: it holds binary data. Export your contacts as CSV and choose that file.';
  return undefined;
}

/**
 * Every line end as "\n", whatever the file mixes (Windows CR LF, old Mac CR, Unix LF): a file that
 * mixes them no longer reads three rows as one (issue 31). Says so when it mixed them.
 */
export function normaliseLineEnds(text: string): { text: string; mixed: boolean } {
  if (!text.includes('\r')) return { text, mixed: false };
  const crlf = text.includes('\r\n');
  const cr = /\r(?!\n)/.test(text);
  const lf = /(?<!\r)\n/.test(text);
  return { text: text.replace(/\r\n?/g, '\n'), mixed: [crlf, cr, lf].filter(Boolean).length > 1 };
}

const FOOTER_MARK = /^"?(Copyright \(c\) [^\n]*salesforce\.com|Confidential Information - Do Not Distribute)/im;

/**
 * A Salesforce report's footer after its rows (a blank line, the report's title, "Copyright (c) …
 * salesforce.com", "Confidential Information - Do Not Distribute", "Generated By: …", the org's
 * name): where it starts in the text, its lines, and the "Generated By" line's date and time.
 */
export function reportFooter(text: string): { at: number; lines: number; generated?: string } | undefined {
  const tail = text.length > 4_096 ? text.length - 4_096 : 0;
  const body = text.replace(/\n+$/, '');
  const blank = body.lastIndexOf('\n\n');
  if (blank < tail || !FOOTER_MARK.test(body.slice(blank))) return undefined;
  const block = text.slice(blank + 1);
  const lines = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  const generated = /Generated By:[^\n]*?(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})/i.exec(block)?.[1];
  return { at: blank + 1, lines, ...(generated ? { generated } : {}) };
}

/**
 * The date order a Salesforce report's own footer proves: it was generated just before the file
 * was read, so of the two readings of its date ("12/6/2026") only one is within the last 45 days.
 */
function footerOrder(generated: string | undefined, today: string | undefined): { order: DateOrder; because: string } | undefined {
  const r = generated && today ? readings(generated) : undefined;
  if (!r || r.dots || !r.dmy || !r.mdy || r.dmy === r.mdy) return undefined;
  const recent = (d: string) => d <= today! && d >= toDay(new Date(Date.parse(today!) - 45 * 86_400_000));
  const [dmy, mdy] = [recent(r.dmy), recent(r.mdy)];
  if (dmy === mdy) return undefined;
  const order: DateOrder = dmy ? 'dmy' : 'mdy';
  return {
    order,
    because: `the report footer says it was generated on ${generated}, which is a recent day only read ${order === 'dmy' ? 'day' : 'month'} first`,
  };
}

/** The file's column formats, from every value of each number or date column (`today`: to read a report footer's date). */
export function columnFormats(input: string, mapping: ColumnMapping, today?: string): Record<number, ColumnFormat> {
  const values = new Map<number, string[]>();
  mapping.forEach((f, i) => f && (NUMBER_FIELDS.has(f) || f === 'customerSince') && values.set(i, []));
  if (!values.size) return {};
  let header = true;
  let text = normaliseLineEnds(input).text;
  const footer = reportFooter(text);
  if (footer) text = text.slice(0, footer.at);
  const known = footerOrder(footer?.generated, today);
  Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: 'greedy',
    step: ({ data }) => {
      if (header) {
        header = false;
        return;
      }
      for (const [i, list] of values) if (data[i]?.trim()) list.push(data[i]!);
    },
  });
  const formats: Record<number, ColumnFormat> = {};
  for (const [i, list] of values) formats[i] = mapping[i] === 'customerSince' ? dateFormat(list, known) : numberFormat(list);
  return formats;
}

export function parseContactsCsv(input: string, options: ParseOptions): ParsedImport {
  const reading = startReading(input, options, true);
  if ('done' in reading) return reading.done;
  Papa.parse<string[]>(reading.text, { delimiter: reading.delimiter, skipEmptyLines: 'greedy', step: (step) => void reading.row(step, 0) });
  return reading.finish();
}

/**
 * As `parseContactsCsv`, for an import written while it is read (issue 16: the background's heap).
 * When `onRow` answers a promise (the writes are behind), reading pauses until it settles, so only
 * a bounded part of a large file is held as records at once while the disk is never idle. Rows
 * are not kept once handed over: `rows` holds only those a later duplicate merged into (each row
 * seen twice is read again from the file then), for the caller to write again as merged.
 */
export function streamContactsCsv(
  input: string,
  options: Omit<ParseOptions, 'onRow'> & { onRow: (row: ImportedRow) => PromiseLike<unknown> | void },
): Promise<ParsedImport> {
  const reading = startReading(input, options, false);
  if ('done' in reading) return Promise.resolve(reading.done);
  return new Promise((resolve, reject) => {
    // Paused, papaparse reads on from the paused row's end as the start of its input: where that
    // input starts in the file.
    let offset = 0;
    Papa.parse<string[]>(reading.text, {
      delimiter: reading.delimiter,
      skipEmptyLines: 'greedy',
      // Its fast mode splits all the input left into lines at each start: after every pause, a
      // 50,000-row file left ~25 MB of garbage in the worker. The full parser is as fast here.
      fastMode: false,
      step: (step, parser) => {
        const wait = reading.row(step, offset);
        if (!wait) return;
        offset += step.meta.cursor;
        parser.pause();
        // What the reading resumed does (the next rows, the totals) fails into this promise, not
        // into nowhere: an import left waiting forever would hold its transaction open.
        wait.then(() => parser.resume()).then(undefined, reject);
      },
      complete: () => resolve(reading.finish()),
    });
  });
}

type Step = Papa.ParseStepResult<string[]>;

/**
 * One reading of a file: each row as papaparse steps through it, then the totals. Without
 * `keepRows`, a row is remembered by where it is in the file (a few bytes, not the ~350 a row
 * costs as a record: 17 MB for 50,000), and read again from there if a later row repeats its email.
 */
function startReading(
  input: string,
  options: Omit<ParseOptions, 'onRow'> & { onRow?: (row: ImportedRow) => PromiseLike<unknown> | void },
  keepRows: boolean,
): { done: ParsedImport } | { text: string; delimiter: string; row: (step: Step, offset: number) => PromiseLike<unknown> | void; finish: () => ParsedImport } {
  const result: ParsedImport = {
    headers: [],
    mapping: [],
    rows: [],
    rejected: [],
    skipped: [],
    duplicates: [],
    flagged: [],
    formats: {},
    total: 0,
    lines: { physical: 0, blank: 0, insideCells: 0 },
  };
  const refused = notCsv(input);
  if (refused) return { done: { ...result, refused, rejected: [{ line: 1, reason: refused }] } };
  const ends = normaliseLineEnds(input);
  const footer = reportFooter(ends.text);
  // The rows end where a report footer starts: its lines are accounted for as the footer, not as rows.
  const text = footer ? ends.text.slice(0, footer.at) : ends.text;
  if (ends.mixed) result.notes = ['the file mixes line ends (Windows, old Mac, Unix): each was read as the end of a line'];
  /** Each email's row (merged with its duplicates), or where its only row is in the text: [start, end, line]. */
  const byEmail = new Map<string, ImportedRow | readonly [number, number, number]>();
  const segments = new Map<string, string>();
  // One segment whatever its case: "enterprise" joins "Enterprise" as first written.
  const oneSegment = (row: ImportedRow) => {
    const segment = row.facts.segment as string | undefined;
    if (!segment) return;
    const known = segments.get(segment.toLowerCase());
    if (known) row.facts.segment = known;
    else segments.set(segment.toLowerCase(), segment);
  };
  /** A row read again from the file, as it was read the first time (what it skipped is listed already). */
  const readAgain = ([start, end, line]: readonly [number, number, number]): ImportedRow => {
    const cells = Papa.parse<string[]>(text.slice(start, end), { delimiter, skipEmptyLines: 'greedy', fastMode: false }).data[0] ?? [];
    const row = readRow(cells, line, { ...result, skipped: [], flagged: [] }, options.today) as ImportedRow;
    oneSegment(row);
    return row;
  };
  const delimiter = detectDelimiter(text);
  let lineAtCursor = 1;
  let cursor = 0;
  let header = true;
  const newlinesBetween = (from: number, to: number) => {
    let n = 0;
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
    return n;
  };

  const row = (step: Step, offset: number): PromiseLike<unknown> | void => {
    const start = cursor;
    const end = offset + step.meta.cursor;
    // Lines before this row's first non-blank character.
    const leading = text.slice(start, end).match(/^[\r\n]*/)?.[0] ?? '';
    const line = lineAtCursor + newlinesBetween(start, start + leading.length);
    lineAtCursor += newlinesBetween(start, end);
    cursor = end;
    const cells = step.data;
    if (header) {
      header = false;
      result.headers = cells.map((c) => c.trim().replace(/^\ufeff/, ''));
      result.mapping = options.mapping ?? recognizeHeaders(result.headers);
      result.formats = options.mapping && options.formats ? options.formats : columnFormats(ends.text, result.mapping, options.today);
      return;
    }
    result.total++;
    if (options.onProgress && result.total % 2_000 === 0) options.onProgress(result.total);
    const span = text.slice(start + leading.length, end).replace(/\n+$/, '');
    if (step.errors.some((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') && span.includes('\n')) {
      return readOn(span, line, start + leading.length);
    }
    if (step.errors.length) {
      result.rejected.push({ line, reason: step.errors.map((e) => describePapaError(e.code, e.message)).join('; ') });
      return;
    }
    return take(cells, line, start + leading.length, end);
  };

  /**
   * A quote opened on `line` and never closed (or closed lines later) swallowed the lines after it
   * into one cell: that line is rejected, saying which lines it swallowed, and each of those is
   * read on its own, as the row it was written as (issue 31).
   */
  const readOn = (span: string, line: number, from: number): PromiseLike<unknown> | void => {
    const parts = span.split('\n');
    result.rejected.push({
      line,
      reason: `a quoted cell opened on this line is not closed: lines ${line + 1}-${line + parts.length - 1} after it were read on their own`,
    });
    const waits: PromiseLike<unknown>[] = [];
    let at = from + parts[0]!.length + 1;
    parts.slice(1).forEach((part, j) => {
      const here = at;
      at += part.length + 1;
      if (!part.trim()) return;
      result.total++;
      const parsed = Papa.parse<string[]>(part, { delimiter });
      if (parsed.errors.length) {
        result.rejected.push({ line: line + 1 + j, reason: parsed.errors.map((e) => describePapaError(e.code, e.message)).join('; ') });
        return;
      }
      const wait = take(parsed.data[0] ?? [], line + 1 + j, here, here + part.length);
      if (wait) waits.push(wait);
    });
    return waits.length ? Promise.all(waits) : undefined;
  };

  /** One row's cells, read and handed over (or merged into the earlier row with its email). */
  const take = (cells: string[], line: number, from: number, to: number): PromiseLike<unknown> | void => {
    const outcome = readRow(cells, line, result, options.today);
    if ('reason' in outcome) {
      result.rejected.push({ line, reason: outcome.reason });
      return;
    }
    oneSegment(outcome);
    const seen = byEmail.get(outcome.email);
    if (seen) {
      const earlier = 'email' in seen ? seen : readAgain(seen);
      byEmail.set(outcome.email, earlier);
      result.duplicates.push({ line, email: outcome.email, firstLine: earlier.line, changes: mergeInto(earlier, outcome) });
      return;
    }
    byEmail.set(outcome.email, keepRows ? outcome : [from, to, line]);
    return options.onRow?.(outcome);
  };

  const finish = (): ParsedImport => {
    for (const row of byEmail.values()) if ('email' in row) result.rows.push(row);
    // Every physical line of the file, accounted for: header, rows, lines inside quoted cells, blank lines.
    const physical = text.split('\n');
    if (physical.at(-1) === '') physical.pop();
    const blank = physical.filter((l) => !l.trim()).length;
    result.lines = { physical: physical.length, blank, insideCells: Math.max(0, physical.length - blank - result.total - (header ? 0 : 1)) };
    if (footer) {
      result.lines.physical += footer.lines;
      result.lines.footer = footer.lines;
      result.footer = { line: physical.length + 1, lines: footer.lines, what: 'Salesforce report footer' };
    }
    if (header) {
      result.refused = 'The file is empty.';
      result.rejected.push({ line: 1, reason: 'the file is empty' });
    } else if (!result.mapping.includes('email')) {
      // Without an email column no row can be matched to a contact: the import is refused whole.
      result.refused = `No email column (headers: ${result.headers.join(', ') || 'none'}): choose which column holds the email address.`;
      result.rejected = [{ line: 1, reason: `no email column (headers: ${result.headers.join(', ') || 'none'})` }];
      result.rows = [];
      result.duplicates = [];
      result.skipped = [];
    }
    return result;
  };

  return { text, delimiter, row, finish };
}

/** A later row's filled cells update the earlier row; its empty cells change nothing. Returns what changed. */
function mergeInto(earlier: ImportedRow, later: ImportedRow): string[] {
  const changes: string[] = [];
  const change = (label: string, before: unknown, after: unknown) => {
    if (after === undefined || after === '' || before === after) return false;
    if (before !== undefined && before !== '') changes.push(`${label} ${String(before)} → ${String(after)}`);
    return true;
  };
  if (change('name', earlier.name, later.name)) earlier.name = later.name;
  if (change('company', earlier.company, later.company)) earlier.company = later.company;
  if (later.otherEmails) earlier.otherEmails = unionOf(earlier.otherEmails, later.otherEmails, earlier.email);
  const facts: Record<string, unknown> = earlier.facts;
  for (const [key, value] of Object.entries(later.facts)) {
    if (change(IMPORT_FIELDS[key as ImportField] ?? key, facts[key], value)) facts[key] = value;
  }
  return changes;
}

/** Two lists of other addresses as one, without the contact's own, at most 10. */
export function unionOf(a: readonly string[] | undefined, b: readonly string[] | undefined, own: string): string[] {
  return [...new Set([...(a ?? []), ...(b ?? [])])].filter((x) => x !== own).slice(0, 10);
}

function describePapaError(code: string, message: string): string {
  if (code === 'TooFewFields') return 'fewer cells than the header has';
  if (code === 'TooManyFields') return 'more cells than the header has';
  if (code === 'InvalidQuotes' || code === 'MissingQuotes') return 'a quoted cell is not closed';
  return message;
}

function readRow(cells: string[], line: number, file: ParsedImport, today: string): ImportedRow | { reason: string } {
  const { mapping, headers, formats } = file;
  if (cells.length !== headers.length) return { reason: cells.length < headers.length ? 'fewer cells than the header has' : 'more cells than the header has' };
  const row: ImportedRow = { line, email: '', facts: {} };
  let first = '';
  let last = '';
  const skipped: SkippedCell[] = [];
  let emailProblem = '';
  /** Other addresses with their column's rank (Other before Home). */
  const others: Array<[number, string]> = [];
  mapping.forEach((field, i) => {
    const raw = cells[i]?.trim() ?? '';
    if (!field || raw === '') return;
    const column = headers[i] || `column ${i + 1}`;
    if (field === 'email') {
      const parsed = Email.safeParse(raw);
      if (parsed.success) row.email = parsed.data;
      else emailProblem = `"${raw}" is not an email address`;
    } else if (field === 'otherEmails') {
      // One address per cell (Pipedrive), or several separated by ";" or "," (HubSpot).
      for (const part of raw.split(/[;,\s]+/).filter(Boolean)) {
        const parsed = Email.safeParse(part);
        if (parsed.success) others.push([emailRank(headers[i] ?? '') ?? 3, parsed.data]);
        else skipped.push({ line, column, reason: `"${part.slice(0, 80)}" is not an email address: left out` });
      }
    } else if (field === 'firstName' || field === 'lastName' || field === 'name' || field === 'company') {
      const limit = field === 'company' ? TEXT_LIMITS.company : TEXT_LIMITS.name;
      const value = raw.length > limit ? raw.slice(0, limit) : raw;
      if (raw.length > limit) skipped.push({ line, column, reason: `longer than ${limit} characters (${raw.length}): cut to ${limit}` });
      if (field === 'firstName') first = value;
      else if (field === 'lastName') last = value;
      else if (field === 'name') row.name = value;
      else row.company = value;
    } else if (isFactKey(field)) {
      const reading = readField(field, raw, today, formats[i]);
      if ('problem' in reading) skipped.push({ line, column, reason: `${describeProblem(reading.problem, field, raw, formats[i])}: cell skipped` });
      else (row.facts as Record<string, unknown>)[field] = reading.value;
    }
  });
  if (!row.name && (first || last)) row.name = `${first} ${last}`.trim().slice(0, TEXT_LIMITS.name);
  if (emailProblem) return { reason: emailProblem };
  // No work address: the person's next one is their email (Other before Home), the rest stay other addresses.
  const ranked = others.sort((a, b) => a[0] - b[0]).map(([, address]) => address);
  if (!row.email && ranked.length) row.email = ranked[0]!;
  if (!row.email) return { reason: 'no email address' };
  const otherEmails = unionOf(ranked, undefined, row.email);
  if (otherEmails.length) row.otherEmails = otherEmails;
  file.skipped.push(...skipped);
  if (row.name && looksLikeFormula(row.name)) {
    file.flagged.push({ line, reason: `the name "${row.name.slice(0, 40)}" looks like a spreadsheet formula: kept as text, never used as a greeting` });
  }
  return row;
}

/** Describes how a column will be read, for the preview: "Customer since: 05/14/2026 -> 2026-05-14". */
export function previewCell(field: ImportField | null, raw: string, today: string, format?: ColumnFormat): string {
  if (!field) return 'not imported';
  if (!raw.trim()) return '(empty)';
  if (!isFactKey(field)) return raw.trim();
  const reading = readField(field, raw, today, format);
  return 'problem' in reading ? `✗ ${describeProblem(reading.problem, field, raw, format)}` : String(reading.value);
}

export { IMPORT_FIELDS };

/** What an import did with every line of the file, as the options page reports it. */
export interface ImportReport {
  fileName: string;
  /** Data rows in the file: created + updated + unchanged + duplicates + rejected. */
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  duplicates: Duplicate[];
  skipped: SkippedCell[];
  flagged: Rejection[];
  /** The file's lines: header + rows + lines inside quoted cells + blank lines + a report footer. */
  lines: ParsedImport['lines'];
  footer?: ParsedImport['footer'];
  notes?: string[];
  /** How number and date columns were read: "Spend 90d: amounts with a decimal comma". */
  formats: Array<{ column: string; description: string; warning?: string }>;
}
