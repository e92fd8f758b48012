/**
 * Logging through the CRM's API (issue 34, tier 2), against stand-ins written from the public API
 * documentation (HubSpot's notes and associations, Pipedrive's notes): what is sent, once, to the
 * record the user's page showed; 429 with Retry-After, a revoked token, a refused note, and a
 * worker that died between request and answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie from 'dexie';
import type { Ask } from '@/lib/model';
import { NOW, setup, useStandIn } from './handlers/testing';
import { CrmOutbox, type Fetch } from './crm-outbox';
import { danaAskedMarco, HUBSPOT_TOKEN, PIPEDRIVE_TOKEN, hubspotApi, lowerCased, pipedriveApi, type ApiReply } from '@/tests/shared/crm-stand-ins';

const RECORD = 'https://app.hubspot.com/contacts/2456789/record/0-1/51';

/** A stand-in's answer as `fetch` gives it. */
const answer = (r: ApiReply) => ({ status: r.status, headers: { get: (n: string) => r.headers?.[n.toLowerCase()] ?? null }, json: async () => r.json });

/**
 * HubSpot (tests/shared/crm-stand-ins.ts) behind the outbox's fetch. `faults` break the transport
 * of the next note written: the answer never comes (the worker dies) or the connection drops.
 */
function hubspotStandIn(...args: Parameters<typeof hubspotApi>) {
  const api = hubspotApi(...args);
  const faults: Array<'hang' | 'drop'> = [];
  const fetch: Fetch = async (url, init) => {
    const reply = api.handle({ method: init.method, url, headers: lowerCased(init.headers), body: init.body });
    const fault = reply.status === 201 ? faults.shift() : undefined;
    if (fault === 'hang') return new Promise(() => undefined);
    if (fault === 'drop') throw new TypeError('Failed to fetch');
    return answer(reply);
  };
  return { ...api, fetch, faults };
}

function pipedriveStandIn(...args: Parameters<typeof pipedriveApi>) {
  const api = pipedriveApi(...args);
  const fetch: Fetch = async (url, init) => answer(api.handle({ method: init.method, url, headers: lowerCased(init.headers), body: init.body }));
  return { ...api, fetch };
}

const ask = (over: Partial<Ask> = {}): Ask => ({
  id: 'a1',
  email: 'priya@lumen.example',
  templateId: 'default-ask',
  status: 'sent',
  askedAt: '2026-11-25T10:00:00.000Z',
  history: [
    { status: 'drafted', at: '2026-11-25T10:00:00.000Z' },
    { status: 'sent', at: '2026-11-25T10:05:00.000Z' },
  ],
  ...over,
});

const src = { kind: 'manual' as const, observedAt: NOW.toISOString() };
/** In the window (four months a customer) and a promoter: "who to ask" lists her. */
const factsInWindow = { customerSince: { value: '2026-07-20', source: src }, nps: { value: { score: 10 }, source: src } };

/** Priya's HubSpot record as the CRM page reads it. */
const recordPage = () => ({
  host: 'hubspot' as const,
  hostLabel: 'HubSpot',
  url: RECORD,
  people: [{ email: 'priya@lumen.example', name: 'Priya Raman', seen: 'record' as const }],
  shown: { values: { customerSince: '2026-07-20', nps: '10' } },
  composeCount: 0,
  missing: [],
});

let granted: string[] = [];
beforeEach(() => {
  granted = [];
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  // The named hosts are granted at install; an API origin only once allowed at Connect.
  permissions.contains = async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o) || !/^https:\/\/api\./.test(o));
  permissions.remove = async ({ origins }: { origins: string[] }) => ((granted = granted.filter((o) => !origins.includes(o))), true);
  (fakeBrowser.alarms as unknown as Record<string, unknown>).create = vi.fn(async () => undefined);
});
afterEach(() => useStandIn(undefined));

async function connected(standIn: { fetch: Fetch }, crm: 'hubspot' | 'pipedrive' = 'hubspot', recordUrl = RECORD) {
  const ctx = setup();
  useStandIn(standIn.fetch);
  await ctx.call('profile/save', { name: 'Alex Moreau', email: 'alex@northwind.example' }, { role: 'options' });
  granted.push(crm === 'hubspot' ? 'https://api.hubapi.com/*' : 'https://api.pipedrive.com/*');
  await ctx.store.updateContact('priya@lumen.example', (c) => ({ ...c, name: 'Priya Raman', recordUrl }), NOW.toISOString());
  await ctx.call('crm/connect', { crm, token: crm === 'hubspot' ? HUBSPOT_TOKEN : PIPEDRIVE_TOKEN }, { role: 'options' });
  return ctx;
}

describe('connecting a CRM (issue 34)', () => {
  it('needs the origin allowed, checks the token with one read, keeps it from every page and every backup; disconnect gives both back', async () => {
    const { call, send, store } = setup();
    const hubspot = hubspotStandIn();
    useStandIn(hubspot.fetch);
    await expect(call('crm/connect', { crm: 'hubspot', token: HUBSPOT_TOKEN }, { role: 'options' })).rejects.toThrow('has not allowed https://api.hubapi.com');
    granted.push('https://api.hubapi.com/*');
    const refused = await send('options', 'crm/connect', { crm: 'hubspot', token: 'pat-wrong-token' });
    expect(!refused.ok && refused.error).toBe('HubSpot refused the token (401: Authentication credentials not found.). Nothing was saved.');
    expect(hubspot.calls).toEqual(['GET https://api.hubapi.com/crm/v3/objects/contacts?limit=1']);

    const status = await call('crm/connect', { crm: 'hubspot', token: HUBSPOT_TOKEN }, { role: 'options' });
    expect(status.connection).toMatchObject({ crm: 'hubspot', connectedAt: NOW.toISOString() });
    expect(JSON.stringify(status)).not.toContain(HUBSPOT_TOKEN);
    expect(JSON.stringify(await call('crm/status', {}, { role: 'popup' }))).not.toContain(HUBSPOT_TOKEN);
    // No page may ask: the content script and the sidebar are refused by the router.
    expect((await send('content', 'crm/status', {})).ok).toBe(false);
    expect((await send('sidebar', 'crm/status', {})).ok).toBe(false);
    expect(JSON.stringify(await store.exportAll(NOW.toISOString()))).not.toContain(HUBSPOT_TOKEN);

    await call('crm/disconnect', {}, { role: 'options' });
    expect((await call('crm/status', {}, { role: 'options' })).connection).toBeUndefined();
    expect(granted).toEqual([]);
  });

  it('a restore keeps the connection and drops a token a backup file carries', async () => {
    const hubspot = hubspotStandIn();
    const { call, store } = await connected(hubspot);
    const backup = await store.exportAll(NOW.toISOString());
    const forged = { ...backup, kv: [...backup.kv, { key: 'crmApi', value: { crm: 'pipedrive', token: 'pd-forged-token', connectedAt: NOW.toISOString() } }] };
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    await call('backup/restore', { backup: forged }, { role: 'options' });
    expect((await call('crm/status', {}, { role: 'options' })).connection?.crm).toBe('hubspot');
  });
});

describe('the outbox (issue 34)', () => {
  it("each stage of an ask is one note on the record the page showed, with HubSpot's required fields; never twice", async () => {
    const hubspot = hubspotStandIn();
    const { store, deps } = await connected(hubspot);
    await store.addAsk(ask());
    await deps.outbox.changed(['priya@lumen.example']);
    expect(hubspot.notes).toHaveLength(1);
    expect(hubspot.notes[0]).toMatchObject({ contact: '51', timestamp: '2026-11-25T10:05:00.000Z' });
    expect(hubspot.notes[0]!.body).toBe('Referral window: Alex Moreau asked Priya Raman for a referral on 2026-11-25.\n\n[hubspot:a1:sent]');
    // Drafted is not a stage that is logged; the same history again writes nothing.
    await deps.outbox.changed('all');
    await deps.outbox.flush();
    expect(hubspot.notes).toHaveLength(1);

    await store.updateAsk('a1', (a) => ({ ...a, status: 'accepted', history: [...a.history, { status: 'accepted', at: '2026-11-25T11:00:00.000Z' }] }));
    await deps.outbox.changed(['priya@lumen.example']);
    expect(hubspot.notes.map((n) => n.body.split('\n')[0])).toEqual([
      'Referral window: Alex Moreau asked Priya Raman for a referral on 2026-11-25.',
      "Referral window: Priya Raman said OK to Alex Moreau's referral ask on 2026-11-25.",
    ]);
    expect((await deps.outbox.entries()).map((e) => e.state)).toEqual(['sent', 'sent']);
  });

  it('with no record page seen, nothing is searched or created: the note waits, saying so, and goes once the record is opened', async () => {
    const hubspot = hubspotStandIn();
    const { store, deps } = await connected(hubspot, 'hubspot', 'https://mail.google.com/mail/u/0/#inbox');
    await store.updateContact('priya@lumen.example', (c) => ({ ...c, recordUrl: undefined }), NOW.toISOString());
    await store.addAsk(ask());
    await deps.outbox.changed(['priya@lumen.example']);
    expect(hubspot.calls.filter((c) => !c.includes('limit=1'))).toEqual([]);
    expect(await deps.outbox.entries()).toMatchObject([{ state: 'no-record', why: "open Priya Raman's HubSpot record once" }]);
    await store.updateContact('priya@lumen.example', (c) => ({ ...c, recordUrl: RECORD }), NOW.toISOString());
    await deps.outbox.flush();
    expect(hubspot.notes).toHaveLength(1);
  });

  it("a 429 waits for the CRM's Retry-After; a revoked token stops everything and says so; a refused note shows the CRM's words", async () => {
    const hubspot = hubspotStandIn(['51']);
    const { store, deps, call } = await connected(hubspot);
    hubspot.next.push({
      status: 429,
      headers: { 'retry-after': '120' },
      json: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.' },
    });
    await store.addAsk(ask());
    await deps.outbox.changed(['priya@lumen.example']);
    const [waiting] = await deps.outbox.entries();
    expect(waiting).toMatchObject({ state: 'waiting', attempts: 1, nextAt: new Date(NOW.getTime() + 120_000).toISOString() });
    expect(waiting!.why).toContain('HubSpot asked to slow down (429)');
    await deps.outbox.flush();
    expect(hubspot.notes).toHaveLength(0);
    // The user's retry sends it now.
    await call('crm/retry', {}, { role: 'popup' });
    expect(hubspot.notes).toHaveLength(1);

    hubspot.next.push({ status: 400, json: { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR' } });
    await store.addAsk(ask({ id: 'a2', history: [{ status: 'sent', at: '2026-11-25T12:00:00.000Z' }] }));
    await deps.outbox.changed(['priya@lumen.example']);
    expect((await deps.outbox.entries()).find((e) => e.askId === 'a2')).toMatchObject({
      state: 'failed',
      why: 'HubSpot refused the note (400: Property values were not valid)',
    });

    hubspot.next.push({ status: 401, json: { status: 'error', message: 'The OAuth token used to make this call expired.' } });
    await store.addAsk(ask({ id: 'a3', history: [{ status: 'sent', at: '2026-11-25T13:00:00.000Z' }] }));
    await deps.outbox.changed(['priya@lumen.example']);
    const status = await call('crm/status', {}, { role: 'options' });
    expect(status.connection?.refused).toBe('HubSpot refused the token (401: The OAuth token used to make this call expired.): connect again in the settings.');
    await store.addAsk(ask({ id: 'a4', history: [{ status: 'sent', at: '2026-11-25T14:00:00.000Z' }] }));
    await deps.outbox.changed(['priya@lumen.example']);
    expect(hubspot.notes).toHaveLength(1);
  });

  it('a worker killed between request and answer: after the restart the note is found on the record, not written again', async () => {
    const hubspot = hubspotStandIn();
    const { store, deps } = await connected(hubspot);
    hubspot.faults.push('hang');
    await store.addAsk(ask());
    // The first worker sends and never hears back; it is gone.
    void deps.outbox.changed(['priya@lumen.example']);
    await vi.waitFor(() => expect(hubspot.notes).toHaveLength(1));
    expect((await deps.outbox.entries())[0]!.state).toBe('sending');
    // Before the request left, an alarm was set to wake a worker that dies: nothing runs at every start-up.
    expect(fakeBrowser.alarms.create).toHaveBeenCalledWith('crm-outbox', { when: NOW.getTime() + 60_000 });
    // A new worker on the same database.
    const restarted = new CrmOutbox(store, () => NOW, hubspot.fetch);
    await restarted.flush();
    expect(hubspot.notes).toHaveLength(1);
    expect((await restarted.entries())[0]).toMatchObject({ state: 'sent' });
    expect(hubspot.calls.filter((c) => c.startsWith('POST https://api.hubapi.com/crm/v3/objects/notes'))).toHaveLength(2); // the note, then the batch read
  });

  it('a dropped connection after the note was written: looked for before trying again, so still one note', async () => {
    const hubspot = hubspotStandIn();
    const { store, deps } = await connected(hubspot);
    hubspot.faults.push('drop');
    await store.addAsk(ask());
    await deps.outbox.changed(['priya@lumen.example']);
    expect((await deps.outbox.entries())[0]).toMatchObject({ state: 'sending' });
    await deps.outbox.retry();
    expect(hubspot.notes).toHaveLength(1);
    expect((await deps.outbox.entries())[0]).toMatchObject({ state: 'sent' });
  });

  it('Pipedrive: a note on the person the page showed, by its API token', async () => {
    const pipedrive = pipedriveStandIn();
    const { store, deps } = await connected(pipedrive, 'pipedrive', 'https://northwind.pipedrive.com/person/812');
    await store.addAsk(ask());
    await deps.outbox.changed(['priya@lumen.example']);
    expect(pipedrive.notes).toEqual([
      { id: 1, person_id: 812, content: 'Referral window: Alex Moreau asked Priya Raman for a referral on 2026-11-25.\n\n[pipedrive:a1:sent]' },
    ]);
  });

  it("a colleague's ask logged in the CRM counts: the sidebar says who asked and where it is logged, read once per cool-down", async () => {
    const hubspot = hubspotStandIn();
    // Dana Kim's extension logged her ask on Priya's record five days ago; and one of ours, which is not a colleague's.
    hubspot.notes.push({
      id: '700',
      contact: '51',
      body: 'Referral window: Dana Kim asked Priya Raman for a referral on 2026-11-20.\n\n[hubspot:other-ask:sent]',
      timestamp: '2026-11-20T09:00:00.000Z',
    });
    hubspot.notes.push({ id: '701', contact: '51', body: 'A call note that mentions a referral.', timestamp: '2026-11-21T09:00:00.000Z' });
    const { call, store, deps } = await connected(hubspot);
    await store.updateContact('priya@lumen.example', (c) => ({ ...c, company: 'Lumen Health', facts: { ...c.facts } }), NOW.toISOString());
    const page = recordPage();
    await call('page/context', page, { role: 'content' });
    await vi.waitFor(async () => {
      const view = await call('tab/view', { tabId: 7 }, { role: 'popup' });
      expect(view.state === 'contact' && view.evaluation.verdict.headline).toBe('Asked by Dana Kim on Nov 20, logged in HubSpot');
    });
    const view = await call('tab/view', { tabId: 7 }, { role: 'popup' });
    expect(view.state === 'contact' && view.evaluation.verdict.nextStep).toBe(
      'Dana Kim asked Priya Raman at Lumen Health: one ask per company within 90 days. Ask again from Feb 18, 2027.',
    );
    // The queue counts it too: Priya, in the window and a promoter, is not in "who to ask" now.
    const queued = async () => (await call('queue/list', {}, { role: 'popup' })).rows.map((r) => r.email);
    expect(await queued()).not.toContain('priya@lumen.example');
    await store.setValue('crmTeamAsks', {});
    await deps.queue.changed({ emails: 'all', settings: true });
    expect(await queued()).toContain('priya@lumen.example');
    await vi.waitFor(async () => expect(await store.value('crmTeamAsks')).toHaveProperty(['hubspot:51', 'by'], 'Dana Kim'));
    const reads = () => hubspot.calls.filter((c) => c.includes('/contacts/51/associations/notes')).length;
    const before = reads();
    // Opened again within the cool-down: not read again.
    await call('page/context', { ...page, composeCount: 1 }, { role: 'content' });
    await call('tab/view', { tabId: 7 }, { role: 'popup' });
    await call('queue/list', {}, { role: 'popup' });
    expect(reads()).toBe(before);
  });

  it("a colleague's ask to someone else at the company counts: read from the company's record, and our notes go there too", async () => {
    const hubspot = hubspotStandIn(['51', '52']);
    // Dana Kim asked Marco Ruiz (another contact at Lumen Health) last week; her note is on his record and the company's.
    hubspot.notes.push(danaAskedMarco('2026-11-18'));
    const { call, store } = await connected(hubspot);
    await store.updateContact('priya@lumen.example', (c) => ({ ...c, company: 'Lumen Health' }), NOW.toISOString());
    await call('page/context', recordPage(), { role: 'content' });
    await vi.waitFor(async () => {
      const view = await call('tab/view', { tabId: 7 }, { role: 'popup' });
      expect(view.state === 'contact' && view.evaluation.verdict.nextStep).toBe(
        'Dana Kim asked Marco Ruiz at Lumen Health: one ask per company within 90 days. Ask again from Feb 16, 2027.',
      );
    });
    expect(hubspot.calls).toContain('GET https://api.hubapi.com/crm/v4/objects/companies/9001/associations/notes');

    // Our own ask to Priya (a user asking anyway, or later): the note is on her record and on Lumen Health's.
    await store.addAsk(ask({ history: [{ status: 'sent', at: '2026-11-25T10:05:00.000Z' }] }));
    await vi.waitFor(() => expect(hubspot.notes).toHaveLength(2));
    expect(hubspot.notes[1]).toMatchObject({ contact: '51', company: '9001' });
  });

  it('a contact with several companies and none primary: no company is guessed, only their own record is read and written', async () => {
    const hubspot = hubspotStandIn(['51'], {
      '51': [
        { id: '9001', primary: false },
        { id: '9002', primary: false },
      ],
    });
    const { call, store, deps } = await connected(hubspot);
    await call('page/context', recordPage(), { role: 'content' });
    await call('tab/view', { tabId: 7 }, { role: 'popup' });
    await vi.waitFor(async () => expect(await store.value('crmTeamAsks')).toHaveProperty('hubspot:51'));
    expect(hubspot.calls.some((c) => c.includes('/companies/'))).toBe(false);
    await store.addAsk(ask());
    await deps.outbox.changed(['priya@lumen.example']);
    expect(hubspot.notes).toMatchObject([{ contact: '51', company: undefined }]);
  });

  it('the queue reads the first clients\' records, never opened in the sidebar: a colleague\'s ask keeps them out of "who to ask"', async () => {
    const hubspot = hubspotStandIn(['51']);
    hubspot.notes.push({
      id: '700',
      contact: '51',
      body: 'Referral window: Dana Kim asked Priya Raman for a referral on 2026-11-20.\n\n[hubspot:dana-ask:sent]',
      timestamp: '2026-11-20T09:00:00.000Z',
    });
    const { call, store } = await connected(hubspot);
    // Imported with her record's address; no page of hers was ever open.
    await store.updateContact('priya@lumen.example', (c) => ({ ...c, facts: factsInWindow }), NOW.toISOString());
    const queued = async () => (await call('queue/list', {}, { role: 'popup' })).rows.map((r) => r.email);
    expect(await queued()).toContain('priya@lumen.example');
    await vi.waitFor(async () => expect(await queued()).not.toContain('priya@lumen.example'));
    // Read once: the next opens of the popup within the cool-down make no request.
    const calls = hubspot.calls.length;
    await queued();
    await queued();
    expect(hubspot.calls.length).toBe(calls);
  });

  it('a burst of asks against the rate limit: nothing is sent before Retry-After, every note is written once', async () => {
    const hubspot = hubspotStandIn(['51']);
    const { store, deps } = await connected(hubspot);
    let now = NOW.getTime();
    hubspot.rate.clock = () => now;
    hubspot.rate.limit = 3;
    // This test's outbox, on a clock the test moves, is the only one sending.
    vi.spyOn(deps.outbox, 'changed').mockResolvedValue();
    const outbox = new CrmOutbox(store, () => new Date(now), hubspot.fetch);
    for (let i = 1; i <= 8; i++) await store.addAsk(ask({ id: `b${i}`, history: [{ status: 'sent', at: `2026-11-25T10:0${i}:00.000Z` }] }));
    // The alarm wakes the worker at the entry's `nextAt`: time jumps there, as the browser's alarm would.
    for (let round = 0; round < 20 && hubspot.notes.length < 9; round++) {
      await outbox.changed('all');
      const waits = (await outbox.entries()).filter((e) => e.state === 'waiting' && e.nextAt).map((e) => Date.parse(e.nextAt!));
      for (const e of await outbox.entries()) if (e.why) expect(e.why).toMatch(/^HubSpot asked to slow down \(429\): trying again at \d\d:\d\d UTC$/);
      if (round === 0) {
        // An ask added while the CRM said to wait: it waits too, no request leaves for it.
        const calls = hubspot.calls.length;
        await store.addAsk(ask({ id: 'b9', history: [{ status: 'sent', at: '2026-11-25T10:09:30.000Z' }] }));
        await outbox.changed(['priya@lumen.example']);
        expect(hubspot.calls.length).toBe(calls);
      }
      if (waits.length) now = Math.max(...waits);
    }
    expect(hubspot.notes.map((n) => n.body.match(/\[(.+)\]$/)?.[1]).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `hubspot:b${i}:sent`));
    // After each 429 the outbox waited as told: one refusal per window at most, not a request per entry.
    expect(hubspot.rate.refused.length).toBeLessThanOrEqual(3);
    expect(new Set(hubspot.rate.refused).size).toBe(hubspot.rate.refused.length);
    expect((await outbox.entries()).every((e) => e.state === 'sent')).toBe(true);
  });

  it('an ask recorded while a note is on its way is neither lost nor undoes the note (each change made on what the outbox holds then)', async () => {
    const hubspot = hubspotStandIn(['51']);
    const { store, deps } = await connected(hubspot);
    vi.spyOn(deps.outbox, 'changed').mockResolvedValue();
    // The CRM's answer to the first note waits until the test lets it come.
    let release!: () => void;
    const answered = new Promise<void>((done) => (release = done));
    let first = true;
    const outbox = new CrmOutbox(
      store,
      () => NOW,
      async (url, init) => {
        if (first && init.method === 'POST') {
          first = false;
          await answered;
        }
        return hubspot.fetch(url, init);
      },
    );
    // A slow disk: what a read outside a transaction found comes back 20 ms later, by when another
    // change may have been written.
    const read = store.value.bind(store);
    let readStarted = () => undefined as void;
    vi.spyOn(store, 'value').mockImplementation(async (key) => {
      const value = await read(key);
      if (key === 'crmOutbox' && !Dexie.currentTransaction) {
        readStarted();
        await new Promise((r) => setTimeout(r, 20));
      }
      return value;
    });
    await store.addAsk(ask({ id: 'c1', history: [{ status: 'sent', at: '2026-11-25T10:01:00.000Z' }] }));
    const sending = outbox.changed(['priya@lumen.example']);
    await vi.waitFor(() => expect(first).toBe(false));
    // c2 is recorded while c1's note waits for its answer; the answer comes as the outbox is read for c2.
    await store.addAsk(ask({ id: 'c2', history: [{ status: 'sent', at: '2026-11-25T10:02:00.000Z' }] }));
    // (Made in one transaction, the look at the outbox for c2 reads nothing outside one: 50 ms then.)
    const reading = Promise.race([new Promise<void>((done) => (readStarted = done)), new Promise((r) => setTimeout(r, 50))]);
    const adding = outbox.changed(['priya@lumen.example']);
    await reading;
    release();
    await Promise.all([sending, adding]);
    await outbox.flush();
    expect(hubspot.notes.map((n) => n.body.match(/\[(.+)\]$/)?.[1]).sort()).toEqual(['hubspot:c1:sent', 'hubspot:c2:sent']);
    expect((await outbox.entries()).map((e) => `${e.askId} ${e.state}`).sort()).toEqual(['c1 sent', 'c2 sent']);
  });

  it('a server error (503) waits 30 s and tries again, once written', async () => {
    const hubspot = hubspotStandIn(['51']);
    const { store, deps } = await connected(hubspot);
    let now = NOW.getTime();
    vi.spyOn(deps.outbox, 'changed').mockResolvedValue();
    const outbox = new CrmOutbox(store, () => new Date(now), hubspot.fetch);
    hubspot.next.push({ status: 503, json: { status: 'error', message: 'Service Unavailable' } });
    await store.addAsk(ask());
    await outbox.changed(['priya@lumen.example']);
    const [entry] = await outbox.entries();
    expect(entry).toMatchObject({
      state: 'waiting',
      nextAt: new Date(now + 30_000).toISOString(),
      why: 'HubSpot had an error (503): trying again at 10:00 UTC',
    });
    await outbox.flush();
    expect(hubspot.notes).toHaveLength(0);
    now += 30_000;
    await outbox.flush();
    expect(hubspot.notes).toHaveLength(1);
  });

  it("Pipedrive: a colleague's ask at the person's organization counts, and our note names the organization too", async () => {
    const pipedrive = pipedriveStandIn({ 812: 77 });
    pipedrive.notes.push({
      id: 50,
      person_id: 900,
      org_id: 77,
      content: 'Referral window: Sam Ortiz asked Marco Ruiz for a referral on 2026-11-10.\n\n[pipedrive:x:sent]',
    });
    const { call, store } = await connected(pipedrive, 'pipedrive', 'https://northwind.pipedrive.com/person/812');
    await store.updateContact('priya@lumen.example', (c) => ({ ...c, company: 'Lumen Health' }), NOW.toISOString());
    await call(
      'page/context',
      { ...recordPage(), host: 'pipedrive', hostLabel: 'Pipedrive', url: 'https://northwind.pipedrive.com/person/812' },
      { role: 'content' },
    );
    await vi.waitFor(async () => {
      const view = await call('tab/view', { tabId: 7 }, { role: 'popup' });
      expect(view.state === 'contact' && view.evaluation.verdict.headline).toBe('Asked by Sam Ortiz on Nov 10, logged in Pipedrive');
    });
    await store.addAsk(ask());
    await vi.waitFor(() => expect(pipedrive.notes).toHaveLength(2));
    expect(pipedrive.notes[1]).toMatchObject({ person_id: 812, org_id: 77 });
  });

  it('a Disconnect made while a note awaits its answer stays: a 429 or 401 after it writes no token back; what was read goes too', async () => {
    const hubspot = hubspotStandIn(['51']);
    const { store, deps, call } = await connected(hubspot);
    // This test's outbox, whose answers it holds, is the only one sending.
    vi.spyOn(deps.outbox, 'changed').mockResolvedValue();
    // Her record read once: a colleague's ask is known.
    await store.setValue('crmTeamAsks', { 'hubspot:51': { fetchedAt: NOW.toISOString(), by: 'Dana Kim', on: '2026-11-20' } });
    for (const answer of [
      { status: 429, headers: { 'retry-after': '60' }, json: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.' } },
      { status: 401, json: { status: 'error', message: 'The OAuth token used to make this call expired.' } },
    ]) {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const slow = new CrmOutbox(
        store,
        () => NOW,
        async (url, init) => {
          await held;
          return answer.status
            ? {
                status: answer.status,
                headers: { get: (n: string) => (answer as { headers?: Record<string, string> }).headers?.[n] ?? null },
                json: async () => answer.json,
              }
            : hubspot.fetch(url, init);
        },
      );
      await store.addAsk(ask({ id: `d-${answer.status}`, history: [{ status: 'sent', at: '2026-11-25T10:05:00.000Z' }] }));
      const sending = slow.changed([`priya@lumen.example`]);
      await vi.waitFor(async () => expect((await slow.entries()).some((e) => e.askId === `d-${answer.status}` && e.state === 'sending')).toBe(true));
      await call('crm/disconnect', {}, { role: 'options' });
      release();
      await sending;
      expect(await store.value('crmApi')).toBeNull();
      expect(JSON.stringify(await store.exportAll(NOW.toISOString()))).not.toContain(HUBSPOT_TOKEN);
      expect(await store.value('crmTeamAsks')).toEqual({});
      // Connected again for the next answer.
      granted.push('https://api.hubapi.com/*');
      await call('crm/connect', { crm: 'hubspot', token: HUBSPOT_TOKEN }, { role: 'options' });
    }
  });

  it('the one request the extension makes goes only to a CRM API origin, without cookies or referrer', async () => {
    const { store } = setup();
    const outbox = new CrmOutbox(store, () => NOW);
    const sent: Array<[string, RequestInit | undefined]> = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => (sent.push([url, init]), new Response('{}')));
    try {
      await expect(outbox.fetcher('https://crm.example.com/collect', { method: 'GET', headers: {} })).rejects.toThrow('not a CRM API');
      await expect(outbox.fetcher('https://api.hubapi.com.evil.example/x', { method: 'GET', headers: {} })).rejects.toThrow('not a CRM API');
      await outbox.fetcher('https://api.pipedrive.com/v1/users/me', { method: 'GET', headers: {} });
      expect(sent).toEqual([['https://api.pipedrive.com/v1/users/me', { method: 'GET', headers: {}, credentials: 'omit', referrerPolicy: 'no-referrer' }]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
