/**
 * The engine's calendar arithmetic on its hot path (issue 16: the queue scores thousands of
 * contacts at once). Same answers as date-fns for local calendar days, which the tests check
 * against it; without its general parsing and options, and with the few formatted days reused.
 */
import { format, parseISO } from 'date-fns';
import { toDay } from '../day';

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Remembered results are forgotten past this many (a queue meets a few hundred distinct days). */
const REMEMBERED = 5_000;

function remember<K, V>(map: Map<K, V>, key: K, work: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size > REMEMBERED) map.clear();
    value = work(key);
    map.set(key, value);
  }
  return value;
}

const parsed = new Map<string, number>();

/** Parses a YYYY-MM-DD as the user's local calendar day (parseISO's answer, faster); other text as parseISO does. */
export function parseDay(day: string): Date {
  return new Date(remember(parsed, day, (text) => parseDaySlow(text).getTime()));
}

function parseDaySlow(day: string): Date {
  const m = YMD.exec(day);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    const date = new Date(y, mo, d);
    // Years before 100 and impossible days (Feb 31) go the long way, to fail as parseISO fails.
    if (y >= 100 && date.getMonth() === mo && date.getDate() === d) return date;
  }
  return parseISO(day);
}

const utcDay = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());

/** Whole local calendar days from `b` to `a`, as date-fns' differenceInCalendarDays (daylight saving changes included). */
export function calendarDays(a: Date, b: Date): number {
  return Math.round((utcDay(a) - utcDay(b)) / 86_400_000);
}

const ordinals = new Map<string, number>();

/**
 * A calendar day as a number (days since 1970-01-01 on the calendar, whatever the time zone), so
 * "days between two days" is a subtraction: `dayNumber(b) - dayNumber(a)` is
 * `calendarDays(parseDay(b), parseDay(a))`. NaN for text that is not a day.
 */
export function dayNumber(day: string): number {
  return remember(ordinals, day, (text) => utcDay(parseDay(text)) / 86_400_000);
}

/** The local calendar day an instant falls on, as a `dayNumber`: `today - dayNumberOf(d)` is `calendarDays(now, d)`. */
export function dayNumberOf(instant: Date): number {
  return utcDay(instant) / 86_400_000;
}

/** Today, as the engine uses it, for one instant. */
export interface Today {
  /** YYYY-MM-DD, local. */
  day: string;
  /** Local midnight starting it (startOfDay). Shared: never mutate. */
  start: Date;
  /** Its `dayNumber`. */
  number: number;
}

let lastToday: { at: number; offset: number; today: Today } | undefined;

/** Today for `now`, worked out once per instant: the queue asks thousands of times with one `now`. */
export function todayOf(now: Date): Today {
  const at = now.getTime();
  if (lastToday?.at !== at) {
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const offset = start.getTimezoneOffset();
    // The user travelled (or the clocks changed): a remembered local midnight may be another instant now.
    if (lastToday && lastToday.offset !== offset) parsed.clear();
    lastToday = { at, offset, today: { day: toDay(now), start, number: utcDay(start) / 86_400_000 } };
  }
  return lastToday.today;
}

const formatted = new Map<string, string>();

/** date-fns `format` for a calendar day ("MMM d"), remembered: a queue writes the same few days thousands of times. */
export function formatDay(date: Date, pattern: 'MMM d' | 'MMM d, yyyy'): string {
  return remember(formatted, `${pattern}|${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`, () => format(date, pattern));
}

const labels = new Map<string, string>();

/** "Feb 14, 2027" for a YYYY-MM-DD (formatDay of parseDay), remembered by the text itself. */
export function dayLabel(day: string): string {
  return remember(labels, day, (text) => formatDay(parseDay(text), 'MMM d, yyyy'));
}
