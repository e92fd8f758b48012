/**
 * The outbox's entries (issue 34), and how a note already written is found again on its record:
 * by the key written into its last line. Kept in the database's kv store, never in a backup.
 */
import { z } from 'zod';
import { API_CRMS, API_ORIGINS, LOGGED_STAGES, type ApiCrm, type ApiRequest, type CrmConnection } from './api';

export const OutboxEntry = z.object({
  /** `crm:askId:stage`: one note per stage of an ask, ever. */
  key: z.string().max(200),
  crm: z.enum(API_CRMS),
  email: z.string().max(320),
  askId: z.string().max(100),
  stage: z.enum(Object.keys(LOGGED_STAGES) as [keyof typeof LOGGED_STAGES, ...Array<keyof typeof LOGGED_STAGES>]),
  /** When the stage happened (the note's time on the record). */
  at: z.string(),
  recordId: z.string().max(40).optional(),
  /** waiting: to send (at `nextAt`); sending: its request left; no-record: the contact's record is not known yet. */
  state: z.enum(['waiting', 'sending', 'sent', 'failed', 'no-record']),
  attempts: z.number().int().min(0),
  nextAt: z.string().optional(),
  sentAt: z.string().optional(),
  /** Why it waits or failed, in words. */
  why: z.string().max(500).optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

const auth = (c: Pick<CrmConnection, 'crm' | 'token'>): Record<string, string> =>
  c.crm === 'hubspot' ? { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json' } : { 'x-api-token': c.token };

/** The records a note is on: a contact (HubSpot) or person (Pipedrive), or their company (organization). */
export type RecordKind = 'contact' | 'company';

/**
 * The reads that list a record's notes, each built from the answers before it (HubSpot: the
 * record's associated notes, then their bodies; Pipedrive: the person's or organization's notes).
 * None: stop.
 */
export function findNoteRequests(
  c: Pick<CrmConnection, 'crm' | 'token'>,
  recordId: string,
  kind: RecordKind = 'contact',
): Array<(answers: unknown[]) => ApiRequest | undefined> {
  const id = encodeURIComponent(recordId);
  if (c.crm === 'pipedrive') {
    const by = kind === 'contact' ? 'person_id' : 'org_id';
    return [() => ({ url: `${API_ORIGINS.pipedrive}/v1/notes?${by}=${id}&limit=100`, init: { method: 'GET', headers: auth(c) } })];
  }
  return [
    () => ({
      url: `${API_ORIGINS.hubspot}/crm/v4/objects/${kind === 'contact' ? 'contacts' : 'companies'}/${id}/associations/notes`,
      init: { method: 'GET', headers: auth(c) },
    }),
    (answers) => {
      const ids = ((answers[0] as { results?: Array<{ toObjectId?: unknown }> })?.results ?? []).map((r) => String(r.toObjectId)).slice(-100);
      if (!ids.length) return undefined;
      return {
        url: `${API_ORIGINS.hubspot}/crm/v3/objects/notes/batch/read`,
        init: { method: 'POST', headers: auth(c), body: JSON.stringify({ inputs: ids.map((id) => ({ id })), properties: ['hs_note_body'] }) },
      };
    },
  ];
}

/** The read that names a contact's company (HubSpot: its associated companies; Pipedrive: the person, whose `org_id` says). */
export function companyRequest(c: Pick<CrmConnection, 'crm' | 'token'>, recordId: string): ApiRequest {
  const id = encodeURIComponent(recordId);
  return c.crm === 'pipedrive'
    ? { url: `${API_ORIGINS.pipedrive}/v1/persons/${id}`, init: { method: 'GET', headers: auth(c) } }
    : { url: `${API_ORIGINS.hubspot}/crm/v4/objects/contacts/${id}/associations/companies`, init: { method: 'GET', headers: auth(c) } };
}

/** The company `companyRequest`'s answer names: HubSpot's primary company (else the only one), Pipedrive's organization. */
export function companyIdIn(crm: ApiCrm, answer: unknown): string | undefined {
  if (crm === 'pipedrive') {
    const org = (answer as { data?: { org_id?: unknown } | null })?.data?.org_id;
    const id = org && typeof org === 'object' ? (org as { value?: unknown }).value : org;
    return typeof id === 'number' && Number.isInteger(id) && id > 0 ? String(id) : undefined;
  }
  type Link = { toObjectId?: unknown; associationTypes?: Array<{ typeId?: unknown; label?: unknown }> };
  const links = ((answer as { results?: Link[] })?.results ?? []).filter((l) => /^\d{1,20}$/.test(String(l.toObjectId)));
  // Type 1 is "Primary" (contact to company); a contact with several companies and none primary: none is guessed.
  const primary = links.find((l) => l.associationTypes?.some((t) => t.typeId === 1 || t.label === 'Primary'));
  const one = primary ?? (links.length === 1 ? links[0] : undefined);
  return one ? String(one.toObjectId) : undefined;
}

/** The note bodies the answers of `findNoteRequests` hold. */
export function noteBodies(crm: ApiCrm, answers: unknown[]): string[] {
  const bodies =
    crm === 'pipedrive'
      ? ((answers[0] as { data?: Array<{ content?: unknown }> | null })?.data ?? []).map((n) => n.content)
      : ((answers[1] as { results?: Array<{ properties?: { hs_note_body?: unknown } }> })?.results ?? []).map((n) => n.properties?.hs_note_body);
  return bodies.filter((b): b is string => typeof b === 'string');
}

/** What the connected CRM said of a record's asks, kept per record (never in a backup). */
export const TeamAsks = z.record(
  z.string().max(40),
  z.object({
    fetchedAt: z.string(),
    /** The ask newest on the record or its company: who asked, the day, and whom (a colleague at the company, or the contact). */
    by: z.string().max(120).optional(),
    on: z.string().max(10).optional(),
    who: z.string().max(200).optional(),
    /** The record's company (HubSpot company, Pipedrive organization), when the CRM names one: notes go there too. */
    companyId: z.string().max(40).optional(),
  }),
);
export type TeamAsks = z.infer<typeof TeamAsks>;
