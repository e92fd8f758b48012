import { plural } from '@/lib/engine/relationship';
import { useEffect, useState } from 'react';
import { download } from '@/components/download';
import { onAnnouncement, request } from '@/lib/messaging/client';
import { sendFile } from '@/lib/messaging/upload';
import { toDay } from '@/lib/day';
import { FormMessage, useMessage } from '@/components/FormMessage';

const stamp = () => toDay();

/** Backup and restore, CSV export, the never-ask list and the weekly reminder. */
export function DataSection({ initialMessage, onRestored }: { initialMessage?: string; onRestored?: (message: string) => void } = {}) {
  const { message, say, failed, clear } = useMessage(initialMessage ? { ok: true, text: initialMessage } : undefined);
  /** A checked backup waiting for the user to confirm what it replaces. */
  const [pendingRestore, setPendingRestore] = useState<{ file: File; summary: string; checked: string }>();
  /** The restore under way: its file, and how many of its records are written. */
  const [restoring, setRestoring] = useState<{ name: string; done?: number; total?: number }>();
  useEffect(() => onAnnouncement((event) => event.type === 'restore/progress' && setRestoring((r) => r && { ...r, done: event.done, total: event.total })), []);
  const [emails, setEmails] = useState('');
  const [domains, setDomains] = useState('');
  const [weekly, setWeekly] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void Promise.all([request('never-ask/get', {}), request('reminders/get', {})]).then(([l, r]) => {
      setEmails(l.emails.join('\n'));
      setDomains(l.domains.join('\n'));
      setWeekly(r.weeklyQueue);
      setLoaded(true);
    });
  }, []);

  const lines = (s: string) =>
    s
      .split(/[\n,;]/)
      .map((l) => l.trim())
      .filter(Boolean);

  if (!loaded) return <p className="muted">Loading…</p>;

  return (
    <>
      <section className="card" aria-labelledby="never-title">
        <h2 id="never-title">Never ask</h2>
        <p className="muted">People and whole domains (a partner, a competitor) that never appear in the queue and never get an ask.</p>
        <div className="grid">
          <div className="field">
            <label htmlFor="never-emails">Email addresses, one per line</label>
            <textarea id="never-emails" rows={4} value={emails} onChange={(e) => setEmails(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="never-domains">Domains, one per line</label>
            <textarea id="never-domains" rows={4} value={domains} onChange={(e) => setDomains(e.target.value)} />
          </div>
        </div>
        <button
          onClick={() =>
            request('never-ask/save', { emails: lines(emails), domains: lines(domains) })
              .then(() => say(true, 'Never-ask list saved.'))
              .catch(failed)
          }
        >
          Save never-ask list
        </button>
      </section>

      <section className="card" aria-labelledby="reminder-title">
        <h2 id="reminder-title">Reminders</h2>
        <div className="field inline">
          <input
            id="weekly"
            type="checkbox"
            checked={weekly}
            onChange={(e) => {
              setWeekly(e.target.checked);
              void request('reminders/save', { weeklyQueue: e.target.checked })
                .then(() => say(true, e.target.checked ? 'Weekly reminder on: Mondays at 9:00.' : 'Weekly reminder off.'))
                .catch(failed);
            }}
          />
          <label htmlFor="weekly">Every Monday at 9:00, tell me how many contacts enter the referral window that week</label>
        </div>
      </section>

      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">Backup</h2>
        <p className="muted">Everything (contacts, asks, templates, settings) as one JSON file, to keep or to move to another browser profile.</p>
        <div className="actions">
          <button
            data-testid="export-backup"
            onClick={() =>
              fetchBackup()
                .then(({ made, pieces }) => {
                  download(`referral-window-backup-${stamp()}.json`, 'application/json', pieces);
                  say(true, `Backup downloaded: ${made.contacts} contacts, ${made.asks} asks, ${made.templates} templates.`);
                })
                .catch(failed)
            }
          >
            Download backup
          </button>
          <button
            onClick={() =>
              request('contacts/export-csv', {})
                .then((csv) => download(`referral-window-contacts-${stamp()}.csv`, 'text/csv', csv))
                .catch(failed)
            }
          >
            Export contacts as CSV
          </button>
        </div>
        <div className="field">
          <label htmlFor="restore-file">Restore from a backup file (replaces everything here)</label>
          <input
            id="restore-file"
            type="file"
            accept=".json,application/json"
            data-testid="restore-file"
            disabled={!!restoring}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              try {
                const check = await sendFile(file, (source) => request('backup/check', source)).catch((err: Error) => {
                  throw /not a JSON file/.test(err.message) ? new Error(`${file.name} is not a JSON file. Nothing was changed.`) : err;
                });
                const n = (c: { contacts: number; asks: number; templates: number }) =>
                  `${plural(c.contacts, 'contact')}, ${plural(c.asks, 'ask')}, ${plural(c.templates, 'template')}`;
                clear();
                setPendingRestore({
                  file,
                  checked: check.checked,
                  summary: `Restoring ${file.name} replaces everything here now (${n(check.current)}, your profile, settings and lists) with the backup's ${n(check.incoming)}, from ${new Date(check.exportedAt).toLocaleString()}.`,
                });
              } catch (err) {
                failed(err);
              }
              e.target.value = '';
            }}
          />
        </div>
        {restoring && (
          <p role="status" data-testid="restore-progress">
            Restoring {restoring.name}:{' '}
            {restoring.total === undefined
              ? 'sending and checking the file…'
              : `${restoring.done!.toLocaleString('en-US')} of ${restoring.total.toLocaleString('en-US')} contacts and asks written…`}{' '}
            Nothing is replaced until all are written.
          </p>
        )}
        {pendingRestore && (
          <div className="confirm" role="alertdialog" aria-label="Confirm the restore">
            <p>{pendingRestore.summary}</p>
            <button
              data-testid="restore-confirm"
              onClick={async () => {
                const { file, checked } = pendingRestore;
                const { name } = file;
                setPendingRestore(undefined);
                clear();
                setRestoring({ name });
                try {
                  // The backup the check kept; sent again only if the worker slept while the user read what the restore replaces.
                  const counts = await request('backup/restore', { checked }).catch(async (err: Error) => {
                    if (!/no longer held/.test(err.message)) throw err;
                    return sendFile(file, (source) => request('backup/restore', source));
                  });
                  const text = `Restored ${plural(counts.contacts, 'contact')}, ${plural(counts.asks, 'ask')} and ${plural(counts.templates, 'template')} from ${name}.`;
                  // Every form on this page reloads what is stored now (issue 17): nothing old is saved over the restore.
                  if (onRestored) onRestored(text);
                  else say(true, text);
                } catch (err) {
                  failed(err);
                } finally {
                  setRestoring(undefined);
                }
              }}
            >
              Replace everything with this backup
            </button>{' '}
            <button onClick={() => setPendingRestore(undefined)}>Cancel</button>
          </div>
        )}
      </section>
      <FormMessage message={message} testId="data-message" className="toast" />
    </>
  );
}

/** The backup the worker made, fetched in pieces (it can be larger than one message holds). */
async function fetchBackup(): Promise<{ made: { contacts: number; asks: number; templates: number }; pieces: string[] }> {
  const made = await request('backup/export', {});
  const pieces: string[] = [];
  for (let index = 0; index < made.pieces; index++) pieces.push(await request('backup/piece', { id: made.id, index }));
  return { made, pieces };
}
