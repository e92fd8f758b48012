import { describe, expect, it } from 'vitest';
import type { Ask } from '../model';
import { hoursToReply, inPeriod, kpis, kpisBy } from './kpis';
import { belongsToThread, detectReplyElsewhere, detectStatus, isFollowUpDue, nextStep, saysNo, saysOk } from './pipeline';

const ask = (over: Partial<Ask>): Ask => ({
  id: 'a',
  email: 'dana@acme.example',
  templateId: 'default-ask',
  status: 'drafted',
  askedAt: '2026-11-10T10:00:30.000Z',
  history: [{ status: 'drafted', at: '2026-11-10T10:00:30.000Z' }],
  threadId: 't1',
  ...over,
});

describe('reading replies', () => {
  it.each(['OK', 'ok!', 'Okay, happy to.', 'Sure thing', 'Hi Alex, yes - will do', 'Happy to help', 'Sounds good!\n\nOn Mon, Alex wrote:\n> ...'])(
    '"%s" is an OK',
    (t) => expect(saysOk(t)).toBe(true),
  );
  it.each(['Not ok', "OK but I can't right now", 'No thanks', 'Please send the invoice again', 'x'.repeat(400)])('"%s" is not an OK', (t) =>
    expect(saysOk(t)).toBe(false),
  );
  it('a refusal', () => {
    expect(saysNo("No, I'd rather not")).toBe(true);
    expect(saysNo('Sure')).toBe(false);
  });
});

describe('detection in the thread', () => {
  const thread = (messages: Array<{ from: string; date: string; text: string }>) => ({ threadId: 't1', accountEmail: 'me@n.example', messages });
  it('sent when my message with the ask appears after drafting, accepted when they then say OK', () => {
    const a = ask({ snippet: 'Do you know one or two peers' });
    const sent = thread([
      { from: 'dana@acme.example', date: '2026-11-02T09:00:00.000Z', text: 'OK' }, // before the ask: not an answer
      { from: 'me@n.example', date: '2026-11-10T10:00:00.000Z', text: 'Hi Dana, Do you know one or two peers at...' },
    ]);
    expect(detectStatus(a, sent)).toBe('sent');
    const replied = thread([...sent.messages, { from: 'dana@acme.example', date: '2026-11-11T08:00:00.000Z', text: 'Ok, happy to!' }]);
    expect(detectStatus({ ...a, status: 'sent' }, replied)).toBe('accepted');
    expect(detectStatus({ ...a, status: 'accepted' }, replied)).toBeUndefined();
  });
  it("an ask written in a new email is found in the thread where it appears, and the client's OK there accepts it (issue 17)", () => {
    const fromCompose = ask({ snippet: 'Do you know one or two peers', threadId: undefined, threadUrl: 'https://mail.google.com/mail/u/0/#inbox?compose=new' });
    const other = {
      threadId: 't9',
      accountEmail: 'me@n.example',
      messages: [
        { from: 'me@n.example', date: '2026-11-10T10:00:00.000Z', text: 'Hi Dana, Do you know one or two peers at similar companies?' },
        { from: 'dana@acme.example', date: '2026-11-10T12:00:00.000Z', text: 'OK, happy to help!' },
      ],
    };
    expect(belongsToThread(fromCompose, other)).toBe(true);
    expect(detectStatus(fromCompose, other)).toBe('accepted');
  });
  it('issue 31: the client\'s OK about the ask in an older thread accepts it; a bare "Sure" there does not', () => {
    const sentAsk = ask({ status: 'sent', threadId: 't1', history: [{ status: 'sent', at: '2026-11-10T10:00:00.000Z' }] });
    const older = (text: string, date = '2026-11-12T09:00:00.000Z') => ({
      threadId: 't-older',
      accountEmail: 'me@n.example',
      messages: [
        { from: 'me@n.example', date: '2026-10-01T09:00:00.000Z', text: 'The Q3 invoice is attached.' },
        { from: 'dana@acme.example', date, text },
      ],
    });
    expect(detectReplyElsewhere(sentAsk, older('Sure, happy to help, I will pass your note on'))).toBe('accepted');
    expect(detectReplyElsewhere(sentAsk, older('Yes, glad to introduce you to Lee at Beta.'))).toBe('accepted');
    expect(detectReplyElsewhere(sentAsk, older("No, I'd rather not refer anyone right now."))).toBe('declined');
    // About that thread, not the ask: nothing changes.
    expect(detectReplyElsewhere(sentAsk, older('Sure, Tuesday works.'))).toBeUndefined();
    // Written before the ask went out: not an answer to it.
    expect(detectReplyElsewhere(sentAsk, older('Sure, happy to help, I will pass your note on', '2026-11-01T09:00:00.000Z'))).toBeUndefined();
    // A drafted ask has not been asked; an accepted one is past this.
    expect(detectReplyElsewhere({ ...sentAsk, status: 'drafted' }, older('Sure, I will pass your note on'))).toBeUndefined();
  });

  it('another thread, or my unrelated message, changes nothing', () => {
    expect(
      detectStatus(ask({}), {
        threadId: 't2',
        accountEmail: 'me@n.example',
        messages: [{ from: 'me@n.example', date: '2026-11-10T11:00:00.000Z', text: 'x' }],
      }),
    ).toBeUndefined();
    expect(
      detectStatus(ask({ snippet: 'peers' }), thread([{ from: 'me@n.example', date: '2026-11-10T11:00:00.000Z', text: 'Invoice attached' }])),
    ).toBeUndefined();
  });
});

describe('follow-ups and next steps', () => {
  it('due after the follow-up date while nobody replied; dismissed stays quiet', () => {
    const a = ask({ status: 'sent', followUpAt: '2026-11-17T00:00:00.000Z' });
    expect(isFollowUpDue(a, new Date('2026-11-16T12:00:00Z'))).toBe(false);
    expect(isFollowUpDue(a, new Date('2026-11-17T12:00:00Z'))).toBe(true);
    expect(isFollowUpDue({ ...a, followUpDismissed: true }, new Date('2026-11-18T12:00:00Z'))).toBe(false);
    expect(isFollowUpDue({ ...a, status: 'accepted' }, new Date('2026-11-18T12:00:00Z'))).toBe(false);
    expect(nextStep(a, new Date('2026-11-18T12:00:00Z'))).toMatchObject({ rank: 0, label: 'No reply after 8 days: follow up once' });
    expect(nextStep({ ...a, status: 'accepted' }, new Date('2026-11-18T12:00:00Z')).rank).toBe(1);
  });

  it('a sent ask waiting for its reply says the follow-up day as the browser writes it in US English', () => {
    const followUpAt = '2026-12-09T10:00:00.000Z';
    const day = new Date(followUpAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
    expect(nextStep(ask({ status: 'sent', followUpAt }), new Date('2026-12-01T12:00:00Z')).label).toBe(`Waiting for a reply; follow up on ${day}`);
  });
});

describe('KPIs (hand-computed)', () => {
  const h = (status: Ask['status'], at: string) => ({ status, at });
  const asks: Ask[] = [
    // 1: drafted, never sent
    ask({ id: '1', status: 'drafted', segment: 'B2B' }),
    // 2: sent, no reply
    ask({
      id: '2',
      status: 'sent',
      segment: 'B2B',
      history: [h('drafted', '2026-11-01T10:00:00.000Z'), h('sent', '2026-11-01T10:00:00.000Z')],
      askedAt: '2026-11-01T10:00:00.000Z',
    }),
    // 3: sent, OK after 24 h
    ask({
      id: '3',
      status: 'accepted',
      segment: 'B2C',
      history: [h('drafted', '2026-11-02T10:00:00.000Z'), h('sent', '2026-11-02T10:00:00.000Z'), h('accepted', '2026-11-03T10:00:00.000Z')],
      askedAt: '2026-11-02T10:00:00.000Z',
    }),
    // 4: sent, OK after 2 h, introduced, converted
    ask({
      id: '4',
      status: 'converted',
      segment: 'B2B',
      templateId: 'b2c-ask',
      history: [
        h('drafted', '2026-11-03T10:00:00.000Z'),
        h('sent', '2026-11-03T10:00:00.000Z'),
        h('accepted', '2026-11-03T12:00:00.000Z'),
        h('introduced', '2026-11-05T10:00:00.000Z'),
        h('converted', '2026-11-20T10:00:00.000Z'),
      ],
      askedAt: '2026-11-03T10:00:00.000Z',
    }),
    // 5: declined after 48 h
    ask({
      id: '5',
      status: 'declined',
      segment: 'B2B',
      history: [h('drafted', '2026-11-04T10:00:00.000Z'), h('sent', '2026-11-04T10:00:00.000Z'), h('declined', '2026-11-06T10:00:00.000Z')],
      askedAt: '2026-11-04T10:00:00.000Z',
    }),
    // 6: outside the period
    ask({ id: '6', status: 'converted', askedAt: '2026-09-01T10:00:00.000Z', history: [h('converted', '2026-09-20T10:00:00.000Z')] }),
  ];
  const period = inPeriod(asks, '2026-10-15T00:00:00.000Z', '2026-11-30T00:00:00.000Z');

  it('counts, rates and the median time to reply', () => {
    expect(period).toHaveLength(5);
    const k = kpis(period);
    expect(k).toEqual({
      asks: 5,
      sent: 4,
      replied: 3,
      accepted: 2,
      introduced: 1,
      converted: 1,
      declined: 1,
      replyRate: 3 / 4,
      okRate: 2 / 4,
      conversionRate: 1 / 4,
      medianHoursToReply: 24,
      // Ask 4: asked Nov 3, introduced Nov 5, a customer Nov 20.
      medianDaysAskToIntro: 2,
      medianDaysIntroToCustomer: 15,
      rewardsOwed: 0,
      rewardsGiven: 0,
    });
    expect(hoursToReply(period[3]!)).toBe(2);
  });

  it('per segment and per template', () => {
    const bySegment = kpisBy(period, (a) => a.segment ?? '');
    expect(bySegment.map((g) => [g.key, g.kpis.asks, g.kpis.sent, g.kpis.converted])).toEqual([
      ['B2B', 4, 3, 1],
      ['B2C', 1, 1, 0],
    ]);
    expect(kpisBy(period, (a) => a.templateId).map((g) => g.key)).toEqual(['default-ask', 'b2c-ask']);
  });

  it('no asks: rates are unknown, not zero', () => {
    expect(kpis([])).toMatchObject({ sent: 0, replyRate: null, medianHoursToReply: null });
  });
});

describe('urgency', () => {
  it('agrees with the next step ranks', async () => {
    const { urgency } = await import('./pipeline');
    const now = new Date('2026-11-18T12:00:00Z');
    for (const status of ['drafted', 'sent', 'accepted', 'introduced', 'converted', 'declined', 'no-response'] as const) {
      for (const followUpAt of [undefined, '2026-11-17T00:00:00.000Z', '2026-11-30T00:00:00.000Z']) {
        for (const thankedAt of [undefined, '2026-11-10T00:00:00.000Z']) {
          const a = ask({ status, followUpAt, thankedAt });
          expect(urgency(a, now), `${status} ${followUpAt} ${thankedAt}`).toBe(nextStep(a, now).rank);
        }
      }
    }
  });
});

describe('follow-up dates and the asks export', () => {
  it('five business days skip the weekend', async () => {
    const { followUpDate } = await import('./pipeline');
    // Thursday Nov 19 2026 + 5 business days = Thursday Nov 26 (local time).
    expect(new Date(followUpDate(new Date(2026, 10, 19, 15).toISOString(), 5)).toDateString()).toBe(new Date(2026, 10, 26).toDateString());
    // Friday + 1 business day = Monday.
    expect(new Date(followUpDate(new Date(2026, 10, 20, 9).toISOString(), 1)).getDay()).toBe(1);
  });

  it('CSV of asks: one row each, key moments, formulas neutralised', async () => {
    const { asksToCsv } = await import('./asks-csv');
    const row = {
      ask: ask({
        status: 'introduced',
        history: [
          { status: 'sent', at: '2026-11-10T10:00:00.000Z' },
          { status: 'accepted', at: '2026-11-11T10:00:00.000Z' },
          { status: 'introduced', at: '2026-11-12T10:00:00.000Z' },
        ],
        referral: { name: 'Priya', email: 'priya@peer.example' },
      }),
      name: '=HYPERLINK("http://evil.example")',
      company: 'Acme, Inc.',
      templateName: 'Referral ask (B2B)',
      nextStep: { rank: 4, label: 'Introduced to Priya: mark converted when they buy' },
      followUpDue: false,
    };
    const csv = asksToCsv([row]);
    const [header, line] = csv.split(/\r?\n/);
    expect(header).toContain('Email,Name,Company,Segment,Template,Status');
    expect(line).toContain('introduced');
    expect(line).toContain('2026-11-11T10:00:00.000Z');
    expect(line).toContain('24.0');
    expect(line).toContain('"Acme, Inc."');
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('closing the loop after an intro (issue 19)', () => {
  const now = new Date('2026-12-20T12:00:00Z');
  const intro = (over: Partial<Ask> = {}) =>
    ask({
      status: 'introduced',
      referral: { name: 'Priya Raman', email: 'priya@lumen.example' },
      history: [{ status: 'introduced', at: '2026-12-01T10:00:00.000Z' }],
      ...over,
    });

  it('thank them first; then an update when the referral converts, or once the intro has stalled', async () => {
    const { loopStep, nextStep } = await import('./pipeline');
    expect(loopStep(intro(), now, 30)).toEqual({ part: 'thanks', label: 'Thank them for the intro to Priya Raman' });
    expect(loopStep(intro({ thankedAt: '2026-12-02T10:00:00.000Z' }), now, 30)).toBeUndefined();
    expect(loopStep(intro({ thankedAt: '2026-12-02T10:00:00.000Z' }), now, 14)).toEqual({
      part: 'update',
      label: 'No news from Priya Raman after 19 days: tell them how it went',
    });
    const converted = intro({
      status: 'converted',
      thankedAt: '2026-12-02T10:00:00.000Z',
      rewards: { client: { what: 'a $100 credit' }, friend: { what: 'a free month' } },
    });
    expect(loopStep(converted, now, 30)?.label).toBe('Priya Raman became a customer: tell them how it went');
    expect(nextStep(converted, now).label).toBe('Priya Raman became a customer: tell them how it went; rewards owed (client and friend)');
    const closed = { ...converted, loopClosedAt: '2026-12-21T10:00:00.000Z' };
    expect(loopStep(closed, now, 30)).toBeUndefined();
    expect(nextStep(closed, now).label).toBe('Converted: rewards owed to the client and the friend');
    const given = {
      ...closed,
      rewards: { client: { what: 'a $100 credit', givenAt: now.toISOString() }, friend: { what: 'a free month', givenAt: now.toISOString() } },
    };
    expect(nextStep(given, now).label).toBe('Converted');
    expect(loopStep(intro({ discardedAt: now.toISOString() }), now, 30)).toBeUndefined();
  });

  it('numbers by month, days ask to intro and intro to customer, rewards owed and given, and the referrals CSV with their referrer', async () => {
    const { kpis, kpisByMonth } = await import('./kpis');
    const { referralsToCsv } = await import('./asks-csv');
    const a1 = intro({
      id: 'r1',
      status: 'converted',
      askedAt: '2026-10-01T10:00:00.000Z',
      history: [
        { status: 'sent', at: '2026-10-01T10:00:00.000Z' },
        { status: 'introduced', at: '2026-10-11T10:00:00.000Z' },
        { status: 'converted', at: '2026-10-31T10:00:00.000Z' },
      ],
      rewards: { client: { what: 'a $100 credit', givenAt: '2026-11-01T10:00:00.000Z' }, friend: { what: '=HYPERLINK("x")' } },
    });
    const a2 = ask({ id: 'r2', status: 'sent', askedAt: '2026-11-05T10:00:00.000Z', history: [{ status: 'sent', at: '2026-11-05T10:00:00.000Z' }] });
    const k = kpis([a1, a2]);
    expect([k.medianDaysAskToIntro, k.medianDaysIntroToCustomer, k.rewardsOwed, k.rewardsGiven]).toEqual([10, 20, 1, 1]);
    expect(kpisByMonth([a2, a1]).map((m) => [m.key, m.kpis.sent, m.kpis.converted])).toEqual([
      ['2026-10', 1, 1],
      ['2026-11', 1, 0],
    ]);
    const csv = referralsToCsv([
      { ask: a1, name: 'Dana Whitfield', company: 'Acme', templateName: 't', nextStep: { rank: 6, label: '' }, followUpDue: false },
      { ask: a2, name: 'Lee', company: 'Acme', templateName: 't', nextStep: { rank: 3, label: '' }, followUpDue: false },
    ]);
    const lines = csv.split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'Referral name,Referral email,Status,Introduced on,Converted on,Referrer name,Referrer email,Referrer company,Referrer reward,Referral reward',
    );
    expect(lines[1]).toBe(
      `Priya Raman,priya@lumen.example,converted,2026-10-11,2026-10-31,Dana Whitfield,${a1.email},Acme,a $100 credit (given 2026-11-01),"'=HYPERLINK(""x"") (owed)"`,
    );
  });
});
