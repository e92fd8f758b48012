import { formatDistanceStrict, parseISO } from 'date-fns';
import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { AskRow } from '@/lib/messaging/responses';
import { ASK_STATUSES, type AskStatus } from '@/lib/model';

export function AsksView() {
  const [rows, setRows] = useState<AskRow[] | undefined>();
  const [error, setError] = useState('');
  const load = () =>
    request('asks/list', {})
      .then(setRows)
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (rows === undefined) return <p className="muted">Loading…</p>;
  if (rows.length === 0) return <p className="muted">No asks yet. Open a client's thread in Gmail and use "Insert referral ask" in the sidebar.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Contact</th>
          <th>Asked</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ ask, name, company }) => (
          <tr key={ask.id} data-testid="ask-row" data-email={ask.email} data-status={ask.status}>
            <td>
              <strong>{name || ask.email}</strong>
              <div className="muted">{company || ask.email}</div>
            </td>
            <td>{formatDistanceStrict(parseISO(ask.askedAt), new Date(), { addSuffix: true })}</td>
            <td>
              <select
                aria-label={`Status of the ask to ${name || ask.email}`}
                value={ask.status}
                onChange={(e) =>
                  request('ask/status', { id: ask.id, status: e.target.value as AskStatus })
                    .then(load)
                    .catch((err: Error) => setError(err.message))
                }
              >
                {ASK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
