/**
 * When to send: the next business-hours slot in the client's time zone, so that an ask written at
 * 2 AM their time is scheduled for their morning instead. Uses @date-fns/tz (IANA zones, DST-safe).
 */
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import type { EngineSettings } from './settings';
import { isValidTimeZone } from '../time-zone';

export { isValidTimeZone };

export interface SendTimeAdvice {
  timeZone?: string;
  /** contact: from the contact's facts; inferred: from the hours they write at; unknown. */
  source: 'contact' | 'inferred' | 'unknown';
  /** True when now is inside the client's business hours. */
  sendNow: boolean;
  /** The suggested moment, ISO instant. */
  at?: string;
  label: string;
}

const isoWeekday = (d: Date) => d.getDay() || 7;

/** The next moment inside business hours in `timeZone`, or `now` itself when it already is. */
export function nextBusinessSlot(now: Date, timeZone: string, settings: Pick<EngineSettings, 'businessHours' | 'workingDays'>): { at: Date; sendNow: boolean } {
  const { startHour, endHour } = settings.businessHours;
  const local = new TZDate(now.getTime(), timeZone);
  const working = (d: Date) => settings.workingDays.includes(isoWeekday(d));
  // Leave half an hour before the end of the day: an ask that lands at 4:59 PM waits till morning.
  const minutes = local.getHours() * 60 + local.getMinutes();
  if (working(local) && minutes >= startHour * 60 && minutes < endHour * 60 - 30) {
    return { at: now, sendNow: true };
  }
  // Half past the opening hour, today if that is still ahead, else the next working day.
  let day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), startHour, 30, timeZone);
  if (day.getTime() <= now.getTime() || !working(day)) {
    do {
      const next = addDays(day, 1);
      day = new TZDate(next.getFullYear(), next.getMonth(), next.getDate(), startHour, 30, timeZone);
    } while (!working(day));
  }
  return { at: new Date(day.getTime()), sendNow: false };
}

/**
 * Guesses a UTC offset from the hours a client writes at, assuming they write in their working
 * day (8:00-19:00). Needs three dated messages, and most of them to fit one offset; returns an
 * `Etc/GMT` zone (which has no DST, so the advice may be an hour off in summer: said in the label).
 */
export function inferTimeZone(messageDates: string[]): string | undefined {
  const hours = messageDates
    .map((d) => new Date(d))
    .filter((d) => !Number.isNaN(d.getTime()))
    .map((d) => d.getUTCHours() + d.getUTCMinutes() / 60);
  if (hours.length < 3) return undefined;
  let best: { offset: number; fit: number }[] = [];
  for (let offset = -11; offset <= 13; offset++) {
    const fit = hours.filter((h) => {
      const local = (((h + offset) % 24) + 24) % 24;
      return local >= 8 && local < 19;
    }).length;
    if (!best[0] || fit > best[0].fit) best = [{ offset, fit }];
    else if (fit === best[0].fit) best.push({ offset, fit });
  }
  if (!best[0] || best[0].fit / hours.length < 0.7) return undefined;
  // Many offsets fit equally: take the middle one, the least likely to push an email to the edge.
  const { offset } = best[Math.floor(best.length / 2)]!;
  if (offset === 0) return 'Etc/GMT';
  // Etc zones are sign-inverted by POSIX convention: Etc/GMT+5 is UTC-5.
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export function sendTimeAdvice(input: {
  now: Date;
  contactTimeZone?: string;
  clientMessageDates: string[];
  settings: Pick<EngineSettings, 'businessHours' | 'workingDays'>;
  /** The account manager's own zone (the browser's when not given): the send time is said in both. */
  userTimeZone?: string;
}): SendTimeAdvice {
  const fromContact = input.contactTimeZone && isValidTimeZone(input.contactTimeZone) ? input.contactTimeZone : undefined;
  const timeZone = fromContact ?? inferTimeZone(input.clientMessageDates);
  if (!timeZone) {
    return {
      source: 'unknown',
      sendNow: false,
      label: 'Their time zone is unknown: set it to get a send time in their business hours.',
    };
  }
  const source = fromContact ? 'contact' : 'inferred';
  const { at, sendNow } = nextBusinessSlot(input.now, timeZone, input.settings);
  // "Thu 9:30 AM in Kolkata, Wed 11:00 PM for you": theirs first, then the user's own clock.
  const mine = input.userTimeZone && isValidTimeZone(input.userTimeZone) ? input.userTimeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = (zone: string) => format(new TZDate(at.getTime(), zone), 'EEE h:mm a');
  const place = fromContact ? `in ${zoneCity(timeZone)}` : `${utcName(timeZone)}, guessed from when they write`;
  const both = sameClock(at, timeZone, mine) ? `${when(timeZone)} ${place}, the same for you` : `${when(timeZone)} ${place}, ${when(mine)} for you`;
  const label = sendNow ? `Good time to send: ${both}.` : `Outside their business hours: schedule it for ${both}.`;
  return { timeZone, source, sendNow, at: at.toISOString(), label };
}

/** The place a zone is named after, as people say it: "Asia/Kolkata" is Kolkata, "America/Argentina/Buenos_Aires" Buenos Aires. */
export function zoneCity(zone: string): string {
  if (zone.startsWith('Etc/')) return utcName(zone);
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

const sameClock = (at: Date, a: string, b: string) =>
  a === b || format(new TZDate(at.getTime(), a), 'EEE H:mm') === format(new TZDate(at.getTime(), b), 'EEE H:mm');

function utcName(etc: string): string {
  const m = /^Etc\/GMT([+-])(\d+)$/.exec(etc);
  if (!m) return 'UTC';
  return `UTC${m[1] === '+' ? '-' : '+'}${m[2]}`;
}
