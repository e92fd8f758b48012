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

/**
 * The reads that list a record's notes, each built from the answers before it (HubSpot: the
 * contact's associated notes, then their bodies; Pipedrive: the person's notes). None: stop.
 */
export function findNoteRequests(c: Pick<CrmConnection, 'crm' | 'token'>, recordId: string): Array<(answers: unknown[]) => ApiRequest | undefined> {
  if (c.crm === 'pipedrive') {
    return [
      () => ({ url: `${API_ORIGINS.pipedrive}/v1/notes?person_id=${encodeURIComponent(recordId)}&limit=100`, init: { method: 'GET', headers: auth(c) } }),
    ];
  }
  return [
    () => ({
      url: `${API_ORIGINS.hubspot}/crm/v4/objects/contacts/${encodeURIComponent(recordId)}/associations/notes`,
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

/** The note bodies the answers of `findNoteRequests` hold. */
export function noteBodies(crm: ApiCrm, answers: unknown[]): string[] {
  const bodies =
    crm === 'pipedrive'
      ? ((answers[0] as { data?: Array<{ content?: unknown }> | null })?.data ?? []).map((n) => n.content)
      : ((answers[1] as { results?: Array<{ properties?: { hs_note_body?: unknown } }> })?.results ?? []).map((n) => n.properties?.hs_note_body);
  return bodies.filter((b): b is string => typeof b === 'string');
}

/** Whether the answers of `findNoteRequests` hold a note carrying `key`. */
export function notesHoldKey(crm: ApiCrm, answers: unknown[], key: string): boolean {
  return noteBodies(crm, answers).some((b) => b.includes(`[${key}]`));
}

/** What the connected CRM said of a record's asks, kept per record (never in a backup). */
export const TeamAsks = z.record(
  z.string().max(40),
  z.object({ fetchedAt: z.string(), by: z.string().max(120).optional(), on: z.string().max(10).optional() }),
);
export type TeamAsks = z.infer<typeof TeamAsks>;
