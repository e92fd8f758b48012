import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import type { Contact, FactSource } from '../model';
import { buildQueue, enteringWindow, queueStartRange } from './queue';
import { evaluate } from './index';
import { colleagueAsks } from '../contacts';

const NOW = new Date(2026, 10, 22, 12);
const src: FactSource = { kind: 'import', observedAt: '2026-11-01T00:00:00.000Z' };
const c = (email: string, since: string, nps: number, extra: Partial<Contact> = {}): Contact => ({
  email,
  name: email.split('@')[0]!,
  company: '',
  facts: { customerSince: { value: since, source: src }, nps: { value: { score: nps, answeredOn: '2026-11-01' }, source: src } },
  neverAsk: false,
  updatedAt: src.observedAt,
  ...extra,
});

describe('referral queue', () => {
  const contacts = [
    c('open@a.example', '2026-07-01', 9),
    c('soon@a.example', '2026-08-27', 10),
    c('later@a.example', '2026-09-20', 10),
    c('detractor@a.example', '2026-07-01', 4),
    c('never@a.example', '2026-07-01', 10, { neverAsk: true }),
    c('blocked@competitor.example', '2026-07-01', 10),
    c('vip@a.example', '2026-07-10', 9, {}),
    c('asked@a.example', '2026-07-01', 10),
  ];
  contacts[6]!.facts.spend90d = { value: 900, source: src };

  it('open now or opening within 7 days; not blocked, asked, or never-ask; priority first', () => {
    const asks = new Map([
      ['asked@a.example', [{ id: 'x', email: 'asked@a.example', templateId: 't', status: 'sent' as const, askedAt: '2026-11-10T10:00:00.000Z', history: [] }]],
    ]);
    const rows = buildQueue(contacts, asks, { emails: [], domains: ['competitor.example'] }, DEFAULT_SETTINGS, NOW);
    expect(rows.map((r) => r.email)).toEqual(['vip@a.example', 'open@a.example', 'soon@a.example']);
    expect(rows[2]).toMatchObject({ windowOpens: '2026-11-27', daysLeft: 5 });
  });

  it('one ask per company per cool-down: a colleague asked lately keeps the others out, another company is unaffected (issue 19)', () => {
    const sent = (email: string, askedAt: string) => ({ id: email, email, templateId: 't', status: 'sent' as const, askedAt, history: [] });
    const recent = [sent('dana@acme.example', '2026-11-02T10:00:00.000Z')];
    const people = new Map([['dana@acme.example', { name: 'Dana Whitfield', company: 'Acme' }]]);
    const team = [c('lee@acme.example', '2026-07-01', 10, { company: 'Acme' }), c('ravi@brightpath.example', '2026-07-01', 10)];
    const rows = buildQueue(team, new Map([['dana@acme.example', recent]]), { emails: [], domains: [] }, DEFAULT_SETTINGS, NOW, colleagueAsks(recent, people));
    expect(rows.map((r) => r.email)).toEqual(['ravi@brightpath.example']);

    const lee = evaluate({ contact: team[0]!, now: NOW, settings: DEFAULT_SETTINGS, colleagueAsk: colleagueAsks(recent, people)(team[0]!) });
    expect(lee.verdict).toMatchObject({ kind: 'asked-recently', headline: 'Asked a colleague at Acme on Nov 2' });
    expect(lee.verdict.nextStep).toContain('You asked Dana Whitfield at Acme');
    // A draft never sent, or an ask to the same person, is not a colleague's ask; free mail addresses are colleagues only by company name.
    expect(colleagueAsks([{ ...recent[0]!, status: 'drafted' }], people)(team[0]!)).toBeUndefined();
    expect(colleagueAsks(recent, people)({ email: 'dana@acme.example', company: 'Acme' })).toBeUndefined();
    const gmailPeople = new Map([['sam@gmail.com', { name: 'Sam', company: 'Acme' }]]);
    expect(colleagueAsks([sent('sam@gmail.com', '2026-11-02T10:00:00.000Z')], gmailPeople)({ email: 'kim@gmail.com', company: '' })).toBeUndefined();
    expect(colleagueAsks([sent('sam@gmail.com', '2026-11-02T10:00:00.000Z')], gmailPeople)({ email: 'kim@gmail.com', company: 'acme' })?.email).toBe(
      'sam@gmail.com',
    );
    // After the cool-down the colleague's ask no longer counts.
    const later = evaluate({ contact: team[0]!, now: new Date(2027, 1, 5), settings: DEFAULT_SETTINGS, colleagueAsk: colleagueAsks(recent, people)(team[0]!) });
    expect(later.verdict.kind).not.toBe('asked-recently');
  });

  it('the index range covers every queued contact', () => {
    const { from, to } = queueStartRange(NOW, DEFAULT_SETTINGS);
    expect(from <= '2026-05-22' && to >= '2026-08-29').toBe(true);
  });

  it('counts contacts entering the window in the coming week', () => {
    expect(enteringWindow(contacts, NOW, DEFAULT_SETTINGS)).toBe(1);
  });
});

describe('one truth for the verdict (issue 17)', () => {
  it('the queue judges a client on the thread the sidebar saw: considering cancelling is fix first in both', async () => {
    const { applyPage } = await import('../contacts');
    const { viewWithDefaults } = await import('@/tests/shared/views');
    const page = {
      host: 'gmail' as const,
      hostLabel: 'Gmail',
      url: 'https://mail.google.com/mail/u/0/#inbox/x',
      accountEmail: 'me@n.example',
      contact: { email: 'open@a.example' },
      thread: {
        id: 't',
        messages: [
          {
            from: 'open@a.example',
            date: '2026-11-20T10:00:00.000Z',
            text: 'Honestly we are considering cancelling: the last two releases broke our exports.',
          },
        ],
      },
      composeCount: 0,
      missing: [],
    };
    const seen = applyPage(c('open@a.example', '2026-07-01', 9), page, '2026-11-20T11:00:00.000Z');
    const view = viewWithDefaults(page, seen, NOW);
    expect(view.evaluation.verdict.kind).toBe('fix-first');
    // Later, in the popup, no page open: the queue reads the same signals from the contact.
    expect(buildQueue([seen], new Map(), { emails: [], domains: [] }, DEFAULT_SETTINGS, NOW).map((r) => r.email)).toEqual([]);
    const elsewhere = viewWithDefaults({ ...page, contact: undefined, thread: undefined }, seen, NOW);
    expect(elsewhere.evaluation.verdict.kind).toBe('fix-first');
    expect(elsewhere.evaluation.satisfaction.score).toBe(view.evaluation.satisfaction.score);
  });
});
