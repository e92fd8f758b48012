/**
 * How long someone has been a customer, and where that puts them against the referral window.
 * Calendar arithmetic (date-fns): Jan 31 + 1 month is Feb 28 (29 in a leap year), never Mar 3.
 */
import { addMonths, differenceInMonths, startOfDay } from 'date-fns';
import { calendarDays, parseDay, todayOf } from './calendar';
import type { EngineSettings } from './settings';
import { toDay } from '../day';

export interface Relationship {
  /** The customer start date, YYYY-MM-DD. */
  start: string;
  /** Whole days since the start, 0 on the day itself. */
  days: number;
  /** Whole calendar months since the start. */
  months: number;
  windowOpens: string;
  windowCloses: string;
  phase: 'before-window' | 'in-window' | 'after-window';
}

export { toDay } from '../day';

export { parseDay };

type Window = Pick<EngineSettings, 'windowOpensAfterMonths' | 'windowClosesAfterMonths'>;
export type LabelledRelationship = Readonly<Relationship & { label: string }>;

/** Ages already worked out for today and this window, by start day (a queue meets each start day many times). */
let ages: { day: string; opens: number; closes: number; byStart: Map<string, LabelledRelationship> } | undefined;

/** The relationship and its words ("4 months"), shared between everyone asking the same: frozen. */
export function relationshipAge(start: string, now: Date, settings: Window): LabelledRelationship {
  const day = todayOf(now).day;
  const { windowOpensAfterMonths: opens, windowClosesAfterMonths: closes } = settings;
  if (ages?.day !== day || ages.opens !== opens || ages.closes !== closes || ages.byStart.size > 5_000) {
    ages = { day, opens, closes, byStart: new Map() };
  }
  let age = ages.byStart.get(start);
  if (!age) {
    const computed = computeAge(start, now, settings);
    age = Object.freeze({ ...computed, label: describeAge(computed) });
    ages.byStart.set(start, age);
  }
  return age;
}

function computeAge(start: string, now: Date, settings: Pick<EngineSettings, 'windowOpensAfterMonths' | 'windowClosesAfterMonths'>): Relationship {
  const startDay = parseDay(start);
  const today = startOfDay(now);
  const opens = addMonths(startDay, settings.windowOpensAfterMonths);
  const closes = addMonths(startDay, settings.windowClosesAfterMonths);
  const phase = today < opens ? 'before-window' : today > closes ? 'after-window' : 'in-window';
  return {
    start,
    days: calendarDays(today, startDay),
    months: Math.max(0, differenceInMonths(today, startDay)),
    windowOpens: toDay(opens),
    windowCloses: toDay(closes),
    phase,
  };
}

/** "4 months", "2 weeks", "1 year 2 months": what the sidebar shows as the relationship age. */
export function describeAge(rel: Pick<Relationship, 'days' | 'months'>): string {
  if (rel.days < 0) return 'not a customer yet';
  if (rel.months >= 12) {
    const years = Math.floor(rel.months / 12);
    const months = rel.months % 12;
    return `${plural(years, 'year')}${months ? ` ${plural(months, 'month')}` : ''}`;
  }
  if (rel.months >= 1) return plural(rel.months, 'month');
  if (rel.days >= 7) return plural(Math.floor(rel.days / 7), 'week');
  return plural(rel.days, 'day');
}

const count = new Intl.NumberFormat('en-US');

/** "1 month", "3 weeks", "20,000 contacts". */
export function plural(n: number, word: string): string {
  return `${count.format(n)} ${word}${n === 1 ? '' : 's'}`;
}
