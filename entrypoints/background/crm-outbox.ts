/**
 * The outbox of notes to the connected CRM (issue 34, tier 2). Each entry is keyed by (CRM, ask,
 * stage): the ask belongs to one contact, whose record is the one their CRM page showed. An entry
 * is written once and never twice: it is marked "sending" before its request leaves, and one found
 * "sending" when the worker starts again (it died between request and answer) is first looked for
 * on the record by its key, written into the note, and sent again only if it is not there.
 * Retries back off (the CRM's Retry-After first), stop on a refused token (the settings say so)
 * and on a refused note (its words shown); the popup lists what waits or failed, with a retry.
 */
import { browser } from 'wxt/browser';
import type { Store } from '@/lib/db/store';
import type { Ask } from '@/lib/model';
import {
  API_LABELS,
  API_ORIGINS,
  askInNote,
  backoffMs,
  LOGGED_STAGES,
  noteRequest,
  noteText,
  readAnswer,
  recordIdIn,
  type ApiRequest,
  type CrmConnection,
  type LoggedStage,
} from '@/lib/crm/api';
import { findNoteRequests, noteBodies, notesHoldKey, type OutboxEntry } from '@/lib/crm/outbox';

export const OUTBOX_ALARM = 'crm-outbox';
/** Stage changes this long before the connection are not logged (only what happens once connected). */
const AT_MOST = 500;

export type Fetch = (
  url: string,
  init: ApiRequest['init'],
) => Promise<{ status: number; headers: { get(name: string): string | null }; json(): Promise<unknown> }>;

/**
 * The extension's only network request (issue 34): to the API origin of a CRM the user connected,
 * nowhere else, whatever the URL a caller builds (the promise of no other request, held here).
 */
const toCrmApi: Fetch = async (url, init) => {
  if (!Object.values(API_ORIGINS).includes(new URL(url).origin)) throw new Error(`not a CRM API: ${new URL(url).origin}`);
  return fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' });
};

export class CrmOutbox {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private store: Store,
    private clock: () => Date,
    /** The one way a request leaves (a test's stand-in instead): only ever to a CRM's API origin. */
    readonly fetcher: Fetch = toCrmApi,
  ) {}

  connection(): Promise<CrmConnection | undefined> {
    return this.store.value('crmApi').then((c) => c ?? undefined);
  }

  entries(): Promise<OutboxEntry[]> {
    return this.store.value('crmOutbox');
  }

  /** Adds what the asks' histories hold since the connection and the outbox lacks; then sends what is due. */
  async changed(emails?: readonly string[] | 'all'): Promise<void> {
    const connection = await this.connection();
    if (!connection) return;
    const asks = emails && emails !== 'all' ? (await Promise.all(emails.map((e) => this.store.asksFor(e)))).flat() : await this.store.allAsks();
    await this.add(connection, asks);
    await this.flush();
  }

  private async add(connection: CrmConnection, asks: Ask[]): Promise<void> {
    const entries = await this.entries();
    const known = new Set(entries.map((e) => e.key));
    const added: OutboxEntry[] = [];
    for (const ask of asks) {
      for (const step of ask.history) {
        if (!(step.status in LOGGED_STAGES) || step.at < connection.connectedAt) continue;
        const key = `${connection.crm}:${ask.id}:${step.status}`;
        if (known.has(key)) continue;
        known.add(key);
        added.push({
          key,
          crm: connection.crm,
          email: ask.email,
          askId: ask.id,
          stage: step.status as LoggedStage,
          at: step.at,
          state: 'waiting',
          attempts: 0,
        });
      }
    }
    if (added.length) await this.store.setValue('crmOutbox', [...entries, ...added].slice(-AT_MOST));
  }

  private async update(key: string, change: Partial<OutboxEntry>): Promise<void> {
    const entries = await this.entries();
    await this.store.setValue(
      'crmOutbox',
      entries.map((e) => (e.key === key ? { ...e, ...change } : e)),
    );
  }

  /** Sends what is due, one at a time; a call while one runs makes it run once more after. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sendDue();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** The user's retry: what failed or waits is tried now (one "sending" is still looked for on the record first). */
  async retry(): Promise<void> {
    const entries = await this.entries();
    await this.store.setValue(
      'crmOutbox',
      entries.map((e) =>
        e.state === 'sent' ? e : { ...e, state: e.state === 'sending' ? ('sending' as const) : ('waiting' as const), nextAt: undefined, why: undefined },
      ),
    );
    await this.flush();
  }

  private async sendDue(): Promise<void> {
    const connection = await this.connection();
    if (!connection || connection.refused) return;
    const now = this.clock().toISOString();
    for (const entry of await this.entries()) {
      if (entry.state !== 'waiting' && entry.state !== 'sending' && entry.state !== 'no-record') continue;
      if (entry.nextAt && entry.nextAt > now) continue;
      const contact = await this.store.getContact(entry.email);
      const recordId = recordIdIn(connection.crm, contact?.recordUrl);
      if (!recordId) {
        // Never from a search, never a new contact: it waits for the user to open the record.
        if (entry.state !== 'no-record')
          await this.update(entry.key, { state: 'no-record', why: `open ${contact?.name || entry.email}'s ${API_LABELS[connection.crm]} record once` });
        continue;
      }
      if (entry.state === 'sending' && (await this.alreadyThere(connection, recordId, entry.key))) {
        await this.update(entry.key, { state: 'sent', sentAt: now, why: undefined });
        continue;
      }
      await this.update(entry.key, { state: 'sending', attempts: entry.attempts + 1, recordId });
      // Should the worker die before the answer, this alarm wakes it to look for the note (no work at every start-up).
      await browser.alarms?.create(OUTBOX_ALARM, { when: this.clock().getTime() + 60_000 });
      const ask = (await this.store.asksFor(entry.email)).find((a) => a.id === entry.askId);
      const profile = await this.store.profile();
      const body = noteText({
        stage: entry.stage,
        at: entry.at,
        by: profile.name || profile.email || 'A colleague',
        who: contact?.name || entry.email,
        referral: ask?.referral?.name || ask?.referral?.email,
        text: connection.withText ? ask?.snippet : undefined,
        key: entry.key,
      });
      const request = noteRequest(connection, recordId, body, entry.at);
      let answer;
      try {
        const response = await this.fetcher(request.url, request.init);
        answer = readAnswer(connection.crm, response.status, response.headers.get('retry-after'), await response.json().catch(() => null));
      } catch {
        // No answer: the note may have been written. It stays "sending", so the next try looks for it first.
        const nextAt = new Date(this.clock().getTime() + backoffMs(entry.attempts + 1)).toISOString();
        await this.update(entry.key, { nextAt, why: `${API_LABELS[connection.crm]} did not answer: looking again at ${nextAt.slice(11, 16)} UTC` });
        await browser.alarms?.create(OUTBOX_ALARM, { when: Date.parse(nextAt) });
        return;
      }
      if (answer.ok) {
        await this.update(entry.key, { state: 'sent', sentAt: this.clock().toISOString(), why: undefined });
      } else if ('stop' in answer) {
        await this.update(entry.key, { state: 'failed', why: answer.why });
        if (answer.stop === 'token') {
          await this.store.setValue('crmApi', { ...connection, refused: answer.why });
          return;
        }
      } else {
        const wait = backoffMs(entry.attempts + 1, answer.retryInMs);
        const nextAt = new Date(this.clock().getTime() + wait).toISOString();
        await this.update(entry.key, { state: 'waiting', nextAt, why: `${answer.why}: trying again at ${nextAt.slice(11, 16)} UTC` });
        await browser.alarms?.create(OUTBOX_ALARM, { when: Date.parse(nextAt) });
        // One slow answer holds the rest back: the next ones wait for the alarm too.
        return;
      }
    }
  }

  /** Told when a colleague's ask was learned from the CRM for a contact (the sidebar shows it). */
  onLearned?: (email: string) => void;
  private reading = new Set<string>();

  /**
   * A colleague's ask on this contact's record, as the connected CRM holds it (issue 34): read at
   * most once per record per cool-down and kept; never waited for. A stale or unread record is read
   * in the background, and `onLearned` says when something new is known.
   */
  async teamAsk(contact: { email: string; recordUrl?: string }, cooldownDays: number): Promise<{ by: string; on: string; via: string } | undefined> {
    const connection = await this.connection();
    if (!connection || connection.refused) return undefined;
    const recordId = recordIdIn(connection.crm, contact.recordUrl);
    if (!recordId) return undefined;
    const cacheKey = `${connection.crm}:${recordId}`;
    const known = (await this.store.value('crmTeamAsks'))[cacheKey];
    const fresh = known && Date.parse(known.fetchedAt) > this.clock().getTime() - cooldownDays * 86_400_000;
    if (!fresh && !this.reading.has(cacheKey)) {
      this.reading.add(cacheKey);
      void this.readTeam(connection, recordId, cacheKey, contact.email).finally(() => this.reading.delete(cacheKey));
    }
    return known?.by && known.on ? { by: known.by, on: known.on, via: API_LABELS[connection.crm] } : undefined;
  }

  private async readTeam(connection: CrmConnection, recordId: string, cacheKey: string, email: string): Promise<void> {
    const answers: unknown[] = [];
    try {
      for (const step of findNoteRequests(connection, recordId)) {
        const request = step(answers);
        if (!request) break;
        const response = await this.fetcher(request.url, request.init);
        if (response.status < 200 || response.status >= 300) return;
        answers.push(await response.json());
      }
    } catch {
      return;
    }
    // Our own notes are in the outbox: only other people's asks count as a colleague's.
    const own = new Set((await this.entries()).map((e) => e.key));
    const asks = noteBodies(connection.crm, answers)
      .map(askInNote)
      .filter((a): a is NonNullable<typeof a> => !!a && !(a.key && own.has(a.key)))
      .sort((a, b) => b.on.localeCompare(a.on));
    const all = await this.store.value('crmTeamAsks');
    const newest = asks[0];
    await this.store.setValue('crmTeamAsks', {
      ...all,
      [cacheKey]: { fetchedAt: this.clock().toISOString(), ...(newest ? { by: newest.by, on: newest.on } : {}) },
    });
    if (newest) this.onLearned?.(email);
  }

  /** Whether the record already holds the note with this key (a request sent before the worker died). */
  private async alreadyThere(connection: CrmConnection, recordId: string, key: string): Promise<boolean> {
    try {
      let found: unknown[] = [];
      for (const step of findNoteRequests(connection, recordId)) {
        const request = step(found);
        if (!request) break;
        const response = await this.fetcher(request.url, request.init);
        if (response.status < 200 || response.status >= 300) return false;
        found = [...found, await response.json()];
      }
      return notesHoldKey(connection.crm, found, key);
    } catch {
      return false;
    }
  }
}
