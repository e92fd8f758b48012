/**
 * The one door to the database, for the background only (the conventions test keeps every other
 * file away from Dexie). Every read-modify-write runs in one transaction, so two tabs editing the
 * same contact cannot lose an edit; every write, once committed, announces what changed, and one
 * subscriber turns that into the refreshes (`entrypoints/background/refresh.ts`).
 */
import type { EngineSettings } from '../engine/settings';
import { emptyContact } from '../contacts';
import { Ask, Contact, type FactSource } from '../model';
import type { ImportedRow, ParsedImport } from '../import/csv';
import { Backup, BACKUP_FORMAT } from '../backup';
import { NeverAskList } from '../never-ask';
import { KEYS, LOCAL_ONLY, type Key, type ValueOf } from '../keys';
import { mergeImported } from '../import/merge';
import { DEFAULT_TEMPLATES } from '../templates/defaults';
import { Profile, Template } from '../templates/schema';
import type { Table } from 'dexie';
import type { ReferralDb } from './index';

/** What a contact says, without when or where each fact was seen. */
function valuesOf(c: Contact): string {
  const facts = Object.fromEntries(Object.entries(c.facts).map(([k, f]) => [k, f?.value]));
  return JSON.stringify([c.name, c.company, facts]);
}

/** What a committed write changed: which contacts' data (by email, or all of them), and which kinds of record. */
export interface StoreChange {
  emails: readonly string[] | 'all';
  contacts?: boolean;
  asks?: boolean;
  /** Templates, profile, never-ask list, settings: everything every contact's view depends on. */
  settings?: boolean;
}

/** An import touching more contacts than this announces "all" rather than each email. */
const LISTED_EMAILS = 200;

export class Store {
  private listeners = new Set<(change: StoreChange) => void>();
  /**
   * The profile, the rules, the never-ask list and the templates, read by every sidebar view (issue
   * 16: a contact switch read them all again): kept once read, forgotten by any write to them. They
   * are written only through this store, and each such write announces `settings`.
   */
  private readonly kept = new Map<string, Promise<unknown>>();

  /** `db` is Dexie's handle, for `lib/db` alone. */
  constructor(readonly db: ReferralDb) {}

  /** Calls `listener` after every committed write; returns the function that stops it. */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(change: StoreChange): void {
    if (change.settings) this.kept.clear();
    for (const listener of this.listeners) listener(change);
  }

  /** `read()` once until the next write to what it reads; each caller gets its own copy to change. */
  private keep<T>(key: string, read: () => Promise<T>): Promise<T> {
    let value = this.kept.get(key) as Promise<T> | undefined;
    if (!value) {
      value = read();
      this.kept.set(key, value);
      value.catch(() => this.kept.delete(key));
    }
    return value.then((v) => structuredClone(v));
  }

  getContact(email: string): Promise<Contact | undefined> {
    return this.db.contacts.get(email.toLowerCase());
  }

  /** Applies `change` to the stored contact (or a new one) atomically and returns the result. */
  updateContact(email: string, change: (current: Contact) => Contact, now: string): Promise<Contact> {
    return this.writeContact(email, change, now).then(({ contact }) => contact);
  }

  /** As `updateContact`, saying whether anything was written (and so announced). */
  writeContact(email: string, change: (current: Contact) => Contact, now: string): Promise<{ contact: Contact; changed: boolean }> {
    return this.db
      .transaction('rw', this.db.contacts, async () => {
        const key = email.toLowerCase();
        const current = (await this.db.contacts.get(key)) ?? emptyContact(key, now);
        const contact = Contact.parse(change(current));
        const changed = JSON.stringify(contact) !== JSON.stringify(current);
        if (changed) await this.db.contacts.put(contact);
        return { contact, changed };
      })
      .then((result) => {
        if (result.changed) this.announce({ emails: [result.contact.email], contacts: true });
        return result;
      });
  }

  /**
   * Writes a whole import in one transaction: if the worker dies midway nothing is written, and
   * re-importing the same file updates contacts (by email) instead of duplicating them.
   *
   * `rows` is the parsed rows, or a parser to run inside the transaction (`StreamedRows`): a large
   * file is then written while it is read (issue 16), chunk by chunk, so the database works while
   * the rest is parsed; a refusal found at the end still writes nothing.
   */
  importContacts(rows: ImportedRow[] | StreamedRows, source: FactSource, now: string): Promise<ImportCounts> {
    return this.db
      .transaction('rw', this.db.contacts, async () => {
        const expected = Array.isArray(rows) ? rows.length : rows.expected;
        // A large import reads the whole table at once: one getAll is ~3x faster than 50,000 gets.
        const known = expected > 5_000 ? new Map((await this.db.contacts.toArray()).map((c) => [c.email, c])) : undefined;
        const writer = new ImportWriter(this.db, source, now);
        if (!Array.isArray(rows) && known) {
          // Reading pauses while the writes are behind (`ImportWriter`): a bounded part in memory.
          const read = await rows.read((row) => writer.write(known.get(row.email), row));
          if (read.refused) throw new ImportRefused(read.refused);
          // A later row with the same email merged into one written already: written again as it is now.
          const byEmail = new Map(read.rows.map((r) => [r.email, r]));
          for (const email of new Set(read.duplicates.map((d) => d.email))) writer.write(known.get(email), byEmail.get(email)!, true);
        } else {
          const all = Array.isArray(rows) ? rows : await readAll(rows);
          // One row per email already (the parser merges a file's duplicates); the map keeps it so.
          const byEmail = new Map(all.map((r) => [r.email, r]));
          const emails = [...byEmail.keys()];
          const existing = known ? emails.map((e) => known.get(e)) : await this.db.contacts.bulkGet(emails);
          emails.forEach((email, i) => writer.write(existing[i], byEmail.get(email)!));
        }
        return writer.done();
      })
      .then(({ counts, emails }) => {
        if (emails.length) this.announce({ emails: emails.length > LISTED_EMAILS ? 'all' : emails, contacts: true });
        return counts;
      });
  }

  /** Contacts whose customer start date lies between two days (inclusive), by index. */
  contactsStartedBetween(from: string, to: string): Promise<Contact[]> {
    return this.db.contacts.where('facts.customerSince.value').between(from, to, true, true).toArray();
  }

  /** Every contact, for the CSV export. */
  allContacts(): Promise<Contact[]> {
    return this.db.contacts.toArray();
  }

  /** The stored contacts of these emails (undefined where none), in order (one bulk read). */
  contactsOf(emails: readonly string[]): Promise<Array<Contact | undefined>> {
    return this.db.contacts.bulkGet([...emails]);
  }

  /** Name and company of each email, for lists of asks (one bulk read). */
  async namesOf(emails: string[]): Promise<Map<string, { name: string; company: string }>> {
    const found = await this.db.contacts.bulkGet(emails);
    return new Map(emails.map((e, i) => [e, { name: found[i]?.name ?? '', company: found[i]?.company ?? '' }]));
  }

  /** Every ask, in no particular order (one getAll: the fastest read of the table). */
  allAsks(): Promise<Ask[]> {
    return this.db.asks.toArray();
  }

  /**
   * Asks still waiting on the client: drafted or sent. One index read a status (getAll), not
   * `anyOf` (a cursor, a step a record): 14,286 of 50,000 asks in 0.3 s instead of 1.0-1.4 s.
   */
  waitingAsks(): Promise<Ask[]> {
    return this.db.transaction('r', this.db.asks, async () => {
      const [drafted, sent] = await Promise.all([
        this.db.asks.where('status').equals('drafted').toArray(),
        this.db.asks.where('status').equals('sent').toArray(),
      ]);
      return [...drafted, ...sent];
    });
  }

  /** Asks made on or after an instant (the cool-down window), by index. */
  asksSince(instant: string): Promise<Ask[]> {
    return this.db.asks.where('askedAt').aboveOrEqual(instant).toArray();
  }

  /** The newest ask made on or after an instant that passes `test`, read newest first until one does. */
  newestAskSince(instant: string, test: (ask: Ask) => boolean): Promise<Ask | undefined> {
    return this.db.asks.where('askedAt').aboveOrEqual(instant).reverse().filter(test).first();
  }

  /** Asks whose client introduced this person (by the referral's email, indexed). */
  referralsOf(email: string): Promise<Ask[]> {
    return this.db.asks.where('referral.email').equals(email.toLowerCase()).toArray();
  }

  /** The contact who lists `email` among their other addresses (none stored under it as their own). */
  async ownerOf(email: string): Promise<Contact | undefined> {
    return this.db.contacts.where('otherEmails').equals(email.toLowerCase()).first();
  }

  getAsk(id: string): Promise<Ask | undefined> {
    return this.db.asks.get(id);
  }

  asksFor(email: string): Promise<Ask[]> {
    return this.db.asks.where('email').equals(email.toLowerCase()).toArray();
  }

  listAsks(): Promise<Ask[]> {
    return this.db.asks.orderBy('askedAt').reverse().toArray();
  }

  private askChanged = (ask: Ask): Ask => {
    // The person the client introduced shows "referred by" from this ask: their views change too.
    this.announce({ emails: ask.referral?.email ? [ask.email, ask.referral.email] : [ask.email], asks: true });
    return ask;
  };

  async addAsk(ask: Ask): Promise<Ask> {
    const parsed = Ask.parse(ask);
    await this.db.asks.add(parsed);
    return this.askChanged(parsed);
  }

  /** Applies `change` to one ask atomically (status with its follow-up date, follow-up and discard changes alike). */
  updateAsk(id: string, change: (ask: Ask) => Ask): Promise<Ask> {
    return this.db
      .transaction('rw', this.db.asks, async () => {
        const ask = await this.db.asks.get(id);
        if (!ask) throw new Error('That ask no longer exists.');
        const next = Ask.parse(change(ask));
        await this.db.asks.put(next);
        return next;
      })
      .then(this.askChanged);
  }

  async deleteAsk(id: string): Promise<Ask> {
    return this.db
      .transaction('rw', this.db.asks, async () => {
        const ask = await this.db.asks.get(id);
        if (!ask) throw new Error('That ask no longer exists.');
        await this.db.asks.delete(id);
        return ask;
      })
      .then(this.askChanged);
  }

  async putAsk(ask: Ask): Promise<Ask> {
    const parsed = Ask.parse(ask);
    await this.db.asks.put(parsed);
    return this.askChanged(parsed);
  }

  /** The user's templates (the built-in defaults on a fresh install), asks first, then by segment and name. */
  templates(): Promise<Template[]> {
    return this.keep('templates', () => this.readTemplates());
  }

  private async readTemplates(): Promise<Template[]> {
    const stored = await this.db.templates.toArray();
    const templates =
      stored.length === 0
        ? DEFAULT_TEMPLATES
        : stored.flatMap((row) => {
            const parsed = Template.safeParse(row);
            return parsed.success ? [parsed.data] : [];
          });
    const kindOrder = { ask: 0, 'follow-up': 1, reactivation: 2, thanks: 3, update: 4 };
    return [...templates].sort(
      (a, b) =>
        kindOrder[a.kind] - kindOrder[b.kind] ||
        a.segment.localeCompare(b.segment) ||
        Number(a.incentive) - Number(b.incentive) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
  }

  /** Saves a template; the first save of a fresh install keeps the defaults beside it. */
  saveTemplate(template: Template): Promise<void> {
    return this.db
      .transaction('rw', this.db.templates, async () => {
        if ((await this.db.templates.count()) === 0) await this.db.templates.bulkPut(DEFAULT_TEMPLATES);
        await this.db.templates.put(Template.parse(template));
      })
      .then(this.settingsChanged);
  }

  deleteTemplate(id: string): Promise<void> {
    return this.db
      .transaction('rw', this.db.templates, async () => {
        if ((await this.db.templates.count()) === 0) await this.db.templates.bulkPut(DEFAULT_TEMPLATES);
        const remaining = (await this.db.templates.count()) - ((await this.db.templates.get(id)) ? 1 : 0);
        if (remaining === 0) throw new Error('Keep at least one template.');
        await this.db.templates.delete(id);
      })
      .then(this.settingsChanged);
  }

  restoreDefaultTemplates(): Promise<void> {
    return this.db
      .transaction('rw', this.db.templates, async () => {
        await this.db.templates.bulkPut(DEFAULT_TEMPLATES);
      })
      .then(this.settingsChanged);
  }

  private settingsChanged = (): void => this.announce({ emails: 'all', settings: true });

  /** Contacts whose email or name contains `query` (case-insensitive), most recently updated first. */
  async searchContacts(query: string, limit: number): Promise<Contact[]> {
    const q = query.trim().toLowerCase();
    return this.db.contacts
      .orderBy('updatedAt')
      .reverse()
      .filter((c) => !q || c.email.includes(q) || c.name.toLowerCase().includes(q))
      .limit(limit)
      .toArray();
  }

  profile(): Promise<Profile> {
    return this.keep('profile', () => this.value('profile'));
  }

  async saveProfile(profile: Profile): Promise<void> {
    await this.putValue('profile', profile);
    this.settingsChanged();
  }

  neverAskList(): Promise<NeverAskList> {
    return this.keep('neverAsk', () => this.value('neverAsk'));
  }

  async saveNeverAskList(list: NeverAskList): Promise<void> {
    await this.putValue('neverAsk', list);
    this.settingsChanged();
  }

  /** The CRMs' logging addresses (issue 34): read for every view and insert, so kept once read. */
  loggingAddresses(): Promise<ValueOf<'crmLogging'>> {
    return this.keep('crmLogging', () => this.value('crmLogging'));
  }

  /** Saved and announced: an open sidebar on a webmail shows the copy to the CRM at once. */
  async saveLoggingAddresses(addresses: ValueOf<'crmLogging'>): Promise<void> {
    await this.putValue('crmLogging', addresses);
    this.settingsChanged();
  }

  /** A stored value as its key reads it (`lib/keys.ts`): the default where none or a broken one is stored. */
  async value<K extends Key>(key: K): Promise<ValueOf<K>> {
    return KEYS[key].read((await this.db.kv.get(key))?.value) as ValueOf<K>;
  }

  /** A value no view depends on (reminders, reading health, picks, sites): checked by its key's schema, written without announcing. */
  setValue<K extends Key>(key: K, value: ValueOf<K>): Promise<void> {
    return this.putValue(key, value);
  }

  /**
   * A value changed from what is stored now, in one transaction: `change` answers the new value,
   * or undefined to leave it (a change that must not land on a value replaced meanwhile).
   */
  async updateValue<K extends Key>(key: K, change: (current: ValueOf<K>) => ValueOf<K> | undefined): Promise<void> {
    await this.db.transaction('rw', this.db.kv, async () => {
      const next = change(await this.value(key));
      if (next !== undefined) await this.putValue(key, next);
    });
  }

  /** The one write of a kv value, checked by its key's schema (the profile, never-ask list and rules announce theirs). */
  private async putValue<K extends Key>(key: K, value: ValueOf<K>): Promise<void> {
    await this.db.kv.put({ key, value: KEYS[key].schema.parse(value) });
  }

  /** A saved view (`saved-view.ts`), or undefined. */
  async savedView(key: string): Promise<unknown> {
    return (await this.db.views.get(key))?.value;
  }

  /** Saves a view: derived data, so nothing is announced. */
  async saveView(key: string, value: unknown): Promise<void> {
    await this.db.views.put({ key, value });
  }

  async dropView(key: string): Promise<void> {
    await this.db.views.delete(key);
  }

  /** The first follow-up date after an instant: until then, which asks are due does not change. */
  async nextFollowUpAfter(instant: string): Promise<string | undefined> {
    return (await this.db.asks.where('followUpAt').above(instant).first())?.followUpAt;
  }

  async exportAll(now: string): Promise<Backup> {
    return this.db.transaction('r', [this.db.contacts, this.db.asks, this.db.templates, this.db.kv], async () => ({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: now,
      contacts: await this.db.contacts.toArray(),
      asks: await this.db.asks.toArray(),
      templates: await this.templates(),
      kv: (await this.db.kv.toArray()).filter((row) => !LOCAL_ONLY.has(row.key)),
    }));
  }

  /** How much is stored now (what a restore would replace). */
  async counts(): Promise<{ contacts: number; asks: number; templates: number }> {
    const [contacts, asks, templates] = await Promise.all([this.db.contacts.count(), this.db.asks.count(), this.templates()]);
    return { contacts, asks, templates: templates.length };
  }

  /**
   * Replaces everything with a backup, in one transaction (all or nothing). `onProgress` hears how
   * many contacts and asks are written, of how many, as they go: 200,000 contacts take minutes.
   */
  async restoreAll(
    backup: Backup,
    onProgress?: (done: number, total: number) => void,
    /** The backup is `Backup.parse`'s own output already (the check just made): not checked again. */
    { checked = false } = {},
  ): Promise<{ contacts: number; asks: number; templates: number }> {
    const valid = checked ? backup : Backup.parse(backup);
    const total = valid.contacts.length + valid.asks.length;
    await this.db.transaction('rw', [this.db.contacts, this.db.asks, this.db.templates, this.db.kv, this.db.views], async () => {
      // The connected CRM and its outbox stay: a backup never holds them.
      const kept = (await this.db.kv.toArray()).filter((row) => LOCAL_ONLY.has(row.key));
      await Promise.all([this.db.templates.clear(), this.db.kv.clear(), this.db.views.clear()]);
      let done = 0;
      const written = (n: number) => {
        done += n;
        onProgress?.(done, total);
      };
      await replaceRecords(this.db.contacts, valid.contacts, (c: Contact) => c.email, written);
      await replaceRecords(this.db.asks, valid.asks, (a: Ask) => a.id, written);
      await this.db.templates.bulkAdd(valid.templates);
      await this.db.kv.bulkAdd([...valid.kv.filter((row) => !LOCAL_ONLY.has(row.key)), ...kept]);
    });
    this.announce({ emails: 'all', contacts: true, asks: true, settings: true });
    return { contacts: valid.contacts.length, asks: valid.asks.length, templates: valid.templates.length };
  }

  async saveSettings(settings: EngineSettings): Promise<void> {
    await this.putValue('settings', settings);
    this.settingsChanged();
  }

  settings(): Promise<EngineSettings> {
    return this.keep('settings', () => this.value('settings'));
  }
}

export type ImportCounts = { created: number; updated: number; unchanged: number };

/** A parser run inside the import's transaction, handing over each new email's row as it reads it. */
export interface StreamedRows {
  /** About how many rows (the file's lines): decides whether the whole table is read first. */
  expected: number;
  /**
   * Reads the file, handing each new email's row over as it comes (pausing while what `row` answers
   * is pending); answers the rows later duplicates merged into (`streamContactsCsv`).
   */
  read: (row: (row: ImportedRow) => PromiseLike<unknown> | void) => Promise<Pick<ParsedImport, 'rows' | 'duplicates' | 'refused'>>;
}

/** Every row of a small file, each as merged with its duplicates, to be written at once. */
async function readAll(rows: StreamedRows): Promise<ImportedRow[]> {
  const handed: ImportedRow[] = [];
  const read = await rows.read((row) => void handed.push(row));
  if (read.refused) throw new ImportRefused(read.refused);
  const merged = new Map(read.rows.map((r) => [r.email, r]));
  return handed.map((r) => merged.get(r.email) ?? r);
}

/** The file was refused whole (not a CSV, no email column): the transaction is rolled back. */
export class ImportRefused extends Error {}

/** Records a restore reads or writes between two progress reports. */
const RESTORE_CHUNK = 5_000;
/** Chunks a restore has written behind the one it waits for. */
const RESTORE_IN_FLIGHT = 2;

/**
 * Makes `table` hold exactly `records` (inside the caller's transaction), writing only what
 * differs: a backup restored over the data it was made from (undoing a mistake) rewrites nothing
 * that is the same, and deletes only what the backup does not hold. Where most of what is stored
 * goes, the table is cleared instead (one request, not one a record). Issue 35: 200,000 contacts
 * and 50,000 asks took 10 s to clear and 49 s to write again, whatever they held.
 * `written(n)` hears each `n` records now as the backup has them, in order.
 */
async function replaceRecords<T extends I, I>(
  table: Table<T, string, I>,
  records: T[],
  keyOf: (record: T) => string,
  written: (n: number) => void,
): Promise<void> {
  const wanted = new Map(records.map((r) => [keyOf(r), r]));
  const same = new Set<string>();
  const gone: string[] = [];
  let stored = 0;
  for (let last: string | undefined; ;) {
    const page = await (last === undefined ? table.toCollection() : table.where(':id').above(last)).limit(RESTORE_CHUNK).toArray();
    for (const record of page) {
      const key = keyOf(record);
      const incoming = wanted.get(key);
      if (incoming === undefined) gone.push(key);
      else if (sameRecord(record, incoming)) same.add(key);
    }
    stored += page.length;
    if (page.length < RESTORE_CHUNK) break;
    last = keyOf(page.at(-1)!);
  }
  const cleared = gone.length * 2 > stored;
  if (cleared) await table.clear();
  else if (gone.length) await table.bulkDelete(gone);
  const toWrite = cleared ? records : records.filter((r) => !same.has(keyOf(r)));
  if (!cleared && same.size) written(same.size);
  // Written in chunks, a few in flight, so the database never waits for the next one.
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < toWrite.length; i += RESTORE_CHUNK) {
    const chunk = toWrite.slice(i, i + RESTORE_CHUNK);
    writes.push((cleared ? table.bulkAdd(chunk) : table.bulkPut(chunk)).then(() => written(chunk.length)));
    await writes.at(-1 - RESTORE_IN_FLIGHT);
  }
  await Promise.all(writes);
}

/** The same record, whatever the order of its fields (a backup's are in its schema's order); a missing field and an undefined one are the same. */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameRecord(x, (b as unknown[])[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ka = keys(x);
  return ka.length === keys(y).length && ka.every((k) => sameRecord(x[k], y[k]));
}

/** Rows per write: big enough to keep the database busy, small enough to start it early. */
const IMPORT_CHUNK = 2_000;
/** Chunks written behind the one the reader waits for. */
const IMPORT_IN_FLIGHT = 2;

/** Merges rows into contacts and writes the changed ones in chunks; the reader waits only when the writes fall behind. */
class ImportWriter {
  private readonly counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  /** How each email was counted, so a row written again is counted once. */
  private readonly counted = new Map<string, keyof ImportCounts>();
  private readonly emails: string[] = [];
  private chunk: Contact[] = [];
  private readonly writes: Promise<unknown>[] = [];

  constructor(
    private readonly db: ReferralDb,
    private readonly source: FactSource,
    private readonly now: string,
  ) {}

  /** Answers a write still under way when reading should wait for it (two more wait behind it). */
  write(before: Contact | undefined, row: ImportedRow, again = false): Promise<unknown> | undefined {
    const after = mergeImported(before, row, this.source, this.now);
    // "Unchanged" means the same values; a newer file still refreshes when the facts were seen.
    const kind: keyof ImportCounts = !before ? 'created' : valuesOf(before) === valuesOf(after) ? 'unchanged' : 'updated';
    const earlier = again ? this.counted.get(row.email) : undefined;
    if (earlier) this.counts[earlier]--;
    this.counts[kind]++;
    this.counted.set(row.email, kind);
    // Written again whatever it compares to: its first write (before the duplicate merged in) is stored.
    if (again || !before || JSON.stringify({ ...before, updatedAt: '' }) !== JSON.stringify({ ...after, updatedAt: '' })) {
      this.chunk.push(after);
      if (this.emails.length <= LISTED_EMAILS && !this.emails.includes(after.email)) this.emails.push(after.email);
      if (this.chunk.length >= IMPORT_CHUNK) return this.flush();
    }
    return undefined;
  }

  /**
   * Hands the chunk to the database. A file is read far faster than it is written: the reader then
   * waits for the oldest write while IMPORT_IN_FLIGHT wait behind it, so the records held at
   * once stay bounded (all 50,000 of a file were, issue 16) and the database never waits for them.
   */
  private flush(): Promise<unknown> | undefined {
    if (this.chunk.length) this.writes.push(this.db.contacts.bulkPut(this.chunk));
    this.chunk = [];
    return this.writes.at(-1 - IMPORT_IN_FLIGHT);
  }

  async done(): Promise<{ counts: ImportCounts; emails: string[] }> {
    this.flush();
    await Promise.all(this.writes);
    return { counts: this.counts, emails: this.emails };
  }
}
