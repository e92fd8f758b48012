import { format, parseISO } from 'date-fns';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { FormMessage, useMessage } from '@/components/FormMessage';
import { TabLink } from '@/components/TabLink';
import { request } from '@/lib/messaging/client';
import type { QueueRow } from '@/lib/engine/queue';

export function QueueView() {
  const [rows, setRows] = useState<QueueRow[]>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  // What Compose in Gmail said: a note (why no ask is written in, a draft reused) or what failed.
  const { message, say, failed, clear } = useMessage();
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
      <p className="muted" data-testid="queue-empty">
        Nobody to ask this week. Contacts appear here when their referral window is open or about to open, they seem satisfied, they were not asked lately, and
        no ask to them is waiting in a draft. Import your CRM's contacts in the settings to fill the queue.
      </p>
    );
  }
  const compose = (email: string) => {
    clear();
    request('queue/compose', { email })
      .then(({ url, note }) => {
        if (note) say(true, note);
        return browser.tabs.create({ url });
      })
      .catch(failed);
  };
  return (
    <>
      <p data-testid="queue-count">
        <strong>
          {total.toLocaleString()} {total === 1 ? 'client' : 'clients'} to ask
        </strong>
        {total > rows.length && <span className="muted"> · the {rows.length} most urgent shown</span>}
      </p>
      <p className="muted" data-testid="queue-order">
        In this order: high-value clients first, then windows open now before windows about to open, then the most satisfied, then the fewest days left.
      </p>
      <FormMessage message={message} testId="queue-message" />
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
              <button
                className="link"
                data-testid="queue-compose"
                onClick={() => compose(row.email)}
                title="Opens a Gmail draft to them with the ask written in"
              >
                Compose in Gmail
              </button>
              {row.recordUrl && <TabLink href={row.recordUrl}>Open record</TabLink>}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
