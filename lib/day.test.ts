import { formatDistanceStrict } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { timeAgo } from './day';

describe('how long ago an ask was (the popup says it before anything else has loaded)', () => {
  it('says it in the words the popup used with date-fns, for every span from seconds to years', () => {
    const now = new Date('2026-11-25T10:00:00.000Z');
    const spans = [
      0,
      5,
      59,
      60,
      89,
      90,
      3_599,
      3_600,
      5_400,
      86_399,
      86_400,
      129_600,
      29 * 86_400,
      30 * 86_400,
      45 * 86_400,
      200 * 86_400,
      364 * 86_400,
      365 * 86_400,
      3 * 365 * 86_400,
    ];
    for (const seconds of spans) {
      const at = new Date(now.getTime() - seconds * 1000).toISOString();
      expect(timeAgo(at, now), `${seconds} s`).toBe(formatDistanceStrict(new Date(at), now, { addSuffix: true }));
    }
    expect(timeAgo('2026-11-25T12:00:00.000Z', now)).toBe('in 2 hours');
  });
});
