/**
 * Logging through the CRM's API (issue 34, tier 2), one CRM at a time, only when the user connects
 * it: HubSpot (a private-app or service-key token with the contacts scopes) or Pipedrive (the
 * personal API token). Plain requests and answers here; the background sends them
 * (`entrypoints/background/crm-outbox.ts`), never a page or a content script.
 *
 * HubSpot, from its notes guide: `POST /crm/v3/objects/notes` with `properties.hs_timestamp`
 * (required) and `hs_note_body` (at most 65,536 characters), associated to the contact by
 * association type 202 (note to contact, HUBSPOT_DEFINED); a token is checked with one read of
 * `GET /crm/v3/objects/contacts?limit=1`. Pipedrive: `POST /v1/notes` with `content` and
 * `person_id`; a token is checked with `GET /v1/users/me`. Both answer 401 to a refused token and
 * 429 when the rate limit is hit (HubSpot with `Retry-After`).
 */
import { z } from 'zod';
import type { ColleagueAsk } from '../engine';

export const API_CRMS = ['hubspot', 'pipedrive'] as const;
export type ApiCrm = (typeof API_CRMS)[number];

export const API_ORIGINS: Record<ApiCrm, string> = {
  hubspot: 'https://api.hubapi.com',
  pipedrive: 'https://api.pipedrive.com',
};

export const API_LABELS: Record<ApiCrm, string> = { hubspot: 'HubSpot', pipedrive: 'Pipedrive' };

/** The connection the user made: kept in the database, never in a backup, never sent to a page. */
export const CrmConnection = z.object({
  crm: z.enum(API_CRMS),
  token: z.string().min(8).max(500),
  connectedAt: z.string(),
  /** Whether a note carries the ask's text (the user ticks it; off by default). */
  withText: z.boolean().default(false),
  /** Set when the CRM refused the token: nothing is sent until the user connects again. */
  refused: z.string().max(500).optional(),
  /** Set when the CRM asked to slow down (429) or failed (5xx): no note is sent before this instant, whichever note it is. */
  heldUntil: z.string().optional(),
});
export type CrmConnection = z.infer<typeof CrmConnection>;

/** The stages of an ask that are logged, as the note names them (`by` asked `who`). */
export const LOGGED_STAGES = {
  sent: (by: string, who: string) => `${by} asked ${who} for a referral`,
  accepted: (by: string, who: string) => `${who} said OK to ${by}'s referral ask`,
  introduced: (by: string, who: string) => `${who} made the intro ${by} asked for`,
  converted: (by: string, who: string) => `${who}'s referral converted (asked by ${by})`,
  declined: (by: string, who: string) => `${who} declined ${by}'s referral ask`,
} as const;
export type LoggedStage = keyof typeof LOGGED_STAGES;

/** A stage in a few words, for lists ("asked", "said OK"). */
export const STAGE_WORDS: Record<LoggedStage, string> = {
  sent: 'asked',
  accepted: 'said OK',
  introduced: 'intro made',
  converted: 'converted',
  declined: 'declined',
};

/** The fixed line every note this extension writes starts with: colleagues' notes are found by it. */
export const NOTE_MARKER = 'Referral window:';

/** The record a CRM page address names (the only way a record is known: never a search). */
export function recordIdIn(crm: ApiCrm, url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m =
    crm === 'hubspot'
      ? /^https:\/\/app(?:-[a-z0-9]+)?\.hubspot\.com\/contacts\/\d+\/(?:record\/0-1|contact)\/(\d+)(?:[/?#]|$)/.exec(url)
      : /^https:\/\/[a-z0-9-]+\.pipedrive\.com\/person\/(\d+)(?:[/?#]|$)/.exec(url);
  return m?.[1];
}

/**
 * The note's text: the marker, who asked whom, the stage, when, and (ticked) the ask's text; its key
 * last, to find it again. Colleagues' extensions read "asked … for a referral … on …" back.
 */
export function noteText(input: { stage: LoggedStage; at: string; by: string; who: string; referral?: string; text?: string; key: string }): string {
  const what = LOGGED_STAGES[input.stage](input.by, input.who);
  const lines = [`${NOTE_MARKER} ${what}${input.referral ? ` (${input.referral})` : ''} on ${input.at.slice(0, 10)}.`];
  if (input.text) lines.push('', input.text.slice(0, 4_000));
  lines.push('', `[${input.key}]`);
  return lines.join('\n');
}

export interface ApiRequest {
  url: string;
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string };
}

const json = (token: string, crm: ApiCrm): Record<string, string> =>
  crm === 'hubspot' ? { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } : { 'x-api-token': token, 'Content-Type': 'application/json' };

/** The one harmless read that says whether a token works. */
export function checkRequest(c: Pick<CrmConnection, 'crm' | 'token'>): ApiRequest {
  const path = c.crm === 'hubspot' ? '/crm/v3/objects/contacts?limit=1' : '/v1/users/me';
  return { url: `${API_ORIGINS[c.crm]}${path}`, init: { method: 'GET', headers: json(c.token, c.crm) } };
}

/**
 * The note on the record, as each API documents it; on the record's company too when it is known
 * (HubSpot association type 190, Pipedrive `org_id`), so colleagues asking someone else there see it.
 */
export function noteRequest(c: Pick<CrmConnection, 'crm' | 'token'>, recordId: string, body: string, at: string, companyId?: string): ApiRequest {
  if (c.crm === 'hubspot') {
    return {
      url: `${API_ORIGINS.hubspot}/crm/v3/objects/notes`,
      init: {
        method: 'POST',
        headers: json(c.token, 'hubspot'),
        body: JSON.stringify({
          properties: { hs_timestamp: at, hs_note_body: body.slice(0, 65_536) },
          associations: [
            { to: { id: recordId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] },
            ...(companyId ? [{ to: { id: companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 190 }] }] : []),
          ],
        }),
      },
    };
  }
  return {
    url: `${API_ORIGINS.pipedrive}/v1/notes`,
    init: {
      method: 'POST',
      headers: json(c.token, 'pipedrive'),
      body: JSON.stringify({ content: body, person_id: Number(recordId), ...(companyId ? { org_id: Number(companyId) } : {}) }),
    },
  };
}

/** What an answer means for the outbox: done, try again later, or stop and say why. */
export type Answer = { ok: true } | { ok: false; retryInMs: number; why: string } | { ok: false; stop: 'token' | 'refused'; why: string };

export function readAnswer(crm: ApiCrm, status: number, retryAfter: string | null, body: unknown): Answer {
  if (status >= 200 && status < 300) return { ok: true };
  const message = messageOf(body);
  if (status === 401 || status === 403) {
    return {
      ok: false,
      stop: 'token',
      why: `${API_LABELS[crm]} refused the token (${status}${message ? `: ${message}` : ''}): connect again in the settings.`,
    };
  }
  if (status === 429) {
    const seconds = Number(retryAfter);
    return { ok: false, retryInMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000, why: `${API_LABELS[crm]} asked to slow down (429)` };
  }
  if (status >= 500) return { ok: false, retryInMs: 0, why: `${API_LABELS[crm]} had an error (${status})` };
  return { ok: false, stop: 'refused', why: `${API_LABELS[crm]} refused the note (${status}${message ? `: ${message}` : ''})` };
}

function messageOf(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const b = body as { message?: unknown; error?: unknown };
  const text = typeof b.message === 'string' ? b.message : typeof b.error === 'string' ? b.error : '';
  return text.slice(0, 300);
}

/** The wait before try `attempt` (1, 2, …): the CRM's own Retry-After when it gave one, else doubling from 30 s, at most an hour. */
export function backoffMs(attempt: number, asked = 0): number {
  return Math.max(asked, Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1)));
}

/** An ask a note records: who asked whom, and the day. */
export interface NotedAsk {
  by: string;
  who: string;
  on: string;
  key?: string;
}

const ASKED = new RegExp(`^${NOTE_MARKER} (.{1,120}?) asked (.{1,200}?) for a referral(?: \\(.{0,200}\\))? on (\\d{4}-\\d{2}-\\d{2})\\.`, 'm');

/** The ask a note body records, when it is one of ours ("Referral window: Dana Kim asked Priya Raman for a referral on 2026-11-20."). */
export function askInNote(body: string): NotedAsk | undefined {
  const m = ASKED.exec(body);
  if (!m) return undefined;
  const key = /\[([a-z]+:[^\]\s]{1,100}:sent)\]\s*$/.exec(body)?.[1];
  return { by: m[1]!, who: m[2]!, on: m[3]!, ...(key ? { key } : {}) };
}

/**
 * A teammate's ask read from the CRM, as the one-ask-per-company rule counts it (sidebar and queue
 * alike): of this contact, or (read from their company's record) of someone else there, by name.
 */
export function colleagueAskFrom(
  contact: { email: string; name: string; company: string },
  ask: { by: string; on: string; who?: string },
  via: string,
): ColleagueAsk {
  const same = !ask.who || ask.who === contact.name || ask.who === contact.email;
  return {
    email: same ? contact.email : '',
    name: same ? contact.name : ask.who!,
    company: contact.company,
    askedAt: `${ask.on}T12:00:00.000Z`,
    by: ask.by,
    via,
  };
}

/** The newer of two asks to a colleague (either may be missing). */
export const newerAsk = (a: ColleagueAsk | undefined, b: ColleagueAsk | undefined): ColleagueAsk | undefined => (a && (!b || a.askedAt > b.askedAt) ? a : b);
