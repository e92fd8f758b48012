/**
 * The CRMs' APIs as their public documentation describes them (issue 34), written once and served
 * by every suite: the unit tests through the outbox's fetch, Chromium through Playwright's request
 * routing, Firefox through the harness's proxy. No test reaches a real CRM.
 *
 * HubSpot (developers.hubspot.com, notes and associations v4): Bearer tokens; `POST
 * /crm/v3/objects/notes` needs `properties.hs_timestamp` and associations to existing records (type
 * 202 note to contact, 190 note to company); a record's notes are listed by `GET
 * /crm/v4/objects/{contacts|companies}/{id}/associations/notes` and read by `POST
 * /crm/v3/objects/notes/batch/read`; a contact's companies by `GET
 * /crm/v4/objects/contacts/{id}/associations/companies` (association type 1 is "Primary"); a
 * private app's ten-second rolling limit answers 429 with `Retry-After`.
 *
 * Pipedrive (developers.pipedrive.com, v1): the `x-api-token` header (or `api_token` query);
 * `POST /v1/notes` {content, person_id, org_id}; `GET /v1/notes?person_id=` or `?org_id=`; `GET
 * /v1/persons/{id}` whose `org_id` is an object with `value`; `GET /v1/users/me`.
 */

/** A request as a stand-in sees it; header names in lower case. */
export interface ApiCall {
  method: string;
  url: string;
  headers: Record<string, string | undefined>;
  body?: string;
}
export interface ApiReply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

export const HUBSPOT_TOKEN = 'pat-eu1-11111111-2222';
export const PIPEDRIVE_TOKEN = 'pd-token-123456';

export interface HubspotNote {
  id: string;
  contact: string;
  company?: string;
  body: string;
  timestamp: string;
}

/**
 * A teammate's ask logged by her own extension: Dana Kim asked Marco Ruiz (contact 52), Priya's
 * colleague at Lumen Health (company 9001), on `on` (YYYY-MM-DD); on his record and the company's.
 */
export const danaAskedMarco = (on: string): HubspotNote => ({
  id: '700',
  contact: '52',
  company: '9001',
  body: `Referral window: Dana Kim asked Marco Ruiz for a referral on ${on}.\n\n[hubspot:dana-ask:sent]`,
  timestamp: `${on}T09:00:00.000Z`,
});

/**
 * A HubSpot portal holding `contacts` (ids) and, per contact, its companies. `next` answers once in
 * place of the documented answer (a 429, a 401, an outage); `rate.limit` requests per ten seconds
 * by `rate.clock` before 429 with Retry-After (`rate.refused` says when).
 */
export function hubspotApi(
  contacts: string[] = ['51'],
  companiesOf: Record<string, Array<{ id: string; primary: boolean }>> = { '51': [{ id: '9001', primary: true }] },
  token = HUBSPOT_TOKEN,
) {
  const notes: HubspotNote[] = [];
  const calls: string[] = [];
  const next: ApiReply[] = [];
  const rate = { limit: Infinity, clock: () => Date.now(), window: [] as number[], refused: [] as number[] };
  const companies = () => new Set(Object.values(companiesOf).flatMap((list) => list.map((c) => c.id)));
  const error = (status: number, message: string, category: string): ApiReply => ({ status, json: { status: 'error', message, category } });

  const handle = (call: ApiCall): ApiReply => {
    calls.push(`${call.method} ${call.url}`);
    if (call.headers.authorization !== `Bearer ${token}`) return error(401, 'Authentication credentials not found.', 'INVALID_AUTHENTICATION');
    const at = rate.clock();
    rate.window = rate.window.filter((t) => t > at - 10_000);
    if (rate.window.length >= rate.limit) {
      rate.refused.push(at);
      return {
        status: 429,
        headers: { 'retry-after': String(Math.ceil((rate.window[0]! + 10_000 - at) / 1000)) },
        json: { status: 'error', message: 'You have reached your ten_secondly_rolling limit.', policyName: 'TEN_SECONDLY_ROLLING' },
      };
    }
    rate.window.push(at);
    const scripted = next.shift();
    if (scripted) return scripted;
    const u = new URL(call.url);
    if (u.pathname === '/crm/v3/objects/notes' && call.method === 'POST') {
      const body = JSON.parse(call.body ?? '{}');
      const [to, company, ...more] = body.associations ?? [];
      if (!body.properties?.hs_timestamp) return error(400, 'Property values were not valid: hs_timestamp is required', 'VALIDATION_ERROR');
      if (to?.types?.[0]?.associationTypeId !== 202 || !contacts.includes(to.to.id)) return error(400, `No contact with id ${to?.to?.id}`, 'VALIDATION_ERROR');
      if (more.length || (company && (company.types?.[0]?.associationTypeId !== 190 || !companies().has(company.to.id))))
        return error(400, 'Invalid association', 'VALIDATION_ERROR');
      notes.push({
        id: String(900 + notes.length),
        contact: to.to.id,
        company: company?.to.id,
        body: body.properties.hs_note_body,
        timestamp: body.properties.hs_timestamp,
      });
      return { status: 201, json: { id: notes.at(-1)!.id, properties: body.properties } };
    }
    const listed = /^\/crm\/v4\/objects\/(contacts|companies)\/(\d+)\/associations\/notes$/.exec(u.pathname);
    if (listed && call.method === 'GET') {
      const on = (n: HubspotNote) => (listed[1] === 'contacts' ? n.contact : n.company) === listed[2];
      return { status: 200, json: { results: notes.filter(on).map((n) => ({ toObjectId: Number(n.id), associationTypes: [] })) } };
    }
    const companiesRead = /^\/crm\/v4\/objects\/contacts\/(\d+)\/associations\/companies$/.exec(u.pathname);
    if (companiesRead && call.method === 'GET') {
      const results = (companiesOf[companiesRead[1]!] ?? []).map((c) => ({
        toObjectId: Number(c.id),
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: 279, label: null },
          ...(c.primary ? [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }] : []),
        ],
      }));
      return { status: 200, json: { results } };
    }
    if (u.pathname === '/crm/v3/objects/notes/batch/read' && call.method === 'POST') {
      const ids: string[] = JSON.parse(call.body ?? '{}').inputs.map((i: { id: string }) => i.id);
      return {
        status: 200,
        json: { status: 'COMPLETE', results: notes.filter((n) => ids.includes(n.id)).map((n) => ({ id: n.id, properties: { hs_note_body: n.body } })) },
      };
    }
    if (u.pathname === '/crm/v3/objects/contacts' && call.method === 'GET')
      return { status: 200, json: { results: contacts.slice(0, 1).map((id) => ({ id })) } };
    return { status: 404, json: { message: 'Not found' } };
  };
  return { handle, notes, calls, next, rate };
}

export interface PipedriveNote {
  id: number;
  person_id: number;
  org_id?: number;
  content: string;
}

/** A Pipedrive company account: persons and their organizations (`orgOf`). */
export function pipedriveApi(orgOf: Record<number, number> = { 812: 77 }, token = PIPEDRIVE_TOKEN) {
  const notes: PipedriveNote[] = [];
  const calls: string[] = [];
  const handle = (call: ApiCall): ApiReply => {
    calls.push(`${call.method} ${call.url}`);
    const u = new URL(call.url);
    const given = call.headers['x-api-token'] ?? u.searchParams.get('api_token');
    if (given !== token) return { status: 401, json: { success: false, error: 'unauthorized access', errorCode: 401 } };
    if (u.pathname === '/v1/users/me') return { status: 200, json: { success: true, data: { id: 1, name: 'Alex Moreau' } } };
    if (u.pathname === '/v1/notes' && call.method === 'POST') {
      const body = JSON.parse(call.body ?? '{}');
      if (!body.content || !Number.isInteger(body.person_id)) return { status: 400, json: { success: false, error: 'content is required' } };
      notes.push({ id: notes.length + 1, person_id: body.person_id, ...(body.org_id ? { org_id: body.org_id } : {}), content: body.content });
      return { status: 201, json: { success: true, data: notes.at(-1) } };
    }
    if (u.pathname === '/v1/notes' && call.method === 'GET') {
      const person = u.searchParams.get('person_id');
      const org = u.searchParams.get('org_id');
      return { status: 200, json: { success: true, data: notes.filter((n) => (person ? n.person_id === Number(person) : n.org_id === Number(org))) } };
    }
    const person = /^\/v1\/persons\/(\d+)$/.exec(u.pathname);
    if (person) {
      const org = orgOf[Number(person[1])];
      return {
        status: 200,
        json: { success: true, data: { id: Number(person[1]), name: 'Priya Raman', org_id: org ? { name: 'Lumen Health', value: org } : null } },
      };
    }
    return { status: 404, json: { success: false, error: 'not found' } };
  };
  return { handle, notes, calls };
}

/** Header names in lower case, as HTTP has them. */
export const lowerCased = (headers: Record<string, string | undefined>): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
