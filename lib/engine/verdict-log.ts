/**
 * Why did the verdict change? Each contact keeps a short history of the verdicts the user was
 * shown (issue 18, item 11): the verdict, when it changed, and what changed it, found from what
 * the engine read: a fact newer than the last entry (with its source), an ask or its answer, the
 * window opening or closing, a snooze or the never-ask list, or what their emails said.
 * Pure: the background appends an entry when the verdict it shows differs from the last one.
 */
import { format } from 'date-fns';
import { FACT_BY_KEY, type FactKey } from '../facts';
import type { Ask, Contact, VerdictLogEntry } from '../model';
import type { ColleagueAsk, Evaluation } from './index';
import { parseDay } from './relationship';

/** Entries kept per contact, newest last. */
export const VERDICT_LOG_LENGTH = 8;

const day = (iso: string) => format(parseDay(iso.slice(0, 10)), 'MMM d');

const STATUS_WORDS: Partial<Record<Ask['status'], string>> = {
  sent: 'the ask was sent',
  accepted: 'they said OK',
  declined: 'they declined',
  introduced: 'they introduced someone',
  converted: 'their referral became a customer',
  'no-response': 'the ask got no response',
};

function shown(contact: Pick<Contact, 'facts'>, key: FactKey): string {
  const value = contact.facts[key]?.value;
  if (value === undefined) return 'cleared';
  return typeof value === 'object' ? String(value.score) : String(value);
}

/** What changed since `since` that explains the new verdict, in a few words. */
export function cause(input: {
  contact: Pick<Contact, 'facts' | 'recentMessages'>;
  evaluation: Evaluation;
  asks: readonly Ask[];
  since?: string;
  now: Date;
  /** The ask to a colleague at their company the verdict counted (the user's own, or a teammate's read from the CRM). */
  colleagueAsk?: ColleagueAsk;
}): string {
  const { contact, evaluation, asks, since, now, colleagueAsk } = input;
  const kind = evaluation.verdict.kind;
  if (!since) return 'first seen';
  if (kind === 'never-ask') return 'added to your never-ask list';
  if (kind === 'snoozed') return 'you snoozed this contact';
  // An ask, or their answer to it, since the last entry.
  const moves = asks
    .flatMap((a) =>
      a.discardedAt ? [] : a.history.filter((h) => h.at > since && STATUS_WORDS[h.status]).map((h) => ({ at: h.at, words: STATUS_WORDS[h.status]! })),
    )
    .sort((a, b) => b.at.localeCompare(a.at));
  if (moves[0]) return `${moves[0].words} (${day(moves[0].at)})`;
  // One ask per company: someone else there was asked (a teammate's ask is learned when the CRM is read, not when made).
  if (kind === 'asked-recently' && colleagueAsk) {
    const whom = colleagueAsk.name || colleagueAsk.email || 'a colleague';
    return colleagueAsk.by
      ? `${colleagueAsk.by} asked ${whom} (${day(colleagueAsk.askedAt)}, logged in ${colleagueAsk.via})`
      : `${whom}${colleagueAsk.company ? ` at ${colleagueAsk.company}` : ''} was asked (${day(colleagueAsk.askedAt)})`;
  }
  // The newest fact observed since, with where it came from.
  const facts = (Object.entries(contact.facts) as Array<[FactKey, NonNullable<Contact['facts'][FactKey]>]>)
    .filter(([, f]) => f.source.observedAt > since)
    .sort(([, a], [, b]) => b.source.observedAt.localeCompare(a.source.observedAt));
  if (facts[0]) {
    const [key, fact] = facts[0];
    const from = fact.source.kind === 'manual' ? 'you' : (fact.source.label ?? fact.source.kind);
    return `${FACT_BY_KEY[key].label}: ${shown(contact, key)} (${from}, ${day(fact.source.observedAt)})`;
  }
  // Time alone: the window opened or closed since.
  const rel = evaluation.relationship;
  const today = format(now, 'yyyy-MM-dd');
  if (rel && rel.windowOpens > since.slice(0, 10) && rel.windowOpens <= today) return `the referral window opened (${day(rel.windowOpens)})`;
  if (rel && rel.windowCloses >= since.slice(0, 10) && rel.windowCloses < today) return `the referral window closed (${day(rel.windowCloses)})`;
  const theirs = (contact.recentMessages ?? []).filter((m) => !m.mine && m.date && m.date > since);
  if (theirs.length) return `what their latest email says (${day(theirs[theirs.length - 1]!.date!)})`;
  return 'time passed (a cool-down or a follow-up date came)';
}

/** The history with the verdict now shown, or `undefined` when it is the one the history ends on. */
export function withVerdict(
  log: readonly VerdictLogEntry[] | undefined,
  input: { contact: Pick<Contact, 'facts' | 'recentMessages'>; evaluation: Evaluation; asks: readonly Ask[]; now: Date; colleagueAsk?: ColleagueAsk },
): VerdictLogEntry[] | undefined {
  const last = log?.[log.length - 1];
  const { verdict } = input.evaluation;
  if (last && last.kind === verdict.kind) return undefined;
  const entry: VerdictLogEntry = {
    kind: verdict.kind,
    headline: verdict.headline.slice(0, 200),
    at: input.now.toISOString(),
    because: cause({ ...input, since: last?.at }).slice(0, 300),
  };
  return [...(log ?? []), entry].slice(-VERDICT_LOG_LENGTH);
}
