import Papa from 'papaparse';
import { useEffect, useState } from 'react';
import { columnFormats, detectDelimiter, notCsv, previewCell } from '@/lib/import/csv';
import type { ColumnFormat } from '@/lib/import/formats';
import { IMPORT_FIELDS, recognizeHeaders, type ColumnMapping, type ImportField } from '@/lib/import/headers';
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
    const text = await file.text();
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
    const mapping = recognizeHeaders(headers);
    setPending({ file, text, headers, sample, mapping, formats: columnFormats(text, mapping), lines });
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
          formats: pending.formats,
        }),
      );
      setPending(undefined);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(undefined);
    }
  };

  const hasEmail = pending?.mapping.includes('email');

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
                          setPending({ ...pending, mapping, formats: columnFormats(pending.text, mapping) });
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
                      {pending.sample
                        .slice(0, 3)
                        .map((row) => `${row[i] ?? ''} → ${previewCell(pending.mapping[i] ?? null, row[i] ?? '', today, pending.formats[i])}`)
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
          <button className="primary-inline" data-testid="import-confirm" disabled={!hasEmail || progress !== undefined} onClick={() => void run()}>
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
          {report.fileName}: {imported.toLocaleString()} of {report.total.toLocaleString()} rows imported
        </strong>{' '}
        ({report.created} new, {report.updated} updated, {report.unchanged} unchanged), {report.duplicates.length} merged as duplicate
        {report.duplicates.length === 1 ? '' : 's'}, {rows} rejected. Every row: {imported} + {report.duplicates.length} + {rows} = {report.total}. The file's{' '}
        {report.lines.physical} lines: 1 header + {report.total} rows
        {report.lines.insideCells ? ` + ${report.lines.insideCells} inside quoted cells` : ''}
        {report.lines.blank ? ` + ${report.lines.blank} blank` : ''}.
      </p>
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
