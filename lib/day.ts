/**
 * A calendar day as the user means it ("customer since 2026-05-14"): YYYY-MM-DD in the browser's
 * own time zone. The one way every part of the extension writes "today" (a UTC date is off by one
 * for half the world every evening). No library: the content scripts use it too.
 */
export function toDay(date: Date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
