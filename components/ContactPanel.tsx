import { format, parseISO } from 'date-fns';
import { Fragment, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type MouseEvent } from 'react';
import { FactInput } from './FactInput';
import { TimeZoneInput } from './TimeZoneInput';
import { SatisfactionReasons } from './SatisfactionReasons';
import { Timeline } from './Timeline';
import { request } from '@/lib/messaging/client';
import type { InsertOutcome } from '@/lib/messaging/protocol';
import { draftQuestion } from '@/lib/identity';
import { VERDICTS } from '@/lib/engine/verdicts';
import { FACT_ROWS, type FactKey, type FactKind } from '@/lib/facts';
import { VARIABLES, type VariableName } from '@/lib/templates/schema';
import type { ContactFacts, ManualEdit } from '@/lib/model';
import type { ContactView, PageSummary } from '@/lib/views';
import { ReadProblem } from './ReadProblem';
import './contact-panel.css';

/**
 * Manual entry when the page shows no contact. Outside the tab (the popup) `tabId` names the tab and
 * `onChanged` reloads the view; the sidebar gets its new view pushed instead.
 */
export function ManualContact({ message, page, tabId, onChanged }: { message: string; page?: PageSummary; tabId?: number; onChanged?: () => void }) {
  const [error, setError] = useState('');
  return (
    <>
      {page && <ReadProblem page={page} tabId={tabId} onChanged={onChanged} />}
      <section className="card">
        <p role="status">{message}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            request('sidebar/contact', { email: String(data.get('email')), name: String(data.get('name') || '') || undefined, tabId })
              .then(onChanged)
              .catch((err: Error) => setError(err.message.includes('email') ? 'That is not an email address.' : err.message));
          }}
        >
          <div className="field">
            <label htmlFor="manual-email">Contact email</label>
            <input id="manual-email" name="email" type="email" required autoComplete="off" data-testid="manual-email" />
          </div>
          <div className="field">
            <label htmlFor="manual-name">Name</label>
            <input id="manual-name" name="name" autoComplete="off" />
          </div>
          <button type="submit">Show this contact</button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      </section>
    </>
  );
}

type Part = 'ask' | 'intro' | 'thanks' | 'update';

/** How long an insert may take before its button says it is busy (a shorter wait would only flicker). */
const BUSY_AFTER_MS = 150;

/**
 * The contact on screen: verdict, age, satisfaction, insert, facts. Shared by the sidebar and the
 * popup. Kept in place from one contact to the next (only what differs is drawn again: remounting
 * it was most of a contact switch in Firefox); what it holds is held per contact (`useContactState`,
 * `FactInput`'s owner). `unobstructed`: whether the panel has been visibly unobstructed for a
 * moment (`useUnobstructed`), tracked by the page that shows it, so that only the contact changing
 * does not make it wait to be seen again.
 */
export function ContactPanel({ view, tabId, onChanged, unobstructed }: { view: ContactView; tabId?: number; onChanged?: () => void; unobstructed: boolean }) {
  const { contact, evaluation, factSources } = view;
  const { relationship, verdict } = evaluation;
  // Everything below belongs to this contact: the panel is kept, not drawn again, when the page
  // moves to another contact (a contact switch costs only what changed), so each piece of state
  // is held for the contact it was set for, and a late answer for one never shows on another.
  const [insertState, setInsertState] = useContactState<{ busy: boolean; message?: string; ok?: boolean; gaps?: VariableName[] }>(contact.email, {
    busy: false,
  });
  const [saveError, setSaveError] = useContactState(contact.email, '');
  const save = (edit: ManualEdit) => {
    setSaveError('');
    request('contact/edit', { email: contact.email, edit })
      .then(onChanged)
      .catch((err: Error) => setSaveError(err.message.replace(/^Not saved: /, '')));
  };
  const [confirming, setConfirming] = useContactState(contact.email, false);
  /** This ask's copy to the CRM (its logging address in Bcc): on when one is set, the user may turn it off (issue 34). */
  const [crmCopy, setCrmCopy] = useContactState(contact.email, true);
  /** The draft gate's question: the open draft is not addressed to this contact, or cannot be read. */
  const [draftCheck, setDraftCheck] = useContactState<{ part: Part; confirmed: boolean; confirm: NonNullable<InsertOutcome['confirm']> } | undefined>(
    contact.email,
    undefined,
  );
  // Insert goes ahead without a question only where an ask is advised (or a follow-up is due).
  const advised = view.askAdvised;
  /** An insert on its way: a second one waits for its answer (checked at once, not when the panel draws again). */
  const inFlight = useRef(false);
  const insert = async (part: Part, confirmed = false, confirmedFor?: string) => {
    if (!unobstructed || inFlight.current) return;
    if (part === 'ask' && view.insertNeedsConfirmation && !confirmed) {
      setConfirming(true);
      return;
    }
    inFlight.current = true;
    // The request leaves before anything is drawn: in Firefox this panel and the background share
    // one thread, and drawing the busy state first was a third of an insert. An insert answers in
    // ~10 ms; the busy state is shown only if it has not answered in BUSY_AFTER_MS.
    const answer = request('ask/insert', {
      email: contact.email,
      part,
      tabId,
      confirmed: confirmed || undefined,
      confirmedFor,
      crmCopy: view.crmCopy ? crmCopy : undefined,
    });
    const slow = setTimeout(() => setInsertState({ busy: true }), BUSY_AFTER_MS);
    try {
      const outcome = await answer;
      setConfirming(false);
      if (!outcome.ok && outcome.confirm) {
        setDraftCheck({ part, confirmed, confirm: outcome.confirm });
        setInsertState({ busy: false });
        return;
      }
      setDraftCheck(undefined);
      onChanged?.();
      setInsertState({ busy: false, ok: outcome.ok, message: outcome.message, gaps: outcome.ok ? (outcome.missing as VariableName[] | undefined) : undefined });
    } catch (err) {
      setConfirming(false);
      setDraftCheck(undefined);
      setInsertState({ busy: false, ok: false, message: (err as Error).message });
    } finally {
      clearTimeout(slow);
      inFlight.current = false;
    }
  };
  // Acting only when the panel has been visibly unobstructed for a moment: the page cannot click-jack an insert.
  /** A click that inserts: the user's own (not a script's), and one press: a double click never inserts twice. */
  const onInsert = (part: Part) => (e: MouseEvent<HTMLButtonElement>) => {
    if (!e.nativeEvent.isTrusted || e.detail > 1) return;
    void insert(part);
  };
  const who = contact.name ? `${contact.name} (${contact.email})` : contact.email;
  const canInsert = (view.page.composeCount > 0 || view.page.canReply) && unobstructed;
  const facts = contact.facts;
  const now = new Date();

  return (
    <>
      <section className="card who">
        <h2 data-testid="contact-name">{contact.name || contact.email}</h2>
        <p className="email" data-testid="contact-email">
          {contact.email}
        </p>
        {contact.company && (
          <p className="muted" data-testid="contact-company">
            {contact.company}
            {contact.companyGuessed && <em> (a guess from their email address: no page or file has named their company)</em>}
          </p>
        )}
        {view.referredBy && (
          <p className="referred" data-testid="referred-by">
            Referred by {view.referredBy.name || view.referredBy.email}
            {view.referredBy.company && ` (${view.referredBy.company})`}, introduced {format(parseISO(view.referredBy.introducedAt), 'MMM d')}
            {view.referredBy.status === 'converted' && ': now a customer'}
          </p>
        )}
        {view.otherAddressOf && (
          <p className="warn" data-testid="other-address">
            In your records, {contact.email} is another address of {view.otherAddressOf.name || view.otherAddressOf.email} ({view.otherAddressOf.email}).{' '}
            <button
              className="link"
              onClick={() =>
                void request('sidebar/contact', { email: view.otherAddressOf!.email, name: view.otherAddressOf!.name || undefined, tabId })
                  .then(onChanged)
                  .catch((err: Error) => setSaveError(err.message))
              }
            >
              Show {view.otherAddressOf.name || view.otherAddressOf.email}
            </button>
          </p>
        )}
      </section>
      <ReadProblem key={contact.email} page={view.page} tabId={tabId} onChanged={onChanged} />

      <section className={`card verdict tone-${VERDICTS[verdict.kind].tone}`} data-testid="verdict" data-verdict={verdict.kind} aria-live="polite">
        <h2>
          {verdict.headline}
          {evaluation.priority && <span className="badge">High value</span>}
        </h2>
        <p>{verdict.nextStep}</p>
        {evaluation.sendTime && <p className="muted sendtime">{evaluation.sendTime.label}</p>}
        <VerdictHistory log={contact.verdictLog} />
      </section>

      <section className="card">
        <h2>
          {relationship ? 'Customer for' : 'Customer since'}{' '}
          <span data-testid="relationship-age" data-days={relationship?.days ?? ''}>
            {relationship ? relationship.label : 'not known yet'}
          </span>
        </h2>
        {relationship ? (
          <>
            <p className="muted">
              Since {format(parseISO(relationship.start), 'MMM d, yyyy')} · window {format(parseISO(relationship.windowOpens), 'MMM d')} –{' '}
              {format(parseISO(relationship.windowCloses), 'MMM d, yyyy')}
            </p>
            <Timeline relationship={relationship} now={now} lastAskAt={evaluation.lastAsk?.askedAt} />
          </>
        ) : (
          <p className="muted">Set the customer-since date below.</p>
        )}
      </section>

      <SatisfactionReasons satisfaction={evaluation.satisfaction} />

      <section className="card">
        {view.loop && (
          <div className="said-ok" role="status" data-testid="close-loop">
            <p>
              <strong>{view.loop.label}.</strong>
            </p>
            <button data-testid={`insert-${view.loop.part}`} disabled={insertState.busy || !canInsert} onClick={onInsert(view.loop.part)}>
              {view.loop.part === 'thanks' ? 'Insert a thank-you' : 'Insert how it went'}
            </button>
          </div>
        )}
        {view.peerFirst === 'waiting' && (
          <p className="muted" role="status" data-testid="peer-first-waiting">
            {contact.name || contact.email} said OK and is asking their peer first (double opt-in). Mark the peer's yes in the popup, then send the intro with
            your details.
          </p>
        )}
        {evaluation.lastAsk?.status === 'accepted' && view.peerFirst !== 'waiting' && (
          <div className="said-ok" role="status">
            <p>
              <strong>{contact.name || contact.email} said OK.</strong> Send them the intro to forward to their peer.
            </p>
            <button data-testid="insert-intro" disabled={insertState.busy || !canInsert} onClick={onInsert('intro')}>
              Insert the intro to forward
            </button>
          </div>
        )}
        <button className={advised ? 'primary' : 'secondary'} data-testid="insert-ask" disabled={insertState.busy || !canInsert} onClick={onInsert('ask')}>
          Insert referral ask
        </button>
        {view.crmCopy && (
          <label className="crm-copy muted" data-testid="crm-copy">
            <input type="checkbox" checked={crmCopy} onChange={(e) => setCrmCopy(e.target.checked)} /> A copy goes to your CRM:{' '}
            {view.crmCopy.map((c) => `${c.crm} (${c.address})`).join(', ')} in Bcc
          </label>
        )}
        {!unobstructed && (
          <p className="error" role="alert" data-testid="obstructed">
            The page is covering or hiding this panel (or just stopped): inserting waits until the panel has been fully visible for a moment.
          </p>
        )}
        {view.draftedAt && (
          <p className="muted" data-testid="ask-drafted">
            Ask drafted on {format(parseISO(view.draftedAt), 'MMM d')}, not sent yet: it counts as asked once it is sent.
          </p>
        )}
        {confirming && (
          <div className="confirm" role="alertdialog" aria-label="Insert anyway?" data-testid="insert-confirm-dialog">
            <p>
              <strong>{verdict.headline}.</strong> An ask is not advised now. Insert it anyway?
            </p>
            <button data-testid="insert-confirm" onClick={() => void insert('ask', true)}>
              Insert anyway
            </button>{' '}
            <button onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
        {draftCheck && (
          <div className="confirm" role="alertdialog" aria-label="Insert into this draft?" data-testid="insert-confirm-dialog">
            <p>
              <strong>{draftQuestion(draftCheck.confirm, contact.email, who)}</strong>
            </p>
            <button data-testid="insert-confirm" onClick={() => void insert(draftCheck.part, draftCheck.confirmed, draftCheck.confirm.key)}>
              Insert anyway
            </button>{' '}
            <button onClick={() => setDraftCheck(undefined)}>Cancel</button>
          </div>
        )}
        {view.page.composeCount === 0 &&
          (view.page.canReply ? (
            <p className="muted">No draft open: inserting opens a reply to {contact.name || contact.email} first.</p>
          ) : (
            <p className="muted">Open a reply or a new email to {contact.name || contact.email} to insert the ask.</p>
          ))}
        {view.template && (
          <div className="template-choice">
            <label className="muted" htmlFor="template-choice">
              Template{' '}
              <select
                id="template-choice"
                data-testid="template-choice"
                value={view.template.id}
                onChange={(e) =>
                  void request('sidebar/template', { templateId: e.target.value === view.template!.recommended ? undefined : e.target.value, tabId })
                    .then(onChanged)
                    .catch((err: Error) => setSaveError(err.message))
                }
              >
                {view.template.choices.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                    {t.id === view.template!.recommended ? ' (recommended)' : ''}
                  </option>
                ))}
              </select>
            </label>
            {view.template.missing.length > 0 && (
              <p className="muted warn">
                Missing {view.template.missing.map((key) => VARIABLES[key as VariableName] ?? key).join(', ')}: it will be marked [FILL IN] in the draft
              </p>
            )}
            <details>
              <summary>What Insert will write</summary>
              <pre className="template-preview" data-testid="template-preview">
                {view.template.text}
              </pre>
            </details>
          </div>
        )}
        {view.resultSuggestions.length > 0 && (
          <div className="suggestions">
            <p className="muted">What worked for them, in their words: one click makes it the result the ask mentions.</p>
            <ul>
              {view.resultSuggestions.map((s) => (
                <li key={s.said}>
                  <button
                    className="link"
                    data-testid="results-suggestion"
                    title={`They wrote: "${s.said}"`}
                    onClick={() =>
                      void request('contact/result', { email: contact.email, result: s.kept, saidOn: s.date })
                        .then(onChanged)
                        .catch((err: Error) => setSaveError(err.message))
                    }
                  >
                    {s.result}
                  </button>
                  {s.date && <span className="muted"> · {format(parseISO(s.date), 'MMM d')}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {insertState.message && (
          <p className={insertState.ok ? 'ok' : 'error'} role={insertState.ok ? 'status' : 'alert'}>
            {insertState.message}
          </p>
        )}
        {insertState.gaps && insertState.gaps.length > 0 && (
          <div data-testid="draft-gaps">
            <p className="muted">Left to fill in the draft (click one to select it there, then type):</p>
            <ul className="gaps">
              {insertState.gaps.map((key) => (
                <li key={key}>
                  <button className="link" onClick={() => void request('compose/select', { text: `[FILL IN: ${VARIABLES[key]}]`, tabId }).catch(() => false)}>
                    {VARIABLES[key]}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="card facts">
        <h2>Facts</h2>
        {FACT_ROWS.map((f) => (
          <Fragment key={f.key}>
            {f.kind === 'zone' ? (
              <TimeZoneInput
                owner={contact.email}
                label={f.label}
                testId={testIdOf(f.key)}
                value={shownFact(facts, f.key)}
                hint={factSources[f.key]}
                onCommit={(v) => save({ [f.key]: v || null })}
              />
            ) : (
              <FactInput
                owner={contact.email}
                label={f.label}
                testId={testIdOf(f.key)}
                placeholder={f.hint}
                value={shownFact(facts, f.key)}
                hint={factSources[f.key]}
                onCommit={(v) => save({ [f.key]: typedFact(f.kind, v) })}
                {...INPUT_BY_KIND[f.kind]}
              />
            )}
            {f.kind === 'nps' && (
              <FactInput
                owner={contact.email}
                label="NPS answered on"
                type="date"
                value={facts.nps?.value.answeredOn ?? ''}
                onCommit={(v) => save({ npsAnsweredOn: v || null })}
              />
            )}
          </Fragment>
        ))}
        <div className="field inline">
          <input id="never-ask" type="checkbox" checked={contact.neverAsk} onChange={(e) => save({ neverAsk: e.target.checked })} />
          <label htmlFor="never-ask">Never ask this contact for referrals</label>
        </div>
        <FactInput
          owner={contact.email}
          label="Snooze until"
          type="date"
          value={contact.snoozedUntil ?? ''}
          onCommit={(v) => save({ snoozedUntil: v || null })}
        />
        {saveError && (
          <p className="error" role="alert">
            Not saved: {saveError}
          </p>
        )}
      </section>
    </>
  );
}

/**
 * State that belongs to one contact: set while the panel shows them, it reads as `initial` once the
 * panel shows another, and a set made for someone no longer shown (an insert or a save answering
 * late) is dropped.
 */
function useContactState<T>(email: string, initial: T): [T, (next: T) => void] {
  const [held, setHeld] = useState({ email, value: initial });
  const shown = useRef(email);
  useLayoutEffect(() => {
    shown.current = email;
  }, [email]);
  const set = (value: T) => {
    if (shown.current === email) setHeld({ email, value });
  };
  return [held.email === email ? held.value : initial, set];
}

/** Why did the verdict change? The contact's last verdicts, newest first, each with what changed it. */
function VerdictHistory({ log }: { log: ContactView['contact']['verdictLog'] }) {
  if (!log || log.length < 2) return null;
  return (
    <details className="history" data-testid="verdict-history">
      <summary>Why the advice changed</summary>
      <ol>
        {[...log].reverse().map((entry) => (
          <li key={entry.at}>
            <time dateTime={entry.at}>{format(parseISO(entry.at), 'MMM d')}</time> <strong>{entry.headline}</strong>
            <span className="muted"> · {entry.because}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * Each kind of fact's input: a date picker, a number, a text (a time zone from the list). Numbers
 * are text inputs with a numeric keyboard, not `type=number`: that one empties what it cannot hold
 * (400 digits, "1e"), and an empty input clears the fact (issue 31). What was typed is checked by
 * the store, which says what is wrong.
 */
const INPUT_BY_KIND: Record<FactKind, Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'list'>> = {
  date: { type: 'date' },
  nps: { inputMode: 'numeric' },
  percent: { inputMode: 'decimal' },
  count: { inputMode: 'numeric' },
  amount: { inputMode: 'decimal' },
  zone: {},
  text: {},
};

/** `customerSince` is `customer-since-input`: the contract's test ids. */
const testIdOf = (key: FactKey) => `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-input`;

/** A stored fact as its input shows it (an NPS answer as its score). */
function shownFact(facts: ContactFacts, key: FactKey): string {
  const value = facts[key]?.value;
  if (value === undefined) return '';
  return typeof value === 'object' ? String(value.score) : String(value);
}

/** What the user typed, as the fact's value; empty clears it. */
function typedFact(kind: FactKind, typed: string): string | number | null {
  const v = typed.trim();
  if (v === '') return null;
  if (kind === 'date' || kind === 'zone' || kind === 'text') return v;
  // Never as JSON's null, which would clear the fact (issue 31): a number too long to hold ("1e400",
  // 400 digits) is sent as the largest one and text as typed, which the store refuses in words.
  const n = Number(v);
  return Number.isNaN(n) ? v : Number.isFinite(n) ? n : Number.MAX_VALUE * Math.sign(n);
}
