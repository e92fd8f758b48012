import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact, ContactFacts, FactSource } from '../model';
import { BASE_SCORE, clampScore } from './satisfaction';
import { DEFAULT_SETTINGS, evaluate, relationshipAge, VERDICT_KINDS, type EngineInput, type Evaluation } from './index';
import { queued, type Judged } from '../case';
import { messageTone } from './tone';

const inQueue = (evaluation: Evaluation, now: Date, settings: typeof DEFAULT_SETTINGS) => queued({ evaluation } as Judged, now, settings);

const NOW = new Date(2026, 10, 22, 12, 0); // Sun Nov 22 2026, noon local
const src: FactSource = { kind: 'manual', observedAt: '2026-11-20T10:00:00.000Z' };
const f = <T>(value: T) => ({ value, source: src });

function contact(facts: ContactFacts, extra: Partial<Contact> = {}): EngineInput['contact'] {
  return { facts, neverAsk: false, ...extra };
}
function run(facts: ContactFacts, extra: Partial<EngineInput> = {}) {
  return evaluate({ contact: contact(facts), now: NOW, settings: DEFAULT_SETTINGS, ...extra });
}
const promoter = { nps: f({ score: 10, answeredOn: '2026-11-01' }) };

describe('relationship age', () => {
  it.each([
    // start, months to add, expected window opening
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 3, '2024-05-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-08-22', 3, '2026-11-22'],
  ])('%s + %i months opens on %s (calendar months, month-end safe)', (start, months, opens) => {
    expect(relationshipAge(start, NOW, { windowOpensAfterMonths: months, windowClosesAfterMonths: 6 }).windowOpens).toBe(opens);
  });

  it('counts whole days and calendar months', () => {
    const rel = relationshipAge('2026-07-22', NOW, DEFAULT_SETTINGS);
    expect(rel).toMatchObject({ days: 123, months: 4, windowOpens: '2026-10-22', windowCloses: '2027-01-22', phase: 'in-window' });
  });
});

describe('verdict', () => {
  it.each<[string, ContactFacts, (typeof VERDICT_KINDS)[number]]>([
    ['no start date', { ...promoter }, 'needs-info'],
    ['start known, no satisfaction evidence, in window', { customerSince: f('2026-07-01') }, 'needs-info'],
    ['exactly 3 months today, promoter', { customerSince: f('2026-08-22'), ...promoter }, 'ask-now'],
    ['one day short of 3 months', { customerSince: f('2026-08-23'), ...promoter }, 'too-early'],
    ['exactly 6 months today', { customerSince: f('2026-05-22'), ...promoter }, 'ask-now'],
    ['6 months and a day', { customerSince: f('2026-05-21'), ...promoter }, 'past-window'],
    ['detractor in window', { customerSince: f('2026-07-01'), nps: f({ score: 5, answeredOn: '2026-11-01' }) }, 'fix-first'],
    ['promoter with an open ticket', { customerSince: f('2026-07-01'), ...promoter, openTickets: f(1) }, 'fix-first'],
    ['promoter with a low CSAT', { customerSince: f('2026-07-01'), ...promoter, csat: f(40) }, 'fix-first'],
    ['passive only: score under 70', { customerSince: f('2026-07-01'), nps: f({ score: 7, answeredOn: '2026-11-01' }) }, 'fix-first'],
    ['detractor, too early: fix comes first', { customerSince: f('2026-10-01'), nps: f({ score: 3 }) }, 'fix-first'],
  ])('%s -> %s', (_, facts, kind) => {
    expect(run(facts).verdict.kind).toBe(kind);
  });

  it('too early says the day the window opens', () => {
    const v = run({ customerSince: f('2026-09-10'), ...promoter }).verdict;
    expect(v).toMatchObject({ kind: 'too-early', date: '2026-12-10' });
    expect(v.headline).toContain('Dec 10, 2026');
  });

  it('asked recently: follow up after 5 business days, ask again after 90 days', () => {
    const facts = { customerSince: f('2026-07-01'), ...promoter };
    const waiting = run(facts, { asks: [{ askedAt: new Date(2026, 10, 19, 10).toISOString(), status: 'sent' }] }).verdict;
    expect(waiting).toMatchObject({ kind: 'asked-recently', date: '2026-11-26' });
    const due = run(facts, { asks: [{ askedAt: new Date(2026, 10, 2, 10).toISOString(), status: 'sent' }] }).verdict;
    expect(due.nextStep).toMatch(/follow up once now/i);
    const old = run(facts, { asks: [{ askedAt: new Date(2026, 7, 1, 10).toISOString(), status: 'sent' }] }).verdict;
    expect(old.kind).toBe('ask-now');
  });

  it('past the window suggests an incentive', () => {
    expect(run({ customerSince: f('2025-11-01'), ...promoter }).verdict).toMatchObject({ kind: 'past-window', incentive: true });
  });

  it('a recent complaint in their emails means fix first', () => {
    const ev = run(
      { customerSince: f('2026-07-01'), ...promoter },
      { clientMessages: [{ from: 'c@x.example', date: new Date(2026, 10, 20).toISOString(), text: 'The export is still broken and we are frustrated.' }] },
    );
    expect(ev.verdict.kind).toBe('fix-first');
    expect(ev.verdict.nextStep).toMatch(/still broken/);
  });

  it('a recent positive moment raises the score and is named', () => {
    const base = run({ customerSince: f('2026-07-01'), nps: f({ score: 8, answeredOn: '2026-11-01' }) });
    const withMoment = run(
      { customerSince: f('2026-07-01'), nps: f({ score: 8, answeredOn: '2026-11-01' }) },
      {
        clientMessages: [
          { from: 'c@x.example', date: new Date(2026, 10, 19).toISOString(), text: 'Great news: it works now and we hit our quarterly target!' },
        ],
      },
    );
    expect(withMoment.satisfaction.score!).toBeGreaterThan(base.satisfaction.score!);
    expect(withMoment.satisfaction.reasons.map((r) => r.label).join()).toMatch(/said it worked on Nov 19/i);
  });

  it('high spend marks a priority', () => {
    expect(run({ customerSince: f('2026-07-01'), ...promoter, spend90d: f(800) }).priority).toBe(true);
    expect(run({ customerSince: f('2026-07-01'), ...promoter, spend90d: f(100) }).priority).toBe(false);
  });

  it('reasons are in words with signed contributions', () => {
    const reasons = run({ customerSince: f('2026-07-01'), nps: f({ score: 10, answeredOn: '2026-11-01' }) }).satisfaction.reasons;
    expect(reasons[0]).toMatchObject({ label: 'NPS 10 (promoter), 3 weeks ago', contribution: 35 });
  });

  it('an imported NPS without its date is of unknown age: said so, fresh only if the customer is younger than the freshness limit', () => {
    const imported = (score: number) => ({ value: { score }, source: { kind: 'import' as const, label: 'crm.csv', observedAt: '2026-11-22T09:00:00.000Z' } });
    const young = run({ customerSince: f('2026-07-01'), nps: imported(9) }).satisfaction.reasons[0]!;
    expect(young.label).toBe('NPS 9 (promoter), answer date unknown');
    expect(young.contribution).toBe(30);
    // A three-year customer's undated answer may be three years old: it counts as an old one.
    const old = run({ customerSince: f('2023-10-01'), nps: imported(9) }).satisfaction.reasons[0]!;
    expect(old.label).toBe('NPS 9 (promoter), answer date unknown, old answer counts half');
    expect(old.contribution).toBe(15);
    // Not "answered today" because it was imported today.
    expect(old.label).not.toContain('today');
  });

  it('an old NPS answer counts half', () => {
    const reasons = run({ customerSince: f('2026-07-01'), nps: f({ score: 10, answeredOn: '2026-01-01' }) }).satisfaction.reasons;
    expect(reasons[0]!.contribution).toBe(17);
  });

  it('queue: open window now, or opening within 7 days for a satisfied client', () => {
    const soon = run({ customerSince: f('2026-08-27'), ...promoter });
    expect(soon.verdict.kind).toBe('too-early');
    expect(inQueue(soon, NOW, DEFAULT_SETTINGS)).toBe(true);
    expect(inQueue(run({ customerSince: f('2026-09-15'), ...promoter }), NOW, DEFAULT_SETTINGS)).toBe(false);
    const never = evaluate({ contact: contact({ customerSince: f('2026-07-01'), ...promoter }, { neverAsk: true }), now: NOW, settings: DEFAULT_SETTINGS });
    expect(inQueue(never, NOW, DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('tone', () => {
  it('scores with negation and ignores quoted text', () => {
    expect(messageTone({ text: 'Not bad at all, thanks!' }).comparative).toBeGreaterThan(0);
    expect(messageTone({ text: 'Sounds good.\n> this is terrible awful horrible' }).comparative).toBeGreaterThanOrEqual(0);
  });
  it('a complaint outweighs a polite thanks in the same message', () => {
    expect(messageTone({ text: 'Login is not working again. Thanks.' })).toMatchObject({ complaint: expect.any(String), positiveMoment: undefined });
  });
});
it('a message dated ahead of now, or with no readable date, is neither their tone nor their latest word', () => {
  const at = (d: number) => new Date(2026, 10, d, 10).toISOString();
  const ev = run(
    { customerSince: f('2026-07-01'), ...promoter },
    {
      clientMessages: [
        { from: 'c@x.example', date: 'last Tuesday', text: 'Still broken, awful.' },
        { from: 'c@x.example', date: at(28), text: 'This is broken, terrible.' },
        { from: 'c@x.example', date: at(10), text: 'It works now, thanks a lot!' },
      ],
    },
  );
  expect(ev.satisfaction.lastClientMessageAt).toBe(at(10));
  expect(ev.satisfaction.reasons.find((r) => r.kind === 'tone')?.label).toBe('Their recent emails sound warm (1 message)');
  expect(ev.satisfaction.reasons.find((r) => r.kind === 'recency')?.label).toBe('Wrote to you 12 days ago');
});

describe('invariants (property tests)', () => {
  const day = fc.date({ min: new Date(2023, 0, 1), max: new Date(2027, 0, 1), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const facts: fc.Arbitrary<ContactFacts> = fc.record(
    {
      customerSince: day.map(f),
      nps: fc.record({ score: fc.integer({ min: 0, max: 10 }), answeredOn: day }).map(f),
      csat: fc.integer({ min: 0, max: 100 }).map(f),
      openTickets: fc.integer({ min: 0, max: 5 }).map(f),
      spend90d: fc.integer({ min: 0, max: 5000 }).map(f),
    },
    { requiredKeys: [] },
  );
  const messages = fc.array(
    fc.record({
      from: fc.constant('c@x.example'),
      date: fc.date({ min: new Date(2026, 6, 1), max: new Date(2026, 10, 22), noInvalidDate: true }).map((d) => d.toISOString()),
      text: fc.oneof(fc.string(), fc.constantFrom('It works, thanks!', 'Still broken.', 'We hit our target', 'cancel please', 'ok')),
    }),
    { maxLength: 5 },
  );
  const asks = fc.array(
    fc.record({
      askedAt: fc.date({ min: new Date(2026, 0, 1), max: new Date(2026, 10, 22), noInvalidDate: true }).map((d) => d.toISOString()),
      status: fc.constantFrom('drafted', 'sent', 'accepted', 'declined', 'no-response' as const),
    }),
    { maxLength: 3 },
  );

  it('score is 0-100 (or unknown), explained by its reasons, and the verdict is total and deterministic', () => {
    fc.assert(
      fc.property(facts, messages, asks, (facts, clientMessages, asks) => {
        const input = { contact: contact(facts), clientMessages, asks, now: NOW, settings: DEFAULT_SETTINGS };
        const ev = evaluate(input);
        const { score, reasons } = ev.satisfaction;
        if (score !== null) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(score).toBe(clampScore(BASE_SCORE + reasons.reduce((s, r) => s + r.contribution, 0)));
        }
        expect(VERDICT_KINDS).toContain(ev.verdict.kind);
        expect(evaluate(input)).toEqual(ev);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });

  it('never says ask-now to a detractor or with an open ticket', () => {
    fc.assert(
      fc.property(facts, messages, (facts, clientMessages) => {
        const ev = evaluate({ contact: contact(facts), clientMessages, now: NOW, settings: DEFAULT_SETTINGS });
        if ((facts.nps && facts.nps.value.score <= 6) || (facts.openTickets && facts.openTickets.value > 0)) {
          expect(ev.verdict.kind).not.toBe('ask-now');
          expect(ev.verdict.kind).not.toBe('past-window');
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
  });
});

describe('reply latency', () => {
  it('median hours from our message to their next reply, in words', async () => {
    const { replyLatencyHours } = await import('./satisfaction');
    expect(replyLatencyHours(['2026-11-01T10:00:00Z', '2026-11-05T10:00:00Z'], ['2026-11-01T13:00:00Z', '2026-11-06T10:00:00Z'])).toBe(13.5);
    expect(replyLatencyHours(['2026-11-10T10:00:00Z'], ['2026-11-01T13:00:00Z'])).toBeUndefined();
    const fast = run(
      { customerSince: f('2026-07-01'), ...promoter },
      {
        ourMessageDates: [new Date(2026, 10, 18, 9).toISOString()],
        clientMessages: [{ from: 'c@x.example', date: new Date(2026, 10, 18, 10).toISOString(), text: 'Noted.' }],
      },
    );
    expect(fast.satisfaction.reasons.find((r) => r.kind === 'latency')).toEqual({ kind: 'latency', label: 'Answers you within hours', contribution: 5 });
  });
});

describe('follow-ups in the verdict use the same dates as the popup', () => {
  const facts = { customerSince: f('2026-07-01'), ...promoter };
  const askedAt = new Date(2026, 10, 2, 10).toISOString();
  it('due by default, not once snoozed, not once dismissed', () => {
    expect(run(facts, { asks: [{ askedAt, status: 'sent' }] }).followUpDue).toBe(true);
    const snoozed = run(facts, { asks: [{ askedAt, status: 'sent', followUpAt: new Date(2026, 10, 24, 10).toISOString() }] });
    expect(snoozed.followUpDue).toBe(false);
    expect(snoozed.verdict).toMatchObject({ kind: 'asked-recently', date: '2026-11-24' });
    const dismissed = run(facts, { asks: [{ askedAt, status: 'sent', followUpDismissed: true }] });
    expect(dismissed.followUpDue).toBe(false);
    // Dismissing the reminder is not following up (issue 17): the words say which happened.
    expect(dismissed.verdict.nextStep).toMatch(/^No follow-up planned \(reminder dismissed\); ask again from Jan 31, 2027/);
    const followed = run(facts, { asks: [{ askedAt, status: 'sent', followUpDismissed: true, followedUpAt: new Date(2026, 10, 12).toISOString() }] });
    expect(followed.verdict.nextStep).toMatch(/^Followed up already/);
  });

  it('a draft never sent and a discarded ask do not count as asked, and get no follow-up', () => {
    const drafted = run(facts, { asks: [{ askedAt, status: 'drafted' }] });
    expect(drafted.verdict.kind).toBe('ask-now');
    expect(drafted.followUpDue).toBe(false);
    const discarded = run(facts, { asks: [{ askedAt, status: 'sent', discardedAt: askedAt }] });
    expect(discarded.verdict.kind).toBe('ask-now');
  });

  it('the headline states the real state: never-ask and snoozed, and no send time where no ask is advised', () => {
    const never = evaluate({ contact: { facts, neverAsk: true }, now: NOW, settings: DEFAULT_SETTINGS });
    expect(never.verdict).toMatchObject({ kind: 'never-ask', headline: 'On your never-ask list' });
    expect(never.sendTime).toBeUndefined();
    const snoozed = evaluate({ contact: { facts, neverAsk: false, snoozedUntil: '2026-12-09' }, now: NOW, settings: DEFAULT_SETTINGS });
    expect(snoozed.verdict).toMatchObject({ kind: 'snoozed', headline: 'Snoozed until Dec 9, 2026' });
    expect(run(facts).sendTime).toBeDefined();
  });
});
