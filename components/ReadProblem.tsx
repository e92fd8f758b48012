import { useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { PageSummary } from '@/lib/views';

/**
 * What the page could not give, said plainly, with the ways out: choose between the people the
 * page shows (never a guess), or pick the missing field on the page once (remembered for this
 * site). Shown in the sidebar and the popup's "This page".
 */
export function ReadProblem({ page, tabId, onChanged }: { page: PageSummary; tabId?: number; onChanged?: () => void }) {
  const [message, setMessage] = useState('');
  const [diagnostic, setDiagnostic] = useState('');
  // No open email (a list view) is not a reading problem: the sidebar says to open one.
  const problems = page.missing.filter((m) => !m.startsWith('your own address') && m !== 'an open email');
  if (!problems.length && !page.ambiguous) return null;
  const choose = (email: string, name?: string) =>
    request('sidebar/contact', { email, name, tabId })
      .then(onChanged)
      .catch((e: Error) => setMessage(e.message));
  const pick = () =>
    request('picker/start', { tabId })
      .then(() => setMessage('Click each field on the page, in the order the blue bar at the bottom asks. Press Esc to stop.'))
      .catch((e: Error) => setMessage(e.message));
  return (
    <section className="card read-problem" data-testid="read-problem" role="status">
      {page.ambiguous ? (
        <>
          <p className="warn">
            {page.ambiguous.what === 'thread'
              ? 'More than one email thread is open on this page.'
              : page.ambiguous.candidates.every((c) => c.colleague)
                ? 'Only people at your organisation are on this page: a colleague is never taken for a client unless you choose them.'
                : page.ambiguous.candidates.length === 1
                  ? 'This page is not clear about the person.'
                  : 'This page shows more than one person.'}{' '}
            Who are you writing to?
          </p>
          <ul className="choices">
            {page.ambiguous.candidates.map((c) => (
              <li key={c.email}>
                <button data-testid="read-choice" onClick={() => void choose(c.email, c.name)}>
                  {c.name ? `${c.name} (${c.email})` : c.email}
                  {c.colleague && ' · your colleague'}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="warn">Could not read {problems.join('; ')}.</p>
      )}
      {/* On the webmails the name and the email can be picked; on the CRMs every field. */}
      {!page.ambiguous && (
        <p>
          <button data-testid="pick-on-page" onClick={() => void pick()}>
            Pick it on this page
          </button>{' '}
          <span className="muted">Your picks are remembered for this site (reset them in the settings).</span>
        </p>
      )}
      <p>
        <button
          data-testid="copy-diagnostic"
          onClick={() =>
            void request('page/diagnostic', { tabId })
              .then(setDiagnostic)
              .catch((e: Error) => setMessage(e.message))
          }
        >
          Copy a diagnostic
        </button>
      </p>
      {diagnostic && (
        <>
          <label htmlFor="diagnostic">The page's structure, every name, address and text removed: copy it into your bug report.</label>
          <textarea id="diagnostic" data-testid="diagnostic" readOnly rows={8} value={diagnostic} onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
      {message && <p className="muted">{message}</p>}
    </section>
  );
}
