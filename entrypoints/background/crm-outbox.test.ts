/**
 * Logging through the CRM's API (issue 34, tier 2), against stand-ins written from the public API
 * documentation (HubSpot's notes and associations, Pipedrive's notes): what is sent, once, to the
 * record the user's page showed; 429 with Retry-After, a revoked token, a refused note, and a
 * worker that died between request and answer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Ask } from '@/lib/model';
import { NOW, setup, useStandIn } from './handlers/testing';
import { CrmOutbox, type Fetch } from './crm-outbox';

const HUBSPOT_TOKEN = 'pat-eu1-11111111-2222';
const RECORD = 'https://app.hubspot.com/contacts/2456789/record/0-1/51';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * HubSpot as its documentation describes it: Bearer tokens, `POST /crm/v3/objects/notes` needing
 * `hs_timestamp` and an association of type 202 to an existing contact, the contact's notes listed
 * by `GET /crm/v4/objects/contacts/{id}/associations/notes` and read by `POST …/notes/batch/read`.
 * `next` replies once in place of the documented answer (a 429, a 401, an outage).
 */
function hubspotStandIn(contacts = ['51']) {
  const notes: Array<{ id: string; contact: string; body: string; timestamp: string }> = [];
  const calls: string[] = [];
  const next: Array<Reply | 'hang' | 'drop'> = [];
  const fetch: Fetch = async (url, init) => {
    calls.push(`${init.method} ${url}`);
    const reply = (r: Reply) => ({ status: r.status, headers: { get: (n: string) => r.headers?.[n.toLowerCase()] ?? null }, json: async () => r.body });
    if (init.headers.Authorization !== `Bearer ${HUBSPOT_TOKEN}`)
      return reply({ status: 401, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } });
    const scripted = next.shift();
    const u = new URL(url);
    if (u.pathname === '/crm/v3/objects/notes' && init.method === 'POST') {
      if (scripted && scripted !== 'hang' && scripted !== 'drop') return reply(scripted);
      const body = JSON.parse(init.body!);
      const to = body.associations?.[0];
      if (!body.properties?.hs_timestamp)
        return reply({
          status: 400,
          body: { status: 'error', message: 'Property values were not valid: hs_timestamp is required', category: 'VALIDATION_ERROR' },
        });
      if (to?.types?.[0]?.associationTypeId !== 202 || !contacts.includes(to.to.id))
        return reply({ status: 400, body: { status: 'error', message: `No contact with id ${to?.to?.id}`, category: 'VALIDATION_ERROR' } });
      notes.push({ id: String(900 + notes.length), contact: to.to.id, body: body.properties.hs_note_body, timestamp: body.properties.hs_timestamp });
      // The note is written, and the answer never comes (the worker dies) or the connection drops.
      if (scripted === 'hang') return new Promise(() => undefined);
      if (scripted === 'drop') throw new TypeError('Failed to fetch');
      return reply({ status: 201, body: { id: notes.at(-1)!.id, properties: body.properties } });
    }
    const associations = /^\/crm\/v4\/objects\/contacts\/(\d+)\/associations\/notes$/.exec(u.pathname);
    if (associations && init.method === 'GET') {
      return reply({
        status: 200,
        body: { results: notes.filter((n) => n.contact === associations[1]).map((n) => ({ toObjectId: Number(n.id), associationTypes: [] })) },
      });
    }
    if (u.pathname === '/crm/v3/objects/notes/batch/read' && init.method === 'POST') {
      const ids: string[] = JSON.parse(init.body!).inputs.map((i: { id: string }) => i.id);
      return reply({
        status: 200,
        body: { status: 'COMPLETE', results: notes.filter((n) => ids.includes(n.id)).map((n) => ({ id: n.id, properties: { hs_note_body: n.body } })) },
      });
    }
    if (u.pathname === '/crm/v3/objects/contacts' && init.method === 'GET') return reply({ status: 200, body: { results: [{ id: '51' }] } });
    return reply({ status: 404, body: { message: 'Not found' } });
  };
  return { fetch, notes, calls, next };
}

/** Pipedrive as documented: `x-api-token`, `POST /v1/notes` {content, person_id}, `GET /v1/notes?person_id=`, `GET /v1/users/me`. */
function pipedriveStandIn() {
  const notes: Array<{ id: number; person_id: number; content: string }> = [];
  const fetch: Fetch = async (url, init) => {
    const reply = (status: number, body: unknown) => ({ status, headers: { get: () => null }, json: async () => body });
    if (init.headers['x-api-token'] !== 'pd-token-123456') return reply(401, { success: false, error: 'unauthorized access', errorCode: 401 });
    const u = new URL(url);
    if (u.pathname === '/v1/users/me') return reply(200, { success: true, data: { id: 1, name: 'Alex Moreau' } });
    if (u.pathname === '/v1/notes' && init.method === 'POST') {
      const body = JSON.parse(init.body!);
      if (!body.content || !Number.isInteger(body.person_id)) return reply(400, { success: false, error: 'content is required' });
      notes.push({ id: notes.length + 1, person_id: body.person_id, content: body.content });
      return reply(201, { success: true, data: notes.at(-1) });
    }
    if (u.pathname === '/v1/notes' && init.method === 'GET') {
      return reply(200, { success: true, data: notes.filter((n) => n.person_id === Number(u.searchParams.get('person_id'))) });
    }
    return reply(404, { success: false, error: 'not found' });
  };
  return { fetch, notes };
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
  await ctx.call('crm/connect', { crm, token: crm === 'hubspot' ? HUBSPOT_TOKEN : 'pd-token-123456' }, { role: 'options' });
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
      body: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.' },
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

    hubspot.next.push({ status: 400, body: { status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR' } });
    await store.addAsk(ask({ id: 'a2', history: [{ status: 'sent', at: '2026-11-25T12:00:00.000Z' }] }));
    await deps.outbox.changed(['priya@lumen.example']);
    expect((await deps.outbox.entries()).find((e) => e.askId === 'a2')).toMatchObject({
      state: 'failed',
      why: 'HubSpot refused the note (400: Property values were not valid)',
    });

    hubspot.next.push({ status: 401, body: { status: 'error', message: 'The OAuth token used to make this call expired.' } });
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
    hubspot.next.push('hang');
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
    hubspot.next.push('drop');
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
    const page = {
      host: 'hubspot' as const,
      hostLabel: 'HubSpot',
      url: RECORD,
      people: [{ email: 'priya@lumen.example', name: 'Priya Raman', seen: 'record' as const }],
      shown: { values: { customerSince: '2026-07-20', nps: '10' } },
      composeCount: 0,
      missing: [],
    };
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
    await store.setValue('crmTeamAsks', { 'hubspot:51': { fetchedAt: NOW.toISOString(), by: 'Dana Kim', on: '2026-11-20' } });
    const reads = hubspot.calls.filter((c) => c.includes('/associations/notes')).length;
    expect(reads).toBe(1);
    // Opened again within the cool-down: not read again.
    await call('page/context', { ...page, composeCount: 1 }, { role: 'content' });
    await call('tab/view', { tabId: 7 }, { role: 'popup' });
    expect(hubspot.calls.filter((c) => c.includes('/associations/notes')).length).toBe(1);
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
