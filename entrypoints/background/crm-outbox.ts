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
import { companyIdIn, companyRequest, findNoteRequests, noteBodies, type OutboxEntry, type RecordKind } from '@/lib/crm/outbox';

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

const requestOf = (r: ApiRequest): [string, ApiRequest['init']] => [r.url, r.init];

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

  /**
   * Each change to the outbox is made on what it holds at that moment, in one transaction: a look
   * at the asks (after each one recorded) and the sending of a note run at once, and a list read
   * before the other's write would undo it (a note marked sent back to waiting, sent twice; an
   * entry added lost).
   */
  private async add(connection: CrmConnection, asks: Ask[]): Promise<void> {
    await this.store.updateValue('crmOutbox', (entries) => {
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
      return added.length ? [...entries, ...added].slice(-AT_MOST) : undefined;
    });
  }

  private update(key: string, change: Partial<OutboxEntry>): Promise<void> {
    return this.store.updateValue('crmOutbox', (entries) => entries.map((e) => (e.key === key ? { ...e, ...change } : e)));
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
    const connection = await this.connection();
    if (connection?.heldUntil) await this.amend(connection, { heldUntil: undefined });
    await this.store.updateValue('crmOutbox', (entries) =>
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
    // The CRM asked to wait: no note goes before then, not even one added since (its alarm wakes the outbox).
    if (connection.heldUntil && connection.heldUntil > now) return;
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
      // On their company's record too, when a read of the record named it (colleagues asking someone else there see it).
      const companyId = (await this.store.value('crmTeamAsks'))[`${connection.crm}:${recordId}`]?.companyId;
      const request = noteRequest(connection, recordId, body, entry.at, companyId);
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
          await this.amend(connection, { refused: answer.why });
          return;
        }
      } else {
        const wait = backoffMs(entry.attempts + 1, answer.retryInMs);
        const nextAt = new Date(this.clock().getTime() + wait).toISOString();
        await this.update(entry.key, { state: 'waiting', nextAt, why: `${answer.why}: trying again at ${nextAt.slice(11, 16)} UTC` });
        // One slow answer holds every note back, those added meanwhile too: a burst costs one refused request per wait.
        await this.amend(connection, { heldUntil: nextAt });
        await browser.alarms?.create(OUTBOX_ALARM, { when: Date.parse(nextAt) });
        return;
      }
    }
  }

  /**
   * Marks the connection a request was sent under (refused, held), only if it is still the one
   * stored: a Disconnect, or another connection, made while the answer was awaited stays as it is
   * (a token the user removed is never written back).
   */
  private amend(connection: CrmConnection, change: Partial<CrmConnection>): Promise<void> {
    return this.store.updateValue('crmApi', (now) =>
      now && now.crm === connection.crm && now.connectedAt === connection.connectedAt ? { ...now, ...change } : undefined,
    );
  }

  /** Told when a colleague's ask was learned from the CRM for a contact (the sidebar shows it). */
  onLearned?: (email: string) => void;
  private reading = new Map<string, Promise<boolean>>();

  /**
   * A colleague's ask on this contact's record or their company's, as the connected CRM holds it
   * (issue 34): read at most once per record per cool-down and kept; never waited for. A stale or
   * unread record is read in the background, and `onLearned` says when something new is known.
   */
  async teamAsk(
    contact: { email: string; recordUrl?: string },
    cooldownDays: number,
  ): Promise<{ by: string; on: string; who?: string; via: string } | undefined> {
    const connection = await this.connection();
    if (!connection || connection.refused) return undefined;
    const recordId = recordIdIn(connection.crm, contact.recordUrl);
    if (!recordId) return undefined;
    const known = (await this.store.value('crmTeamAsks'))[`${connection.crm}:${recordId}`];
    if (!this.fresh(known, cooldownDays)) void this.read(connection, recordId).then((learned) => learned && this.onLearned?.(contact.email));
    return known?.by && known.on ? { by: known.by, on: known.on, ...(known.who ? { who: known.who } : {}), via: API_LABELS[connection.crm] } : undefined;
  }

  /**
   * The records of the queue's first contacts, read when the popup asks for the queue (issue 34):
   * at most `limit` records not read within the cool-down, one after another (a CRM's rate limit is
   * per token), so a colleague's ask keeps a client out of "who to ask" before the sidebar ever
   * opened them. Says `onLearned` once for all, after the last read.
   */
  async readQueue(emails: readonly string[], limit = 10): Promise<void> {
    const connection = await this.connection();
    if (!connection || connection.refused || !emails.length) return;
    const [read, { askCooldownDays: cooldownDays }] = await Promise.all([this.store.value('crmTeamAsks'), this.store.settings()]);
    const due = (await this.store.contactsOf([...emails]))
      .map((c) => c && { email: c.email, recordId: recordIdIn(connection.crm, c.recordUrl) })
      .filter((c): c is { email: string; recordId: string } => !!c?.recordId && !this.fresh(read[`${connection.crm}:${c.recordId}`], cooldownDays))
      .slice(0, limit);
    let learned: string | undefined;
    for (const { email, recordId } of due) {
      if (!(await this.connection())) return;
      if (await this.read(connection, recordId)) learned = email;
    }
    if (learned) this.onLearned?.(learned);
  }

  private fresh(known: { fetchedAt: string } | undefined, cooldownDays: number): boolean {
    return !!known && Date.parse(known.fetchedAt) > this.clock().getTime() - cooldownDays * 86_400_000;
  }

  /** Reads a record once at a time (a second caller waits for the same read); true when a colleague's ask was found. */
  private read(connection: CrmConnection, recordId: string): Promise<boolean> {
    const cacheKey = `${connection.crm}:${recordId}`;
    let reading = this.reading.get(cacheKey);
    if (!reading) {
      reading = this.readTeam(connection, recordId, cacheKey).finally(() => this.reading.delete(cacheKey));
      this.reading.set(cacheKey, reading);
    }
    return reading;
  }

  /**
   * The record's notes and its company's (HubSpot: the primary company; Pipedrive: the person's
   * organization): our marker's asks by others than this profile. Nothing is kept when a read fails
   * (read again next time); what is kept names the company, for the notes this profile writes.
   */
  private async readTeam(connection: CrmConnection, recordId: string, cacheKey: string): Promise<boolean> {
    const bodies: string[] = [];
    let companyId: string | undefined;
    try {
      bodies.push(...(await this.notesOf(connection, recordId, 'contact')));
      const response = await this.fetcher(...requestOf(companyRequest(connection, recordId)));
      if (response.status < 200 || response.status >= 300) return false;
      companyId = companyIdIn(connection.crm, await response.json());
      if (companyId) bodies.push(...(await this.notesOf(connection, companyId, 'company')));
    } catch {
      return false;
    }
    // Our own notes are in the outbox: only other people's asks count as a colleague's.
    const own = new Set((await this.entries()).map((e) => e.key));
    const asks = bodies
      .map(askInNote)
      .filter((a): a is NonNullable<typeof a> => !!a && !(a.key && own.has(a.key)))
      .sort((a, b) => b.on.localeCompare(a.on));
    // Disconnected (or connected anew) while this read was under way: what it read is not kept.
    if ((await this.connection())?.connectedAt !== connection.connectedAt) return false;
    const all = await this.store.value('crmTeamAsks');
    const newest = asks[0];
    await this.store.setValue('crmTeamAsks', {
      ...all,
      [cacheKey]: {
        fetchedAt: this.clock().toISOString(),
        ...(companyId ? { companyId } : {}),
        ...(newest ? { by: newest.by, on: newest.on, who: newest.who } : {}),
      },
    });
    return !!newest && (all[cacheKey]?.by !== newest.by || all[cacheKey]?.on !== newest.on || all[cacheKey]?.who !== newest.who);
  }

  /** The note bodies on one record; throws when the CRM does not answer with them. */
  private async notesOf(connection: CrmConnection, recordId: string, kind: RecordKind): Promise<string[]> {
    const answers: unknown[] = [];
    for (const step of findNoteRequests(connection, recordId, kind)) {
      const request = step(answers);
      if (!request) break;
      const response = await this.fetcher(...requestOf(request));
      if (response.status < 200 || response.status >= 300) throw new Error(`${response.status}`);
      answers.push(await response.json());
    }
    return noteBodies(connection.crm, answers);
  }

  /** Whether the record already holds the note with this key (a request sent before the worker died). */
  private async alreadyThere(connection: CrmConnection, recordId: string, key: string): Promise<boolean> {
    try {
      return (await this.notesOf(connection, recordId, 'contact')).some((body) => body.includes(`[${key}]`));
    } catch {
      return false;
    }
  }
}
