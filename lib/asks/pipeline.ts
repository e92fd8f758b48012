/**
 * An ask's life: drafted -> sent -> accepted (said OK) -> introduced -> converted, or declined /
 * no-response. Detection from the thread, status changes, and what to do next (follow-up dates are
 * the engine's: `engine/follow-up.ts`).
 */
export { followUpDate, followUpDueAt, isFollowUpDue } from '../engine/follow-up';
import { differenceInCalendarDays, parseISO, startOfDay } from 'date-fns';
import type { Ask, AskStatus } from '../model';
import { followUpDate, isFollowUpDue } from '../engine/follow-up';
import { ownWords } from '../engine/tone';
import { formatDay } from '../engine/calendar';

/** Where each status may go. Any status may be set by hand; this is what detection may do. */
export const FORWARD: Record<AskStatus, AskStatus[]> = {
  drafted: ['sent', 'accepted', 'declined', 'no-response'],
  sent: ['accepted', 'declined', 'no-response'],
  accepted: ['introduced', 'declined'],
  introduced: ['converted', 'declined'],
  converted: [],
  declined: [],
  'no-response': ['accepted', 'declined'],
};

/** "OK", "Sure, happy to!", "yes - will do": a short affirmative reply. English phrasings. */
export function saysOk(text: string): boolean {
  const words = ownWords(text).trim();
  if (!words || words.length > 280) return false;
  const first = words.split(/\n/)[0]!.toLowerCase();
  if (/\b(not|no|can't|cannot|won't|wouldn't|don't|rather not|unfortunately)\b/.test(first)) return false;
  return /^(hi\b[^,!.]*[,!.]?\s*)?(ok(ay)?|yes|yep|yeah|sure|absolutely|of course|happy to|glad to|sounds good|will do|done|count me in|go ahead|with pleasure)\b/.test(
    first,
  );
}

/** "No thanks", "I'd rather not": a short refusal. */
export function saysNo(text: string): boolean {
  const first = ownWords(text).trim().split(/\n/)[0]!.toLowerCase();
  return first.length <= 280 && /^(hi\b[^,!.]*[,!.]?\s*)?(no\b|nope|not (right )?now|i'?d rather not|unfortunately|sorry,? (but )?(no|i can'?t))/.test(first);
}

export interface ThreadFacts {
  threadId?: string;
  accountEmail?: string;
  messages: Array<{ from: string; date?: string; text: string }>;
}

/** The thread's messages from the minute the ask was drafted (hosts show minutes). */
function messagesSince(ask: Ask, thread: ThreadFacts) {
  const since = Math.floor(parseISO(ask.askedAt).getTime() / 60_000) * 60_000;
  return thread.messages.filter((m) => m.date && new Date(m.date).getTime() >= since);
}

/**
 * Whether the thread on screen is the ask's: the one it was written in, or, for an ask written in a
 * new email (no thread yet), the thread where the user's own message carrying the ask's text
 * appears, whichever compose it started in (issue 17).
 */
export function belongsToThread(ask: Ask, thread: ThreadFacts): boolean {
  if (!thread.threadId) return false;
  if (ask.threadId === thread.threadId) return true;
  return !!ask.snippet && messagesSince(ask, thread).some((m) => m.from === thread.accountEmail && m.text.includes(ask.snippet!));
}

/**
 * What the thread on screen says about an ask: sent when the user's own message with the ask
 * appears after it was drafted; accepted (or declined) when the client replies after that.
 * Only moves an ask forward, never back.
 */
export function detectStatus(ask: Ask, thread: ThreadFacts): AskStatus | undefined {
  if (!thread.threadId || !belongsToThread(ask, thread)) return undefined;
  const after = messagesSince(ask, thread);
  const mine = (m: { from: string }) => m.from === thread.accountEmail;
  const sentIndex = after.findIndex((m) => mine(m) && (!ask.snippet || m.text.includes(ask.snippet)));
  let next: AskStatus | undefined;
  if (sentIndex >= 0) next = 'sent';
  const replies = sentIndex >= 0 ? after.slice(sentIndex + 1).filter((m) => m.from === ask.email) : [];
  if (replies.some((m) => saysOk(m.text))) next = 'accepted';
  else if (replies.some((m) => saysNo(m.text))) next = 'declined';
  return next && FORWARD[ask.status].includes(next) ? next : undefined;
}

/** Words that tie a reply to a referral ask: "I will pass your note on", "happy to introduce you". */
const ABOUT_THE_ASK = /\b(intro(duc\w*)?|refer\w*|recommend\w*|pass\b[^.!?\n]{0,25}\bon|forward\w*|put you in touch|connect you|mention you|share your)\b/i;

/**
 * What the client said about a sent ask in another thread (issue 31: clients answer where they
 * like): a short OK or no from them, after the ask went out, that speaks of the ask itself ("Sure,
 * happy to help, I will pass your note on"). A bare "Sure" in another thread is about that thread.
 */
export function detectReplyElsewhere(ask: Ask, thread: ThreadFacts): AskStatus | undefined {
  if (ask.status !== 'sent' && ask.status !== 'no-response') return undefined;
  if (!thread.threadId || belongsToThread(ask, thread)) return undefined;
  const sentAt = Date.parse(ask.history.find((h) => h.status === 'sent')?.at ?? ask.askedAt);
  const replies = thread.messages.filter((m) => m.from === ask.email && m.date && Date.parse(m.date) >= sentAt && ABOUT_THE_ASK.test(ownWords(m.text)));
  const next = replies.some((m) => saysOk(m.text)) ? 'accepted' : replies.some((m) => saysNo(m.text)) ? 'declined' : undefined;
  return next && FORWARD[ask.status].includes(next) ? next : undefined;
}

/** An ask moved to `status`, with its history line; going out starts the follow-up clock; an intro records who. */
export function withStatus(
  ask: Ask,
  status: AskStatus,
  at: string,
  { note, referral, followUpBusinessDays }: { note?: string; referral?: Ask['referral']; followUpBusinessDays: number },
): Ask {
  let next = ask;
  if (ask.status !== status) {
    next = { ...ask, status, history: [...ask.history, { status, at, ...(note ? { note } : {}) }] };
    if (status === 'sent') next.followUpAt = followUpDate(at, followUpBusinessDays);
  }
  if (referral && (referral.name || referral.email)) next = { ...next, referral };
  return next;
}

const RANK: Record<AskStatus, number> = { accepted: 1, drafted: 2, sent: 3, introduced: 4, 'no-response': 5, converted: 6, declined: 7 };

/** How urgent an ask is (0 = follow up now; 1 = a loop to close or a reward owed), cheap enough to sort thousands. */
export function urgency(ask: Ask, now: Date, stallDays = 30): number {
  if (isFollowUpDue(ask, now)) return 0;
  return needsYou(ask, now, stallDays) ? 1 : RANK[ask.status];
}

/** A loop to close with the client (a thank-you, an update) or a reward owed. */
export const needsYou = (ask: Ask, now: Date, stallDays: number): boolean => !!loopStep(ask, now, stallDays) || rewardsOwed(ask).length > 0;

export type NextStep = { rank: number; label: string };

/** When the client introduced someone (the history's date, else the ask's). */
export const introducedAt = (ask: Pick<Ask, 'history' | 'askedAt'>): string => ask.history.find((h) => h.status === 'introduced')?.at ?? ask.askedAt;

/** The rewards of a converted ask not given yet: what the client and the friend are owed. */
export function rewardsOwed(ask: Pick<Ask, 'status' | 'rewards' | 'discardedAt'>): Array<'client' | 'friend'> {
  if (ask.status !== 'converted' || ask.discardedAt) return [];
  return (['client', 'friend'] as const).filter((side) => ask.rewards?.[side] && !ask.rewards[side]!.givenAt);
}

/**
 * Closing the loop with the client after an intro (issue 19): thank them first; then, once the
 * person they introduced converts, or the intro has stalled for `stallDays`, tell them how it went.
 */
export function loopStep(ask: Ask, now: Date, stallDays: number): { part: 'thanks' | 'update'; label: string } | undefined {
  if (ask.discardedAt || (ask.status !== 'introduced' && ask.status !== 'converted')) return undefined;
  const who = ask.referral?.name || ask.referral?.email || 'the person they introduced';
  if (!ask.thankedAt) return { part: 'thanks', label: `Thank them for the intro to ${who}` };
  if (ask.loopClosedAt) return undefined;
  if (ask.status === 'converted') return { part: 'update', label: `${who} became a customer: tell them how it went` };
  const waited = differenceInCalendarDays(startOfDay(now), startOfDay(parseISO(introducedAt(ask))));
  return waited >= stallDays ? { part: 'update', label: `No news from ${who} after ${waited} days: tell them how it went` } : undefined;
}

/** What the ask needs from the account manager, most urgent first (lower rank). */
export function nextStep(ask: Ask, now: Date, stallDays = 30): NextStep {
  const days = differenceInCalendarDays(startOfDay(now), startOfDay(parseISO(ask.askedAt)));
  if (isFollowUpDue(ask, now)) return { rank: 0, label: `No reply after ${days} days: follow up once` };
  const loop = loopStep(ask, now, stallDays);
  const owed = rewardsOwed(ask);
  if (loop) return { rank: 1, label: loop.label + (owed.length ? `; rewards owed (${owed.join(' and ')})` : '') };
  if (owed.length) return { rank: 1, label: `Converted: rewards owed to the ${owed.join(' and the ')}` };
  switch (ask.status) {
    case 'accepted':
      if (ask.doubleOptIn && !ask.peerAgreedAt) return { rank: 1, label: 'They said OK and will ask their peer first: mark when the peer agrees' };
      return { rank: 1, label: ask.doubleOptIn ? 'Their peer agreed: send the intro with your details' : 'They said OK: send the intro to forward' };
    case 'drafted':
      return { rank: 2, label: 'Drafted, not sent yet: send it (no follow-up until it is sent)' };
    case 'sent':
      return {
        rank: 3,
        label: ask.followUpAt ? `Waiting for a reply; follow up on ${formatDay(parseISO(ask.followUpAt), 'MMM d')}` : 'Waiting for a reply',
      };
    case 'introduced':
      return {
        rank: 4,
        label: `Introduced${ask.referral?.name ? ` to ${ask.referral.name}` : ''}: converted when their record shows them a customer (or set it)`,
      };
    case 'no-response':
      return { rank: 5, label: 'No response' };
    case 'converted':
      return { rank: 6, label: 'Converted' };
    case 'declined':
      return { rank: 7, label: 'Declined' };
  }
}

/** One ask as the popup lists it: with its contact's name, its template, and what to do next. */
export interface AskRow {
  ask: Ask;
  name: string;
  company: string;
  templateName: string;
  nextStep: NextStep;
  followUpDue: boolean;
}
