import { startTransition, useEffect, useRef, useState } from 'react';
import { TabLink } from '@/components/TabLink';
import { download } from '@/components/download';
import { request } from '@/lib/messaging/client';
import type { AskRow } from '@/lib/asks/pipeline';
import { ASK_STATUSES, type AskStatus } from '@/lib/ask-status';
import { toDay } from '@/lib/day';
import { ASKS_PAGE, FIRST_SCREEN, rowWords } from '@/lib/messaging/popup-views';
import { firstPageNow, takeFirstPage } from './first-page';

type Filter = 'open' | 'all' | AskStatus;

/** Every ask, what it needs next first; status changes inline; follow-ups snoozed or dismissed. */
export function AsksView() {
  // The first page, when its answer came before React, drawn by the first render (issue 16); else
  // the first screen drawn from what the worker saved (issue 35), until the answer comes.
  const [first] = useState(firstPageNow);
  const [data, setData] = useState<{ rows: AskRow[]; total: number } | undefined>(first.page);
  const hasFirstPage = useRef(first.final);
  const [error, setError] = useState('');
  const [filter, setFilter] = useState<Filter>('open');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState<number>(ASKS_PAGE);
  const [introducing, setIntroducing] = useState<string>();
  /** The last discard or delete, for Undo. */
  const [undo, setUndo] = useState<{ label: string; run: () => Promise<unknown> }>();

  const load = () =>
    (takeFirstPage({ filter, query, limit }) ?? request('asks/list', { filter, query, limit })).then(setData).catch((e: Error) => setError(e.message));
  useEffect(() => {
    if (hasFirstPage.current) {
      hasFirstPage.current = false;
      return;
    }
    // A search waits for the typing to pause; anything else asks at once.
    if (!query) return void load();
    const timer = setTimeout(() => void load(), 200);
    return () => clearTimeout(timer);
  }, [filter, query, limit]);
  /** How many rows are drawn: the first screenful at once, the rest of the page right after, in the background. */
  const [drawn, setDrawn] = useState(FIRST_SCREEN);
  useEffect(() => {
    if (!data) return;
    // For the benchmark (npm run bench): when the popup first showed real content (the first screen
    // drawn before React may have been first), and when this view's own rows were.
    for (const mark of ['first-content', 'asks-drawn']) if (!performance.getEntriesByName(mark).length) performance.mark(mark);
    if (drawn < data.rows.length) startTransition(() => setDrawn(Infinity));
  }, [data]);

  const act = (work: Promise<unknown>) => work.then(load).catch((e: Error) => setError(e.message));

  if (!data)
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p className="muted">Loading…</p>
    );
  const undoBar = undo && (
    <p className="undo" role="status">
      {undo.label}{' '}
      <button
        data-testid="ask-undo"
        onClick={() => {
          const { run } = undo;
          setUndo(undefined);
          void act(run());
        }}
      >
        Undo
      </button>
    </p>
  );

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
        <button onClick={() => request('asks/export-csv', {}).then((csv) => download(`referral-asks-${toDay()}.csv`, 'text/csv', csv))}>Export CSV</button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {undoBar}
      {data.rows.length === 0 &&
        (filter === 'open' && !query ? (
          <p className="muted">No open asks. Open a client's thread in Gmail and use "Insert referral ask" in the sidebar; closed asks are under "All asks".</p>
        ) : (
          <p className="muted">No asks match.</p>
        ))}
      <ul className="asks">
        {data.rows.slice(0, drawn).map((row) => {
          const { ask, name, followUpDue } = row;
          const words = rowWords(row, new Date());
          return (
            <li
              key={ask.id}
              data-testid="ask-row"
              data-email={ask.email}
              data-status={ask.status}
              data-discarded={ask.discardedAt ? 'true' : undefined}
              className={followUpDue ? 'due' : ask.discardedAt ? 'discarded' : ''}
            >
              <div className="who">
                <strong>{words.who}</strong>
                <span className="muted">{words.line}</span>
                <span className="next">{words.next}</span>
                {ask.referral?.name || ask.referral?.email ? (
                  <span className="muted">
                    Referral: {ask.referral.name} {ask.referral.email}
                  </span>
                ) : null}
                {(['client', 'friend'] as const).map((side) => {
                  const reward = ask.rewards?.[side];
                  if (!reward) return null;
                  const who = side === 'client' ? name || ask.email : ask.referral?.name || 'their friend';
                  return (
                    <span key={side} className="reward" data-testid="reward" data-side={side} data-given={reward.givenAt ? 'true' : 'false'}>
                      {reward.givenAt ? 'Given' : 'Owed'} to {who}: {reward.what}{' '}
                      <button onClick={() => void act(request('ask/reward', { id: ask.id, side, given: !reward.givenAt }))}>
                        {reward.givenAt ? 'Not given yet' : 'Mark given'}
                      </button>
                    </span>
                  );
                })}
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
                {!ask.discardedAt && (
                  <button
                    data-testid="ask-discard"
                    title="Not sent, or not an ask after all: it stops counting as asked"
                    onClick={() => {
                      setUndo({ label: `Ask to ${name || ask.email} discarded.`, run: () => request('ask/discard', { id: ask.id, undo: true }) });
                      void act(request('ask/discard', { id: ask.id }));
                    }}
                  >
                    Discard
                  </button>
                )}
                <button
                  data-testid="ask-delete"
                  onClick={() =>
                    void act(
                      request('ask/delete', { id: ask.id }).then((deleted) =>
                        setUndo({ label: `Ask to ${name || ask.email} deleted.`, run: () => request('ask/restore', { ask: deleted }) }),
                      ),
                    )
                  }
                >
                  Delete
                </button>
                {ask.status === 'accepted' && ask.doubleOptIn && (
                  <button data-testid="peer-agreed" onClick={() => void act(request('ask/peer-agreed', { id: ask.id, agreed: !ask.peerAgreedAt }))}>
                    {ask.peerAgreedAt ? 'Peer has not agreed' : 'Peer agreed'}
                  </button>
                )}
                {followUpDue && (
                  <>
                    <button onClick={() => void act(request('ask/follow-up', { id: ask.id, action: 'snooze' }))}>Snooze</button>
                    <button onClick={() => void act(request('ask/follow-up', { id: ask.id, action: 'dismiss' }))}>Dismiss</button>
                  </>
                )}
                {ask.threadUrl && <TabLink href={ask.threadUrl}>Open thread</TabLink>}
              </div>
              {introducing === ask.id && (
                <form
                  className="referral"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const form = new FormData(e.currentTarget);
                    setIntroducing(undefined);
                    void act(
                      request('ask/status', {
                        id: ask.id,
                        status: 'introduced',
                        referral: { name: String(form.get('name') ?? ''), email: String(form.get('email') ?? '') },
                      }),
                    );
                  }}
                >
                  <input name="name" aria-label="Referred person's name" placeholder="Referred person's name" />
                  <input name="email" type="email" aria-label="Referred person's email" placeholder="Their email" />
                  <button type="submit">Mark introduced</button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {data.total > data.rows.length && (
        <button onClick={() => setLimit(limit + ASKS_PAGE * 5)}>Show more ({(data.total - data.rows.length).toLocaleString()} not shown)</button>
      )}
    </>
  );
}
