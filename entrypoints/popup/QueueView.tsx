import { format, parseISO } from 'date-fns';
import { useEffect, useState } from 'react';
import { TabLink } from '@/components/TabLink';
import { request } from '@/lib/messaging/client';
import type { QueueRow } from '@/lib/engine/queue';

/** A Gmail compose window addressed to the contact (opened by the user's click, in a new tab). */
export function gmailComposeUrl(email: string): string {
  return `https://mail.google.com/mail/?view=cm&fs=1&to=${encodeURIComponent(email)}`;
}

export function QueueView() {
  const [rows, setRows] = useState<QueueRow[]>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  useEffect(() => {
    request('queue/list', {})
      .then((q) => {
        setRows(q.rows);
        setTotal(q.total);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!rows) return <p className="muted">Loading…</p>;
  if (rows.length === 0) {
    return (
      <p className="muted">
        Nobody to ask this week. Contacts appear here when their referral window is open or opens within 7 days, they seem satisfied, and they were not asked
        lately. Import your CRM's contacts in the settings to fill the queue.
      </p>
    );
  }
  return (
    <>
      {total > rows.length && (
        <p className="muted">
          The {rows.length} most urgent of {total.toLocaleString()} contacts to ask.
        </p>
      )}
      <ol className="queue">
        {rows.map((row) => (
          <li key={row.email} data-testid="queue-row" data-email={row.email}>
            <div>
              <strong>{row.name || row.email}</strong>
              {row.priority && <span className="badge">High value</span>}
              <div className="muted">{row.company || row.email}</div>
            </div>
            <div className="queue-verdict">
              <span>{row.verdict.kind === 'ask-now' ? `Ask now · ${row.daysLeft} days left` : `Opens ${format(parseISO(row.windowOpens), 'MMM d')}`}</span>
              <span className="muted">Satisfaction {row.score ?? '?'}</span>
            </div>
            <span className="links">
              <TabLink href={gmailComposeUrl(row.email)}>Compose in Gmail</TabLink>
              {row.recordUrl && <TabLink href={row.recordUrl}>Open record</TabLink>}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
