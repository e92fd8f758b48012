/**
 * When a follow-up falls due: the one definition the verdict, the badge and the popup all use.
 * Part of the engine (timing rules); `asks/` builds on it, never the other way round.
 */
import { addBusinessDays, parseISO, startOfDay } from 'date-fns';
import type { Ask } from '../model';
import { DEFAULT_SETTINGS } from './settings';

export function followUpDate(askedAt: string, businessDays: number): string {
  return addBusinessDays(startOfDay(parseISO(askedAt)), businessDays).toISOString();
}

type FollowUpFields = Pick<Ask, 'askedAt' | 'status'> & Partial<Pick<Ask, 'followUpAt' | 'followUpDismissed' | 'discardedAt'>>;

/**
 * The stored date (set when sent, moved by a snooze), else the business days after the ask; none
 * once they answered, or the follow-up was done or dismissed.
 */
export function followUpDueAt(ask: FollowUpFields, businessDays = DEFAULT_SETTINGS.followUpBusinessDays): Date | undefined {
  // Follow-ups are for asks that went out: a draft never sent has nobody to follow up with.
  if (ask.status !== 'sent' || ask.followUpDismissed || ask.discardedAt) return undefined;
  return new Date(ask.followUpAt ?? followUpDate(ask.askedAt, businessDays));
}

/** A follow-up is due when the ask went out, nobody replied, and the day has come. */
export function isFollowUpDue(ask: FollowUpFields, now: Date, businessDays?: number): boolean {
  const at = followUpDueAt(ask, businessDays);
  return !!at && at.getTime() <= now.getTime();
}
