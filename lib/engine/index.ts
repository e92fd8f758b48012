/**
 * The referral timing engine: from what we know about a contact, today, to one piece of advice.
 * Pure (no DOM, no browser API), deterministic for a given `now`; used by the background for the
 * sidebar and the popup's queue, and by the benchmark.
 */
import { addDays, parseISO, startOfDay } from 'date-fns';
import { dayLabel, dayNumber, formatDay, todayOf } from './calendar';
import { followUpDueAt, isFollowUpDue } from './follow-up';
import type { Ask, Contact } from '../model';
import { relationshipAge, toDay, type LabelledRelationship, type Relationship } from './relationship';
import { satisfaction, type Satisfaction } from './satisfaction';
import { sendTimeAdvice, type SendTimeAdvice } from './send-time';
import type { EngineSettings } from './settings';
import type { ThreadMessage } from './tone';

export { describeAge, relationshipAge, type Relationship } from './relationship';
export { satisfaction, type Reason, type Satisfaction } from './satisfaction';
export { DEFAULT_SETTINGS, EngineSettings, parseSettings } from './settings';
export { sendTimeAdvice, type SendTimeAdvice } from './send-time';
export type { ThreadMessage } from './tone';

import { adviceFor, type VerdictKind } from './verdicts';
export { adviceFor, VERDICT_KINDS, VERDICTS, type VerdictKind } from './verdicts';

export interface ReferralVerdict {
  kind: VerdictKind;
  /** The advice in a few words: "Ask now", "Wait until Feb 14". */
  headline: string;
  /** What to do next, one sentence. */
  nextStep: string;
  /** The day that matters for this verdict (window opens, follow-up due, ask again). */
  date?: string;
  /** Suggest an incentive (re-activation asks after the window). */
  incentive?: boolean;
}

export interface EngineInput {
  contact: Pick<Contact, 'facts' | 'neverAsk' | 'snoozedUntil'>;
  /** What the client wrote (their own messages only). */
  clientMessages?: ThreadMessage[];
  /** When we wrote to them in the same thread(s), for their reply latency. */
  ourMessageDates?: string[];
  /** Earlier asks to this contact, any order. */
  asks?: AskFacts[];
  now: Date;
  settings: EngineSettings;
  /** Skip the send-time advice (the queue does not show it, and it is the costliest part). */
  withoutSendTime?: boolean;
  /** The user's own time zone, for the send time "for you" (the browser's when absent). */
  userTimeZone?: string;
  /** The latest ask to a colleague at the same company (one ask per company per cool-down, issue 19). */
  colleagueAsk?: ColleagueAsk;
}

export interface ColleagueAsk {
  email: string;
  name: string;
  company: string;
  askedAt: string;
  /** A teammate's ask, read from the connected CRM (issue 34): who asked, and where it is logged. */
  by?: string;
  via?: string;
}

export interface Evaluation {
  /** Shared with other evaluations of the same start day: read it, never change it. */
  relationship: LabelledRelationship | null;
  satisfaction: Satisfaction;
  verdict: ReferralVerdict;
  /** High-value client: worth a hands-on ask. */
  priority: boolean;
  neverAsk: boolean;
  snoozedUntil?: string;
  lastAsk?: AskFacts;
  /** The last ask went out, no reply, and its follow-up date has come (not dismissed). */
  followUpDue: boolean;
  /** Absent when asked `withoutSendTime`. */
  sendTime?: SendTimeAdvice;
}

const day = dayLabel;
type AskFacts = Pick<Ask, 'askedAt' | 'status'> & Partial<Pick<Ask, 'followUpAt' | 'followUpDismissed' | 'followedUpAt' | 'discardedAt'>>;

/** An ask counts as asked once it went out: a draft never sent, or a discarded ask, does not. */
export const countsAsAsked = (a: AskFacts) => !a.discardedAt && a.status !== 'drafted';

export function evaluate(input: EngineInput): Evaluation {
  const { contact, now, settings } = input;
  const clientMessages = input.clientMessages ?? [];
  const facts = contact.facts;
  const start = facts.customerSince?.value;
  const relationship = start ? relationshipAge(start, now, settings) : null;
  const sat = satisfaction({ facts, clientMessages, ourMessageDates: input.ourMessageDates, now, settings });
  const lastAsk = input.asks?.length ? input.asks.filter(countsAsAsked).sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0] : undefined;
  const spend = facts.spend90d?.value ?? 0;
  const snoozedUntil = contact.snoozedUntil && contact.snoozedUntil > todayOf(now).day ? contact.snoozedUntil : undefined;
  const followUpDue = !!lastAsk && isFollowUpDue(lastAsk, now, settings.followUpBusinessDays);
  const advice = verdictFor({ relationship, sat, lastAsk, colleagueAsk: input.colleagueAsk, now, settings });
  // The headline states the real state: a never-ask or snoozed contact is not "Ask now" (issue 17).
  const verdict: ReferralVerdict = contact.neverAsk
    ? {
        kind: 'never-ask',
        headline: 'On your never-ask list',
        nextStep: 'No referral asks for this contact (the person or their domain is on your never-ask list).',
      }
    : snoozedUntil
      ? {
          kind: 'snoozed',
          headline: `Snoozed until ${day(snoozedUntil)}`,
          nextStep: `You snoozed this contact. After that: ${advice.headline.toLowerCase()}.`,
          date: snoozedUntil,
        }
      : advice;

  return {
    relationship,
    satisfaction: sat,
    verdict,
    priority: spend >= settings.highValueSpend90d && settings.highValueSpend90d > 0,
    neverAsk: contact.neverAsk,
    snoozedUntil,
    lastAsk,
    followUpDue,
    // When to send only where sending is advised.
    sendTime:
      input.withoutSendTime || !adviceFor(verdict.kind, followUpDue).advised
        ? undefined
        : sendTimeAdvice({
            now,
            contactTimeZone: facts.timeZone?.value,
            clientMessageDates: clientMessages.flatMap((m) => (m.date ? [m.date] : [])),
            settings,
            userTimeZone: input.userTimeZone,
          }),
  };
}

function verdictFor({
  relationship,
  sat,
  lastAsk,
  colleagueAsk,
  now,
  settings,
}: {
  relationship: Relationship | null;
  sat: Satisfaction;
  lastAsk?: AskFacts;
  colleagueAsk?: ColleagueAsk;
  now: Date;
  settings: EngineSettings;
}): ReferralVerdict {
  if (!relationship) {
    return {
      kind: 'needs-info',
      headline: 'Add the customer-since date',
      nextStep: 'Set when they became a customer (first purchase or deal close) to see their referral window.',
    };
  }

  if (sat.reasons.some((r) => r.blocking)) {
    const blockers = sat.reasons.filter((r) => r.blocking);
    return {
      kind: 'fix-first',
      headline: 'Fix the relationship first',
      nextStep: `Fix first: ${blockers.map((r) => r.label).join('; ')}.`,
    };
  }

  if (relationship.phase === 'before-window') {
    return {
      kind: 'too-early',
      headline: `Too early: wait until ${day(relationship.windowOpens)}`,
      nextStep: `The referral window opens on ${day(relationship.windowOpens)}, ${settings.windowOpensAfterMonths} months after they became a customer.`,
      date: relationship.windowOpens,
    };
  }

  if (lastAsk) {
    const askedAt = parseISO(lastAsk.askedAt);
    const askAgain = addDays(startOfDay(askedAt), settings.askCooldownDays);
    if (todayOf(now).start < askAgain) {
      const dueAt = followUpDueAt(lastAsk, settings.followUpBusinessDays);
      const due = !!dueAt && dueAt <= now;
      const again = formatDay(askAgain, 'MMM d, yyyy');
      return {
        kind: 'asked-recently',
        headline: `Asked ${formatDay(askedAt, 'MMM d')}`,
        nextStep: due
          ? 'No reply yet: follow up once now.'
          : dueAt
            ? `Follow up on ${formatDay(dueAt, 'MMM d')} if they have not replied; ask again from ${again}.`
            : lastAsk.status === 'sent'
              ? lastAsk.followedUpAt
                ? `Followed up already; ask again from ${again} if needed.`
                : `No follow-up planned (reminder dismissed); ask again from ${again} if needed.`
              : `Their answer: ${lastAsk.status}. Ask again from ${again} if needed.`,
        date: due ? todayOf(now).day : toDay(dueAt ?? askAgain),
      };
    }
  }

  // One ask per company per cool-down: a second person at Acme asked the same month reads as pressure.
  if (colleagueAsk) {
    const askAgain = addDays(startOfDay(parseISO(colleagueAsk.askedAt)), settings.askCooldownDays);
    if (todayOf(now).start < askAgain) {
      const company = colleagueAsk.company || 'their company';
      const on = formatDay(parseISO(colleagueAsk.askedAt), 'MMM d');
      const again = `one ask per company within ${settings.askCooldownDays} days. Ask again from ${formatDay(askAgain, 'MMM d, yyyy')}.`;
      if (colleagueAsk.by) {
        return {
          kind: 'asked-recently',
          headline: `Asked by ${colleagueAsk.by} on ${on}, logged in ${colleagueAsk.via}`,
          nextStep: `${colleagueAsk.by} asked ${colleagueAsk.name || colleagueAsk.email}${colleagueAsk.company ? ` at ${company}` : ''}: ${again}`,
          date: toDay(askAgain),
        };
      }
      return {
        kind: 'asked-recently',
        headline: `Asked a colleague at ${company} on ${on}`,
        nextStep: `You asked ${colleagueAsk.name || colleagueAsk.email} at ${company}: ${again}`,
        date: toDay(askAgain),
      };
    }
  }

  if (sat.score === null) {
    return {
      kind: 'needs-info',
      headline: 'How satisfied are they?',
      nextStep: 'Add their latest NPS or CSAT, or open a recent email thread with them.',
    };
  }

  if (sat.score < settings.satisfiedScore) {
    return {
      kind: 'fix-first',
      headline: 'Not clearly satisfied yet',
      nextStep: `Satisfaction is ${sat.score}, below ${settings.satisfiedScore}: fix first by creating a win (a solved problem, a reached goal) and getting a fresh NPS answer.`,
    };
  }

  if (relationship.phase === 'in-window') {
    const daysLeft = dayNumber(relationship.windowCloses) - todayOf(now).number;
    return {
      kind: 'ask-now',
      headline: 'Ask now',
      nextStep: `${sat.positiveMoment ? `${sat.positiveMoment.label}. ` : ''}They are in the referral window for ${daysLeft} more day${daysLeft === 1 ? '' : 's'} (until ${day(relationship.windowCloses)}).`,
      date: relationship.windowCloses,
    };
  }

  return {
    kind: 'past-window',
    headline: 'Ask with an incentive',
    nextStep: `The window closed on ${day(relationship.windowCloses)}; they are satisfied, so re-activate with an incentive (a credit or discount for both sides).`,
    date: relationship.windowCloses,
    incentive: true,
  };
}
