import { differenceInCalendarDays, format, parseISO, startOfDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDay } from '../day';
import { calendarDays, dayLabel, dayNumber, formatDay, parseDay, todayOf } from './calendar';

// Any instant from 1970 to 2100, and any text shaped like a day (impossible days included).
const instant = fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true });
const dayText = fc
  .tuple(fc.integer({ min: 0, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe("the engine's fast calendar (issue 16) answers as date-fns does", () => {
  it('parseDay: the same local day as parseISO, and the same failure for impossible days', () => {
    fc.assert(
      fc.property(dayText, (text) => {
        const fast = parseDay(text);
        const slow = parseISO(text);
        expect(Number.isNaN(fast.getTime())).toBe(Number.isNaN(slow.getTime()));
        if (!Number.isNaN(slow.getTime())) expect(fast.getTime()).toBe(slow.getTime());
      }),
      { numRuns: 2_000 },
    );
    expect(parseDay('2026-02-31').getTime()).toBeNaN();
    expect(parseDay('2026-11-25T10:00:00Z').toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });

  it('calendarDays: differenceInCalendarDays, across daylight saving changes', () => {
    fc.assert(
      // `==` because date-fns answers -0 for the same day, which reads "0" all the same.
      fc.property(instant, instant, (a, b) => {
        expect(calendarDays(a, b) == differenceInCalendarDays(a, b)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('formatDay: format, remembered per day', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('MMM d' as const, 'MMM d, yyyy' as const), (d, pattern) => {
        expect(formatDay(d, pattern)).toBe(format(d, pattern));
        expect(formatDay(new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59), pattern)).toBe(format(d, pattern));
      }),
      { numRuns: 1_000 },
    );
  });

  it('dayNumber: days between two days by subtraction, as differenceInCalendarDays counts them', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [x, y] = [toDay(a), toDay(b)];
        expect(dayNumber(x) - dayNumber(y) == differenceInCalendarDays(parseISO(x), parseISO(y))).toBe(true);
        expect(dayLabel(x)).toBe(format(parseISO(x), 'MMM d, yyyy'));
      }),
      { numRuns: 2_000 },
    );
    expect(dayNumber('2026-02-31')).toBeNaN();
  });

  it('todayOf: the local day, its midnight and its number, for any instant', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const today = todayOf(now);
        expect(today.day).toBe(toDay(now));
        expect(today.start.getTime()).toBe(startOfDay(now).getTime());
        expect(today.number).toBe(dayNumber(toDay(now)));
      }),
      { numRuns: 1_000 },
    );
  });
});
