/**
 * The engine's calendar arithmetic on its hot path (issue 16: the queue scores thousands of
 * contacts at once). Same answers as date-fns for local calendar days, which the tests check
 * against it; without its general parsing and options, and with the few formatted days reused.
 */
import { format, parseISO } from 'date-fns';

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a YYYY-MM-DD as the user's local calendar day (parseISO's answer, faster); other text as parseISO does. */
export function parseDay(day: string): Date {
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

const formatted = new Map<string, string>();

/** date-fns `format` for a calendar day ("MMM d"), remembered: a queue writes the same few days thousands of times. */
export function formatDay(date: Date, pattern: 'MMM d' | 'MMM d, yyyy'): string {
  const key = `${pattern}|${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 5_000) formatted.clear();
    text = format(date, pattern);
    formatted.set(key, text);
  }
  return text;
}
