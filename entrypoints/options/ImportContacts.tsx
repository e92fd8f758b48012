import Papa from 'papaparse';
import { useEffect, useState } from 'react';
import { columnFormats, detectDelimiter, normaliseLineEnds, notCsv, previewCell } from '@/lib/import/csv';
import { chosenOrder, type ColumnFormat, type DateOrder } from '@/lib/import/formats';
import { parseImportDate } from '@/lib/import/cells';
import { IMPORT_FIELDS, recognizeHeaders, shapeOf, type ColumnMapping, type ImportField } from '@/lib/import/headers';
import { getPref, IMPORT_MAPPINGS, setPref } from '@/lib/prefs';
import { toDay } from '@/lib/engine/relationship';
import { onAnnouncement, request } from '@/lib/messaging/client';
import { upload } from '@/lib/messaging/upload';
import type { ImportReport } from '@/lib/import/csv';
import { hostNames } from '@/lib/hosts/registry';

interface Pending {
  file: File;
  text: string;
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  /** Each number or date column's format, learned from all of its values. */
  formats: Record<number, ColumnFormat>;
  /** Lines in the file, for the progress bar (quoted line breaks make it an estimate). */
  lines: number;
  /** The order the user chose for each date column the file alone does not settle, by column index. */
  orders: Record<number, DateOrder>;
  /** The mapping came from the user's own choice for this export shape last time. */
  remembered: boolean;
}

/** The mapping the user chose for this export shape before, when every field in it is still one we import. */
async function rememberedMapping(headers: string[]): Promise<ColumnMapping | undefined> {
  const saved = (await getPref(IMPORT_MAPPINGS))[shapeOf(headers)];
  if (!saved || saved.length !== headers.length || !saved.every((f) => f === null || Object.hasOwn(IMPORT_FIELDS, f))) return undefined;
  return saved as ColumnMapping;
}

/** Keeps the user's mapping for this export shape when it differs from what the headers say by themselves (at most 20 shapes). */
async function rememberMapping(headers: string[], mapping: ColumnMapping): Promise<void> {
  const all = await getPref(IMPORT_MAPPINGS);
  const key = shapeOf(headers);
  delete all[key];
  if (JSON.stringify(mapping) !== JSON.stringify(recognizeHeaders(headers))) all[key] = mapping;
  await setPref(IMPORT_MAPPINGS, Object.fromEntries(Object.entries(all).slice(-20)));
}

/** The formats to read the file with: as learned, with the user's answer for each column the preview asked about. */
const readWith = (p: Pending): Record<number, ColumnFormat> =>
  Object.fromEntries(Object.entries(p.formats).map(([i, f]) => [i, f.ask && p.orders[Number(i)] ? chosenOrder(p.orders[Number(i)]!) : f]));

/** "05/06/2026 = 5 June 2026": a value read in one order, in words nobody can misread. */
function spelled(raw: string, order: DateOrder): string {
  const day = parseImportDate(raw, order);
  if (!day) return `${raw} is not a date`;
  const [y, m, d] = day.split('-').map(Number);
  return `${raw} = ${d} ${new Date(Date.UTC(y!, m! - 1, d)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`;
}

/**
 * Import in two steps: a preview of how each column will be read (change any mapping), then the
 * import itself, which runs in the background service worker so this page stays responsive.
 */
export function ImportContacts() {
  const [pending, setPending] = useState<Pending>();
  const [progress, setProgress] = useState<number>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState('');
  const today = toDay(new Date());

  useEffect(() => {
    return onAnnouncement((event) => event.type === 'import/progress' && setProgress(event.done));
  }, []);

  const choose = async (file: File | undefined) => {
    setReport(undefined);
    setError('');
    setPending(undefined);
    if (!file) return;
    // Line ends as the import reads them: the preview then shows the rows the import will take.
    const { text } = normaliseLineEnds(await file.text());
    const refused = notCsv(text);
    if (refused) {
      setError(`${file.name}: ${refused}`);
      return;
    }
    const preview = Papa.parse<string[]>(text, { preview: 6, skipEmptyLines: 'greedy', delimiter: detectDelimiter(text) });
    const [headers = [], ...sample] = preview.data;
    if (headers.length === 0) {
      setError(`${file.name} is empty.`);
      return;
    }
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    const remembered = await rememberedMapping(headers);
    const mapping = remembered ?? recognizeHeaders(headers);
    setPending({ file, text, headers, sample, mapping, formats: columnFormats(text, mapping, today), lines, orders: {}, remembered: !!remembered });
  };

  const run = async () => {
    if (!pending) return;
    setProgress(0);
    try {
      setReport(
        await request('contacts/import', {
          fileName: pending.file.name,
          observedAt: new Date(pending.file.lastModified || Date.now()).toISOString(),
          // In pieces: a CRM export can be larger than the 64 MB one message holds.
          upload: await upload(pending.text),
          mapping: pending.mapping,
          formats: readWith(pending),
        }),
      );
      await rememberMapping(pending.headers, pending.mapping);
      setPending(undefined);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(undefined);
    }
  };

  const hasEmail = pending?.mapping.includes('email');
  /** Date columns whose order the user has not chosen yet: Import waits for them. */
  const unanswered = pending
    ? Object.entries(pending.formats)
        .filter(([i, f]) => f.ask && !pending.orders[Number(i)])
        .map(([i]) => pending.headers[Number(i)])
    : [];

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import contacts</h2>
      <p className="muted">
        A CSV export from {hostNames('crm')}, or from your analytics tool. Columns such as Email, Name, Company, Customer Since / Close Date, NPS, CSAT, Open
        Tickets, Spend 90d, Time Zone and Segment are recognised. Re-importing updates contacts by email; a fact you entered after the file was exported is
        kept.
      </p>
      <details>
        <summary>How to export contacts as CSV</summary>
        <ul>
          <li>HubSpot: Contacts → Export (top right) → File format CSV → Export; the file arrives by email or in notifications.</li>
          <li>Salesforce: Reports → New Report → Contacts &amp; Accounts → Run → Export → Details Only, format Comma Delimited .csv.</li>
          <li>Pipedrive: Contacts → People → … (more) → Export filter results → CSV.</li>
          <li>Excel or Google Sheets: File → Save as / Download → CSV (comma-separated values). A workbook (.xlsx) is not a CSV file.</li>
        </ul>
      </details>
      <div className="field">
        <label htmlFor="import-file">CSV file</label>
        <input id="import-file" type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {pending && (
        <>
          <h3>How {pending.file.name} will be read</h3>
          {pending.remembered && (
            <p className="muted" data-testid="import-remembered">
              The columns are mapped as you chose for this export last time.{' '}
              <button
                className="link"
                onClick={() => {
                  const mapping = recognizeHeaders(pending.headers);
                  setPending({ ...pending, mapping, formats: columnFormats(pending.text, mapping, today), remembered: false });
                }}
              >
                Map them from the headers instead
              </button>
            </p>
          )}
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>Column</th>
                  <th>Imported as</th>
                  <th>First rows, as read</th>
                </tr>
              </thead>
              <tbody>
                {pending.headers.map((header, i) => (
                  <tr key={i}>
                    <td>{header}</td>
                    <td>
                      <select
                        aria-label={`Import column ${header} as`}
                        value={pending.mapping[i] ?? ''}
                        onChange={(e) => {
                          const mapping = [...pending.mapping];
                          mapping[i] = (e.target.value || null) as ImportField | null;
                          setPending({ ...pending, mapping, formats: columnFormats(pending.text, mapping, today) });
                        }}
                      >
                        <option value="">Not imported</option>
                        {Object.entries(IMPORT_FIELDS).map(([field, label]) => (
                          <option key={field} value={field}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="muted">
                      {pending.formats[i]?.description && <strong>{pending.formats[i]!.description}. </strong>}
                      {pending.formats[i]?.warning && (
                        <span className="warn" role="note">
                          Check: {pending.formats[i]!.warning}.{' '}
                        </span>
                      )}
                      {pending.formats[i]?.ask && (
                        <fieldset className="date-order" data-testid="import-date-order">
                          <legend>Does the day or the month come first in {header}? Nothing in the file says.</legend>
                          {(['dmy', 'mdy'] as const).map((order) => (
                            <label key={order}>
                              <input
                                type="radio"
                                name={`date-order-${i}`}
                                value={order}
                                checked={pending.orders[i] === order}
                                onChange={() => setPending({ ...pending, orders: { ...pending.orders, [i]: order } })}
                              />{' '}
                              {order === 'dmy' ? 'Day first' : 'Month first'}: {pending.formats[i]!.ask!.map((raw) => spelled(raw, order)).join(', ')}
                            </label>
                          ))}
                        </fieldset>
                      )}
                      {pending.sample
                        .slice(0, 3)
                        .map((row) => `${row[i] ?? ''} → ${previewCell(pending.mapping[i] ?? null, row[i] ?? '', today, readWith(pending)[i])}`)
                        .join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Rows with the same email are merged into the first one: a later row's filled cells update it, its empty cells change nothing. An empty cell never
            erases what a contact already has. A cell that cannot be read is skipped and listed; the rest of its row is imported.
          </p>
          {!hasEmail && (
            <p className="error" role="alert">
              Choose which column holds the email address: contacts are matched by email.
            </p>
          )}
          {unanswered.length > 0 && (
            <p className="error" role="alert">
              Choose whether the day or the month comes first in {unanswered.join(', ')}: dates are never guessed.
            </p>
          )}
          <button
            className="primary-inline"
            data-testid="import-confirm"
            disabled={!hasEmail || unanswered.length > 0 || progress !== undefined}
            onClick={() => void run()}
          >
            Import {pending.file.name}
          </button>
        </>
      )}
      {progress !== undefined && (
        <p>
          <progress max={pending?.lines ?? 1} value={progress} aria-label="Import progress" /> {progress.toLocaleString()} rows read…
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && <ImportResult report={report} />}
    </section>
  );
}

/** "1 row", "2 rows", "12,000 rows". */
const count = (n: number, noun: string) => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

function ImportResult({ report }: { report: ImportReport }) {
  const imported = report.created + report.updated + report.unchanged;
  const rows = report.rejected.length;
  const list = <T,>(items: T[], render: (item: T) => string) => (
    <ul className="rejected">
      {items.slice(0, 200).map((item, i) => (
        <li key={i}>{render(item)}</li>
      ))}
      {items.length > 200 && <li>…and {items.length - 200} more.</li>}
    </ul>
  );
  return (
    <div data-testid="import-report" role="status" className="report">
      <p>
        <strong>
          {report.fileName}: {imported.toLocaleString()} of {count(report.total, 'row')} imported
        </strong>{' '}
        ({report.created} new, {report.updated} updated, {report.unchanged} unchanged), {report.duplicates.length} merged as duplicate
        {report.duplicates.length === 1 ? '' : 's'}, {rows} rejected. Every row: {imported} + {report.duplicates.length} + {rows} = {report.total}. The file's{' '}
        {count(report.lines.physical, 'line')}: 1 header + {count(report.total, 'row')}
        {report.lines.insideCells ? ` + ${report.lines.insideCells} inside quoted cells` : ''}
        {report.lines.blank ? ` + ${report.lines.blank} blank` : ''}
        {report.footer ? ` + ${report.footer.lines} of the ${report.footer.what}` : ''}.
      </p>
      {report.footer && (
        <p data-testid="import-footer">
          Lines {report.footer.line}-{report.footer.line + report.footer.lines - 1}: {report.footer.what}, skipped.
        </p>
      )}
      {report.notes?.map((note) => (
        <p key={note} className="muted">
          Note: {note}.
        </p>
      ))}
      {report.formats.length > 0 && (
        <>
          <h3>How columns were read</h3>
          {list(report.formats, (f) => `${f.column}: ${f.description}${f.warning ? ` (check: ${f.warning})` : ''}`)}
        </>
      )}
      {report.rejected.length > 0 && (
        <>
          <h3>Rejected rows</h3>
          {list(report.rejected, (r) => `Line ${r.line}: ${r.reason}`)}
        </>
      )}
      {report.duplicates.length > 0 && (
        <>
          <h3>Duplicate emails, merged</h3>
          {list(
            report.duplicates,
            (d) => `Line ${d.line}: duplicate of line ${d.firstLine} (${d.email}), merged into it${d.changes.length ? `: ${d.changes.join(', ')}` : ''}`,
          )}
        </>
      )}
      {report.skipped.length > 0 && (
        <>
          <h3>Cells skipped (the rest of the row was imported)</h3>
          {list(report.skipped, (c) => `Line ${c.line}, column ${c.column}: ${c.reason}`)}
        </>
      )}
      {report.flagged.length > 0 && (
        <>
          <h3>Imported, with a warning</h3>
          {list(report.flagged, (f) => `Line ${f.line}: ${f.reason}`)}
        </>
      )}
    </div>
  );
}
