/**
 * One contact's case, judged once: the verdict from their facts, asks and the thread, what it
 * advises (the verdict table's one rule), the draft ask still open, and the ask it would write.
 * The sidebar (`views.ts`), Insert, Compose in Gmail and the queue all judge through here, so
 * they cannot disagree; the queue uses the pure half (`judge`, `queued`) for thousands at once.
 */
import { evaluate, type ColleagueAsk, type Evaluation, type ThreadMessage } from './engine';
import type { EngineSettings } from './engine/settings';
import { dayNumber, todayOf } from './engine/calendar';
import { adviceFor, VERDICTS, type AdviceNow } from './engine/verdicts';
import { storedThread } from './contacts';
import type { Ask, Contact } from './model';
import { isNeverAsk, type NeverAskList } from './never-ask';
import { chooseTemplate } from './templates/choose';
import { render, type Rendered } from './templates/render';
import type { Profile, Template } from './templates/schema';
import { noteValues, templateValues } from './templates/values';

export interface CaseInput {
  contact: Contact;
  /** Their asks (the queue passes those inside the cool-down: the only ones that can change its answer). */
  asks: Ask[];
  settings: EngineSettings;
  neverAsk: NeverAskList;
  now: Date;
  colleagueAsk?: ColleagueAsk;
  /** The thread on screen when it is theirs; else the last one stored with them. */
  thread?: { clientMessages: ThreadMessage[]; ourMessageDates: string[] };
  /** The queue needs no send-time advice (the costliest part). */
  withoutSendTime?: boolean;
}

export interface Judged {
  /** The contact, with the never-ask list applied. */
  contact: Contact;
  evaluation: Evaluation;
  advice: AdviceNow;
  /** An ask written into a draft and not yet seen sent (nor discarded): a second one is not recorded. */
  openDraft?: Ask;
}

export function judge({ contact: stored, asks, settings, neverAsk, now, colleagueAsk, thread, withoutSendTime }: CaseInput): Judged {
  // The queue judges thousands: nothing is copied or allocated that the answer does not need.
  const listed = isNeverAsk(stored, neverAsk);
  const contact = listed === stored.neverAsk ? stored : { ...stored, neverAsk: listed };
  const signals = thread ?? (stored.recentMessages?.length ? storedThread(stored) : undefined);
  const evaluation = evaluate({
    contact,
    clientMessages: signals?.clientMessages,
    ourMessageDates: signals?.ourMessageDates,
    asks,
    now,
    settings,
    colleagueAsk,
    withoutSendTime,
  });
  const judged: Judged = { contact, evaluation, advice: adviceFor(evaluation.verdict.kind, evaluation.followUpDue) };
  const openDraft = asks.length ? newestOpenDraft(asks) : undefined;
  if (openDraft) judged.openDraft = openDraft;
  return judged;
}

function newestOpenDraft(asks: Ask[]): Ask | undefined {
  let newest: Ask | undefined;
  for (const a of asks) if (a.status === 'drafted' && !a.discardedAt && (!newest || a.askedAt > newest.askedAt)) newest = a;
  return newest;
}

/** The template the verdict calls for, for this contact's segment: the one Insert and Compose in Gmail write with. */
export function templateOf(
  { contact, evaluation, advice }: Judged,
  templates: Template[],
  { peerFirst = false, incentiveInAsk = false, incentive = '' }: Partial<Pick<Profile, 'peerFirst' | 'incentiveInAsk' | 'incentive'>> = {},
): Template | undefined {
  return chooseTemplate(templates, {
    kind: advice.template,
    segment: contact.facts.segment?.value,
    // Past the window the incentive re-activates; in it, when the profile asks for it and names one.
    incentive: advice.template === 'reactivation' || !!evaluation.verdict.incentive || (incentiveInAsk && !!incentive.trim() && advice.template === 'ask'),
    peerFirst,
  });
}

/**
 * The templates that fit this contact now (issue 33: the user chooses, and sees the text first):
 * those of the kind the advice calls for and its neighbours (an ask, with or without incentive,
 * peer-first, a re-activation; a follow-up when one is due), for any segment or theirs.
 */
export function choicesOf({ contact, advice }: Judged, templates: Template[]): Template[] {
  const kinds: Template['kind'][] = advice.template === 'follow-up' ? ['follow-up'] : ['ask', 'reactivation'];
  const segment = contact.facts.segment?.value.toLowerCase() ?? '';
  return templates.filter((t) => kinds.includes(t.kind) && (t.segment === '' || t.segment.toLowerCase() === segment));
}

/** The ask as it would be written now, if a template fits: the one the user picked among the choices, else the recommended one. */
export function askOf(judged: Judged, templates: Template[], profile: Profile, picked?: string): { template: Template; rendered: Rendered } | undefined {
  const template = (picked && choicesOf(judged, templates).find((t) => t.id === picked)) || templateOf(judged, templates, profile);
  return template && { template, rendered: render(template, templateValues(judged.contact, profile), noteValues(judged.contact, profile)) };
}

/** True when the contact belongs in "Who to ask": by the verdict table, and not while a draft ask to them is open. */
export function queued({ evaluation: ev, openDraft }: Judged, now: Date, settings: EngineSettings): boolean {
  if (openDraft || ev.neverAsk || ev.snoozedUntil) return false;
  const entry = VERDICTS[ev.verdict.kind].queue;
  if (entry === 'now') return true;
  if (entry === 'soon' && ev.verdict.date) {
    return dayNumber(ev.verdict.date) - todayOf(now).number <= settings.queueLookaheadDays && (ev.satisfaction.score ?? 0) >= settings.satisfiedScore;
  }
  return false;
}
