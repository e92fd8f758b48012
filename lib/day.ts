/**
 * A calendar day as the user means it ("customer since 2026-05-14"): YYYY-MM-DD in the browser's
 * own time zone. The one way every part of the extension writes "today" (a UTC date is off by one
 * for half the world every evening). No library: the content scripts use it too.
 */
export function toDay(date: Date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** YYYY-MM-DD when the day exists on the calendar (no 30 February), else undefined. */
export function calendarDay(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A day the extension keeps (issue 31: one bound for store, import, edit, page and restore): a
 * real calendar day (YYYY-MM-DD) within `DAY_SPAN`. Whether it may be after today is the caller's
 * rule (a customer-since date may not; a snooze may).
 */
export function isPlausibleDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  return y >= DAY_SPAN.from && y <= DAY_SPAN.to && calendarDay(y, Number(m[2]), Number(m[3])) === value;
}

/** The years a kept day may fall in: no customer of a living business started before 1900. */
export const DAY_SPAN = { from: 1900, to: 2199 } as const;

/**
 * How long ago an instant was, in the largest whole unit, as a person says it ("5 days ago", "1
 * hour ago", "in 2 minutes"): seconds under a minute, then minutes, hours, days under 30, months
 * of 30 days under 12, years. No library: the popup draws its first screen with it before anything
 * else has loaded (issue 35).
 */
export function timeAgo(iso: string, now: Date): string {
  const seconds = (now.getTime() - Date.parse(iso)) / 1000;
  const abs = Math.abs(seconds);
  const [unit, size] =
    abs < 60
      ? (['second', 1] as const)
      : abs < 3_600
        ? (['minute', 60] as const)
        : abs < 86_400
          ? (['hour', 3_600] as const)
          : abs < 30 * 86_400
            ? (['day', 86_400] as const)
            : abs < 365 * 86_400
              ? (['month', 30 * 86_400] as const)
              : (['year', 365 * 86_400] as const);
  const n = Math.round(abs / size);
  // Twelve months rounded up from 360-odd days read as a year.
  const words = unit === 'month' && n === 12 ? '1 year' : `${n} ${unit}${n === 1 ? '' : 's'}`;
  return seconds >= 0 ? `${words} ago` : `in ${words}`;
}
