import { formatDistanceStrict, parseISO } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import type { AskRow } from '@/lib/messaging/responses';
import { ASK_STATUSES, type AskStatus } from '@/lib/model';
import { download } from '@/components/download';

type Filter = 'open' | 'all' | AskStatus;
const OPEN: AskStatus[] = ['drafted', 'sent', 'accepted', 'introduced', 'no-response'];

/** Every ask, what it needs next first; status changes inline; follow-ups snoozed or dismissed. */
export function AsksView() {
  const [rows, setRows] = useState<AskRow[] | undefined>();
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<Filter>('open');
  const [query, setQuery] = useState('');
  const [introducing, setIntroducing] = useState<string>();

  const load = () =>
    request('asks/list', {})
      .then(setRows)
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (rows ?? []).filter(
      ({ ask, name, company }) =>
        (filter === 'all' || (filter === 'open' ? OPEN.includes(ask.status) : ask.status === filter)) &&
        (!q || ask.email.includes(q) || name.toLowerCase().includes(q) || company.toLowerCase().includes(q)),
    );
  }, [rows, filter, query]);

  const act = (work: Promise<unknown>) =>
    work.then(load).catch((e: Error) => setError(e.message));

  if (rows === undefined) return error ? <p className="error" role="alert">{error}</p> : <p className="muted">Loading…</p>;
  if (rows.length === 0) return <p className="muted">No asks yet. Open a client's thread in Gmail and use "Insert referral ask" in the sidebar.</p>;

  return (
    <>
      <div className="toolbar">
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} aria-label="Filter by status">
            <option value="open">Open asks</option>
            <option value="all">All asks</option>
            {ASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <input type="search" placeholder="Search name, email, company" aria-label="Search asks" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button onClick={() => request('asks/export-csv', {}).then((csv) => download(`referral-asks-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv', csv))}>
          Export CSV
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {shown.length === 0 && <p className="muted">No asks match.</p>}
      <ul className="asks">
        {shown.map(({ ask, name, company, nextStep, followUpDue, templateName }) => (
          <li key={ask.id} data-testid="ask-row" data-email={ask.email} data-status={ask.status} className={followUpDue ? 'due' : ''}>
            <div className="who">
              <strong>{name || ask.email}</strong>
              <span className="muted">
                {company || ask.email} · {templateName} · asked {formatDistanceStrict(parseISO(ask.askedAt), new Date(), { addSuffix: true })}
              </span>
              <span className="next">{nextStep.label}</span>
              {ask.referral?.name || ask.referral?.email ? (
                <span className="muted">
                  Referral: {ask.referral.name} {ask.referral.email}
                </span>
              ) : null}
            </div>
            <div className="controls">
              <select
                aria-label={`Status of the ask to ${name || ask.email}`}
                value={ask.status}
                onChange={(e) => {
                  const status = e.target.value as AskStatus;
                  if (status === 'introduced') setIntroducing(ask.id);
                  else void act(request('ask/status', { id: ask.id, status }));
                }}
              >
                {ASK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              {followUpDue && (
                <>
                  <button onClick={() => void act(request('ask/follow-up', { id: ask.id, action: 'snooze' }))}>Snooze 2 days</button>
                  <button onClick={() => void act(request('ask/follow-up', { id: ask.id, action: 'dismiss' }))}>Dismiss</button>
                </>
              )}
              {ask.threadUrl && (
                <a
                  href={ask.threadUrl}
                  onClick={(e) => {
                    e.preventDefault();
                    void browser.tabs.create({ url: ask.threadUrl });
                  }}
                >
                  Open thread
                </a>
              )}
            </div>
            {introducing === ask.id && (
              <form
                className="referral"
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  setIntroducing(undefined);
                  void act(request('ask/status', { id: ask.id, status: 'introduced', referral: { name: String(data.get('name') ?? ''), email: String(data.get('email') ?? '') } }));
                }}
              >
                <input name="name" aria-label="Referred person's name" placeholder="Referred person's name" />
                <input name="email" type="email" aria-label="Referred person's email" placeholder="Their email" />
                <button type="submit">Mark introduced</button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
