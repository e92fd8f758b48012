import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, evaluate } from './index';
import { withVerdict } from './verdict-log';
import type { Ask, Contact } from '../model';

const src = (kind: 'manual' | 'import', observedAt: string, label?: string) => ({ kind, observedAt, ...(label ? { label } : {}) });
const contactWith = (facts: Contact['facts']): Contact => ({
  email: 'dana@acme.example',
  name: 'Dana',
  company: 'Acme',
  facts,
  neverAsk: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const view = (contact: Contact, now: Date, asks: Ask[] = []) => ({
  contact,
  evaluation: evaluate({ contact, asks, now, settings: DEFAULT_SETTINGS }),
  asks,
  now,
});

describe('why the verdict changed', () => {
  const start = { value: '2026-06-10', source: src('import', '2026-09-01T10:00:00.000Z', 'crm.csv') };
  const goodNps = { value: { score: 9 }, source: src('import', '2026-09-01T10:00:00.000Z', 'crm.csv') };

  it('starts with the first verdict seen, and adds nothing while the verdict stays', () => {
    const c = contactWith({ customerSince: start, nps: goodNps });
    const first = withVerdict(undefined, view(c, new Date('2026-09-02T10:00:00Z')))!;
    expect(first).toEqual([expect.objectContaining({ kind: 'too-early', because: 'first seen' })]);
    expect(withVerdict(first, view(c, new Date('2026-09-03T10:00:00Z')))).toBeUndefined();
  });

  it("names a teammate's ask learned from the CRM, not time, when it changed the verdict", () => {
    const c = contactWith({ customerSince: start, nps: goodNps });
    const now = new Date('2026-10-20T10:00:00Z');
    const log = withVerdict(undefined, view(c, now))!;
    expect(log[0]).toMatchObject({ kind: 'ask-now' });
    const colleagueAsk = { email: '', name: 'Marco Ruiz', company: 'Acme', askedAt: '2026-10-15T12:00:00.000Z', by: 'Dana Kim', via: 'HubSpot' };
    const later = new Date('2026-10-20T10:05:00Z');
    const evaluation = evaluate({ contact: c, asks: [], now: later, settings: DEFAULT_SETTINGS, colleagueAsk });
    const next = withVerdict(log, { contact: c, evaluation, asks: [], now: later, colleagueAsk })!;
    expect(next[1]).toMatchObject({ kind: 'asked-recently', because: 'Dana Kim asked Marco Ruiz (Oct 15, logged in HubSpot)' });
  });

  it('names the window opening when time alone changed it', () => {
    const c = contactWith({ customerSince: start, nps: goodNps });
    const log = withVerdict(undefined, view(c, new Date('2026-09-02T10:00:00Z')))!;
    const next = withVerdict(log, view(c, new Date('2026-09-15T10:00:00Z')))!;
    expect(next[1]).toMatchObject({ kind: 'ask-now', because: 'the referral window opened (Sep 10)' });
  });

  it('names the fact that changed it, with its value and source', () => {
    const c = contactWith({ customerSince: start, nps: goodNps });
    const log = withVerdict(undefined, view(c, new Date('2026-09-15T10:00:00Z')))!;
    const unhappy = contactWith({ customerSince: start, nps: goodNps, csat: { value: 40, source: src('manual', '2026-09-16T09:00:00.000Z') } });
    const next = withVerdict(log, view(unhappy, new Date('2026-09-16T10:00:00Z')))!;
    expect(next[1]).toMatchObject({ kind: 'fix-first', because: 'CSAT (%): 40 (you, Sep 16)' });
  });

  it('names the ask that changed it', () => {
    const c = contactWith({ customerSince: start, nps: goodNps });
    const log = withVerdict(undefined, view(c, new Date('2026-09-15T10:00:00Z')))!;
    const ask: Ask = {
      id: 'a1',
      email: c.email,
      templateId: 't',
      status: 'sent',
      askedAt: '2026-09-16T09:00:00.000Z',
      history: [
        { status: 'drafted', at: '2026-09-16T09:00:00.000Z' },
        { status: 'sent', at: '2026-09-16T09:05:00.000Z' },
      ],
    };
    const next = withVerdict(log, view(c, new Date('2026-09-16T10:00:00Z'), [ask]))!;
    expect(next[1]).toMatchObject({ kind: 'asked-recently', because: 'the ask was sent (Sep 16)' });
  });

  it('keeps the last eight changes', () => {
    const c = contactWith({ customerSince: start, nps: goodNps });
    const old = Array.from({ length: 8 }, (_, i) => ({
      kind: 'snoozed' as const,
      headline: `Snoozed ${i}`,
      at: `2026-08-0${i + 1}T10:00:00.000Z`,
      because: 'you snoozed this contact',
    }));
    const next = withVerdict(old, view(c, new Date('2026-09-02T10:00:00Z')))!;
    expect(next).toHaveLength(8);
    expect(next[0]!.headline).toBe('Snoozed 1');
    expect(next[7]).toMatchObject({ kind: 'too-early', because: 'Customer since: 2026-06-10 (crm.csv, Sep 1)' });
  });
});
