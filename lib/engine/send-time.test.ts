import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { inferTimeZone, nextBusinessSlot, sendTimeAdvice } from './send-time';

describe('send-time advice', () => {
  it('inside business hours: send now', () => {
    const now = new Date('2026-11-24T10:00:00Z'); // Tue 11:00 in Paris
    expect(nextBusinessSlot(now, 'Europe/Paris', DEFAULT_SETTINGS)).toEqual({ at: now, sendNow: true });
  });

  it('2 AM for them: their next morning at 9:30, not in a few minutes', () => {
    const now = new Date('2026-11-24T17:00:00Z'); // Wed 2:00 in Tokyo
    const { at, sendNow } = nextBusinessSlot(now, 'Asia/Tokyo', DEFAULT_SETTINGS);
    expect(sendNow).toBe(false);
    expect(at.toISOString()).toBe('2026-11-25T00:30:00.000Z'); // Wed 9:30 JST
  });

  it('Sunday: Monday morning', () => {
    const { at } = nextBusinessSlot(new Date('2026-11-22T12:00:00Z'), 'Europe/Paris', DEFAULT_SETTINGS);
    expect(at.toISOString()).toBe('2026-11-23T08:30:00.000Z');
  });

  it('across the spring DST change (New York, Sunday Mar 8 2026)', () => {
    const { at } = nextBusinessSlot(new Date('2026-03-08T06:30:00Z'), 'America/New_York', DEFAULT_SETTINGS);
    expect(at.toISOString()).toBe('2026-03-09T13:30:00.000Z'); // Mon 9:30 EDT (UTC-4)
  });

  it('Friday 16:45 is too late in the day: Monday', () => {
    const { at } = nextBusinessSlot(new Date('2026-11-27T15:45:00Z'), 'Europe/Paris', DEFAULT_SETTINGS);
    expect(at.toISOString()).toBe('2026-11-30T08:30:00.000Z');
  });

  it('infers a zone from the hours they write at, and says when it cannot', () => {
    const newYorkDays = ['2026-11-02T14:10:00Z', '2026-11-03T15:30:00Z', '2026-11-04T19:00:00Z', '2026-11-05T21:20:00Z'];
    const zone = inferTimeZone(newYorkDays)!;
    expect(zone).toMatch(/^Etc\/GMT\+[3-6]$/);
    expect(inferTimeZone(['2026-11-02T14:10:00Z'])).toBeUndefined();
    const unknown = sendTimeAdvice({ now: new Date(), clientMessageDates: [], settings: DEFAULT_SETTINGS });
    expect(unknown).toMatchObject({ source: 'unknown' });
    expect(unknown.label).toMatch(/unknown/);
    const inferred = sendTimeAdvice({ now: new Date('2026-11-24T17:00:00Z'), clientMessageDates: newYorkDays, settings: DEFAULT_SETTINGS });
    expect(inferred).toMatchObject({ source: 'inferred' });
    expect(inferred.label).toMatch(/guessed from when they write/);
  });

  it('an invalid stored zone is ignored rather than thrown on', () => {
    expect(sendTimeAdvice({ now: new Date(), contactTimeZone: 'Mars/Olympus', clientMessageDates: [], settings: DEFAULT_SETTINGS }).source).toBe('unknown');
  });

  it("says the send time in the client's zone, by its city, and in the user's own", () => {
    const now = new Date('2026-11-25T17:00:00Z'); // Wed 22:30 in Kolkata, Wed 12:00 in New York
    const advice = sendTimeAdvice({
      now,
      contactTimeZone: 'Asia/Kolkata',
      clientMessageDates: [],
      settings: DEFAULT_SETTINGS,
      userTimeZone: 'America/New_York',
    });
    expect(advice.label).toBe('Outside their business hours: schedule it for Thu 9:30 AM in Kolkata, Wed 11:00 PM for you.');
    const here = sendTimeAdvice({
      now,
      contactTimeZone: 'America/Argentina/Buenos_Aires',
      clientMessageDates: [],
      settings: DEFAULT_SETTINGS,
      userTimeZone: 'America/Sao_Paulo',
    });
    expect(here.label).toBe('Good time to send: Wed 2:00 PM in Buenos Aires, the same for you.');
  });
});
