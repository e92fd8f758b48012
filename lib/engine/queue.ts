/**
 * "Who to ask this week": contacts whose window is open now or opens within the look-ahead, not
 * blocked, not asked recently, no draft ask open, not on the never-ask list; most valuable and
 * most urgent first.
 */
import { addDays, addMonths, startOfDay, subMonths } from 'date-fns';
import { dayNumber, todayOf } from './calendar';
import type { ColleagueAsk, ReferralVerdict } from './index';
import { judge, queued } from '../case';
import { parseDay, toDay } from './relationship';
import type { EngineSettings } from './settings';
import type { Ask, Contact } from '../model';
import type { NeverAskList } from '../never-ask';

export interface QueueRow {
  email: string;
  name: string;
  company: string;
  verdict: ReferralVerdict;
  score: number | null;
  priority: boolean;
  windowOpens: string;
  windowCloses: string;
  /** Days until the window closes (or opens, when it is not open yet). */
  daysLeft: number;
  recordUrl?: string;
}

/** The customer-start dates that can put a contact in the queue today (a little wide: month ends). */
export function queueStartRange(now: Date, settings: EngineSettings): { from: string; to: string } {
  const today = startOfDay(now);
  return {
    from: toDay(addDays(subMonths(today, settings.windowClosesAfterMonths), -3)),
    to: toDay(addDays(subMonths(today, settings.windowOpensAfterMonths), settings.queueLookaheadDays + 3)),
  };
}

export function buildQueue(
  contacts: Contact[],
  asksByEmail: Map<string, Ask[]>,
  neverAsk: NeverAskList,
  settings: EngineSettings,
  now: Date,
  colleagueOf: (contact: Contact) => ColleagueAsk | undefined = () => undefined,
): QueueRow[] {
  const rows: QueueRow[] = [];
  for (const contact of contacts) {
    // Judged as the sidebar judges (lib/case.ts): the same thread signals, the same verdict table.
    const judged = judge({
      contact,
      asks: asksByEmail.get(contact.email) ?? [],
      neverAsk,
      settings,
      now,
      colleagueAsk: colleagueOf(contact),
      withoutSendTime: true,
    });
    const ev = judged.evaluation;
    if (!queued(judged, now, settings) || !ev.relationship) continue;
    const open = ev.verdict.kind === 'ask-now';
    rows.push({
      email: contact.email,
      name: contact.name,
      company: contact.company,
      verdict: ev.verdict,
      score: ev.satisfaction.score,
      priority: ev.priority,
      windowOpens: ev.relationship.windowOpens,
      windowCloses: ev.relationship.windowCloses,
      recordUrl: contact.recordUrl,
      daysLeft: dayNumber(open ? ev.relationship.windowCloses : ev.relationship.windowOpens) - todayOf(now).number,
    });
  }
  return rows.sort(compareQueueRows);
}

/** The queue's order: high value first, then those to ask now, the most satisfied, the least time left. */
export function compareQueueRows(a: QueueRow, b: QueueRow): number {
  return (
    Number(b.priority) - Number(a.priority) ||
    Number(b.verdict.kind === 'ask-now') - Number(a.verdict.kind === 'ask-now') ||
    (b.score ?? 0) - (a.score ?? 0) ||
    a.daysLeft - b.daysLeft ||
    a.email.localeCompare(b.email)
  );
}

/** How many contacts' windows open in the coming week: the weekly reminder's number. */
export function enteringWindow(contacts: Contact[], now: Date, settings: EngineSettings): number {
  const today = toDay(now);
  const weekEnd = toDay(addDays(now, 7));
  return contacts.filter((c) => {
    const start = c.facts.customerSince?.value;
    if (!start) return false;
    const opens = toDay(addMonths(parseDay(start), settings.windowOpensAfterMonths));
    return opens >= today && opens < weekEnd;
  }).length;
}
