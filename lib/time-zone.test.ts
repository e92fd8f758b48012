import { describe, expect, it } from 'vitest';
import { resolveTimeZone, zoneOffset } from './time-zone';

describe('picking a time zone', () => {
  it('takes a zone of the list in any case, or a city the list names once', () => {
    expect(resolveTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(resolveTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(resolveTimeZone('Kolkata')).toBe('Asia/Kolkata');
    expect(resolveTimeZone(' buenos aires ')).toBe('America/Argentina/Buenos_Aires');
    expect(resolveTimeZone('new_york')).toBe('America/New_York');
  });

  it('refuses free text that is not a zone', () => {
    expect(resolveTimeZone('Paris, France')).toBeUndefined();
    expect(resolveTimeZone('Mars/Olympus')).toBeUndefined();
    expect(resolveTimeZone('CET-ish')).toBeUndefined();
  });

  it('labels each zone with its offset at a given moment (daylight saving included)', () => {
    expect(zoneOffset('Asia/Kolkata', new Date('2026-01-15T12:00:00Z'))).toBe('UTC+5:30');
    expect(zoneOffset('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe('UTC-5');
    expect(zoneOffset('America/New_York', new Date('2026-07-15T12:00:00Z'))).toBe('UTC-4');
  });
});
