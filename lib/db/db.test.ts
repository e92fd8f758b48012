import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { applyManualEdit, applyPage } from '../contacts';
import type { PageContext } from '../hosts/types';
import { openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5 } from './index';
import { ImportRefused, sameRecord, Store } from './store';
import { streamContactsCsv, type ImportedRow, type ParsedImport } from '../import/csv';
import { withStatus } from '../asks/pipeline';
import { Ask, Contact } from '../model';

let n = 0;

/** A database as an older version of the extension left it: the schemas up to `version`, opened. */
async function olderDb(name: string, version: 1 | 2 | 3 | 4 | 5): Promise<Dexie> {
  const old = new Dexie(name);
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5].slice(0, version).forEach((schema, i) => old.version(i + 1).stores(schema));
  await old.open();
  return old;
}
const freshName = () => `test-db-${Date.now()}-${n++}`;
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';

describe('schema v6 (issue 31)', () => {
  it("v5 contacts survive; a contact's other addresses find them, only ever add up, and never include their own", async () => {
    const name = freshName();
    const old = await olderDb(name, 5);
    await old.table('contacts').bulkAdd([
      { email: 'astrid@lindqvistdesign.example', name: 'Astrid', company: '', facts: {}, neverAsk: false, updatedAt: T1 },
      { email: 'rui@duartevinhos.example', name: 'Rui', company: '', facts: {}, neverAsk: false, updatedAt: T1 },
    ]);
    old.close();
    const store = new Store(openDb(name));
    expect(await store.db.contacts.count()).toBe(2);
    expect(await store.ownerOf('astrid.l@gmail.example')).toBeUndefined();
    const source = { kind: 'import' as const, label: 'people.csv', observedAt: T2 };
    await store.importContacts([{ line: 2, email: 'astrid@lindqvistdesign.example', otherEmails: ['astrid.l@gmail.example'], facts: {} }], source, T2);
    await store.importContacts(
      [{ line: 2, email: 'astrid@lindqvistdesign.example', otherEmails: ['a.lindqvist@proton.example', 'astrid@lindqvistdesign.example'], facts: {} }],
      source,
      T2,
    );
    expect((await store.getContact('astrid@lindqvistdesign.example'))?.otherEmails).toEqual(['astrid.l@gmail.example', 'a.lindqvist@proton.example']);
    expect((await store.ownerOf('Astrid.L@gmail.example'))?.email).toBe('astrid@lindqvistdesign.example');
    store.db.close();
  });
});

describe('schema migrations', () => {
  // The pattern for every future version: write real-shaped rows with the old schema, reopen
  // with openDb() (the newest), and check that every row is still there and readable.
  it('v1 rows survive reopening with the current schema', async () => {
    const name = freshName();
    const old = await olderDb(name, 1);
    const contacts = Array.from({ length: 50 }, (_, i) => ({
      email: `c${i}@acme.example`,
      name: `Client ${i}`,
      company: 'Acme',
      facts: { customerSince: { value: '2026-07-01', source: { kind: 'import', label: 'crm.csv', observedAt: T1 } } },
      neverAsk: false,
      updatedAt: T1,
    }));
    await old.table('contacts').bulkAdd(contacts);
    old.close();

    const db = openDb(name);
    expect(await db.contacts.count()).toBe(50);
    const store = new Store(db);
    expect(await store.getContact('C7@acme.example')).toMatchObject({ name: 'Client 7' });
    // v2's index on the start date covers the old rows.
    expect(await store.contactsStartedBetween('2026-06-01', '2026-07-31')).toHaveLength(50);
    expect(await store.contactsStartedBetween('2026-08-01', '2026-12-31')).toHaveLength(0);
    db.close();
  });
});

describe('schema v3 (issue 19)', () => {
  it('v2 asks survive, and the people clients introduced are found by their email', async () => {
    const name = freshName();
    const old = await olderDb(name, 2);
    const ask = (id: string, referral?: object) => ({
      id,
      email: 'dana@acme.example',
      templateId: 'default-ask',
      status: 'introduced',
      askedAt: T1,
      history: [],
      ...(referral ? { referral } : {}),
    });
    await old.table('asks').bulkAdd([ask('a1', { name: 'Priya Shah', email: 'priya@peer.example' }), ask('a2'), ask('a3', { name: 'Lee' })]);
    old.close();

    const db = openDb(name);
    const store = new Store(db);
    expect(await db.asks.count()).toBe(3);
    expect((await store.referralsOf('Priya@Peer.example')).map((a) => a.id)).toEqual(['a1']);
    expect(await store.referralsOf('lee@peer.example')).toEqual([]);
    db.close();
  });
});

describe('schema v4 (issue 16)', () => {
  it('v3 rows survive; saved views live in their own table, out of backups, and a restore clears them', async () => {
    const name = freshName();
    const old = await olderDb(name, 3);
    await old.table('kv').put({ key: 'profile', value: { name: 'Alex' } });
    old.close();

    const store = new Store(openDb(name));
    expect((await store.profile()).name).toBe('Alex');
    await store.saveView('queue', { day: '2026-11-25', value: { rows: [], total: 0 } });
    const backup = await store.exportAll(T2);
    expect(JSON.stringify(backup)).not.toContain('"queue"');
    await store.restoreAll(backup);
    expect(await store.savedView('queue')).toBeUndefined();
    expect((await store.profile()).name).toBe('Alex');
    store.db.close();
  });
});

describe('schema v5 (issue 16)', () => {
  it('v4 contacts survive with their last-seen time; only the index nothing read is gone', async () => {
    const name = freshName();
    const old = await olderDb(name, 4);
    const source = { kind: 'import', label: 'old.csv', observedAt: T1 };
    await old.table('contacts').put({
      email: 'dana@acme.example',
      name: 'Dana',
      company: 'Acme',
      facts: { customerSince: { value: '2026-06-01', source } },
      neverAsk: false,
      lastSeenAt: T1,
      updatedAt: T1,
    });
    old.close();

    const store = new Store(openDb(name));
    const [dana] = await store.contactsOf(['dana@acme.example']);
    expect(dana?.lastSeenAt).toBe(T1);
    expect((await store.contactsStartedBetween('2026-05-01', '2026-07-01')).map((c) => c.email)).toEqual(['dana@acme.example']);
    expect((await store.searchContacts('dana', 5)).map((c) => c.email)).toEqual(['dana@acme.example']);
    // In the database itself, not only in what Dexie was told.
    const indexes = store.db.backendDB().transaction('contacts').objectStore('contacts').indexNames;
    // (v6 then adds the other addresses' index.)
    expect([...indexes].sort()).toEqual(['facts.customerSince.value', 'otherEmails', 'updatedAt']);
    store.db.close();
  });
});

describe('data safety', () => {
  it('v1 -> current: every table, real-shaped rows, 100% kept and readable', async () => {
    const name = freshName();
    const old = await olderDb(name, 1);
    const source = { kind: 'crm', label: 'HubSpot', observedAt: T1 };
    const contacts = Array.from({ length: 300 }, (_, i) => ({
      email: `client${i}@firm${i % 17}.example`,
      name: i % 5 ? `Client ${i}` : `Zoë "Z" O'Connor & <${i}>`,
      company: `Firm ${i % 17}`,
      facts: {
        customerSince: { value: `2026-0${1 + (i % 9)}-1${i % 9}`, source },
        ...(i % 2 ? { nps: { value: { score: i % 11, answeredOn: '2026-10-01' }, source } } : {}),
        ...(i % 3 ? { csat: { value: 80, source } } : {}),
        ...(i % 4 ? { timeZone: { value: 'Europe/Paris', source } } : {}),
      },
      neverAsk: i % 50 === 0,
      lastSeenAt: T1,
      updatedAt: T1,
    }));
    const asks = Array.from({ length: 120 }, (_, i) => ({
      id: `ask-${i}`,
      email: contacts[i]!.email,
      templateId: 'default-ask',
      status: ['drafted', 'sent', 'accepted', 'converted'][i % 4],
      askedAt: T1,
      history: [{ status: 'drafted', at: T1 }],
      threadUrl: 'https://mail.google.com/mail/u/0/#inbox/abc',
    }));
    await old.table('contacts').bulkAdd(contacts);
    await old.table('asks').bulkAdd(asks);
    await old.table('kv').bulkAdd([
      { key: 'profile', value: { name: 'Alex', links: [] } },
      { key: 'settings', value: { satisfiedScore: 75 } },
    ]);
    old.close();

    const store = new Store(openDb(name));
    expect(await store.db.contacts.count()).toBe(300);
    expect(await store.db.asks.count()).toBe(120);
    for (const c of await store.db.contacts.toArray()) expect(Contact.safeParse(c).success, c.email).toBe(true);
    for (const a of await store.db.asks.toArray()) expect(Ask.safeParse(a).success, a.id).toBe(true);
    expect((await store.profile()).name).toBe('Alex');
    expect((await store.settings()).satisfiedScore).toBe(75);
    store.db.close();
  });

  it('an import that fails midway writes nothing (one transaction)', async () => {
    const store = new Store(openDb(freshName()));
    await store.importContacts([{ line: 2, email: 'keep@x.example', facts: { nps: 9 } }], { kind: 'import', observedAt: T1 }, T2);
    const rows = Array.from({ length: 100 }, (_, i) => ({ line: i + 2, email: `n${i}@x.example`, facts: { nps: 5 } }));
    const bulkPut = store.db.contacts.bulkPut.bind(store.db.contacts);
    // The worker dies after half the rows are written.
    store.db.contacts.bulkPut = (async (items: Contact[]) => {
      await bulkPut(items.slice(0, 50));
      throw new Error('service worker stopped');
    }) as never;
    await expect(store.importContacts(rows, { kind: 'import', observedAt: T2 }, T2)).rejects.toThrow('service worker stopped');
    store.db.contacts.bulkPut = bulkPut as never;
    expect(await store.db.contacts.count()).toBe(1);
    expect((await store.getContact('keep@x.example'))?.facts.nps?.value.score).toBe(9);
  });
});

describe('store', () => {
  it('import: one transaction, updates by email, reports counts', async () => {
    const store = new Store(openDb(freshName()));
    const source = { kind: 'import' as const, label: 'crm.csv', observedAt: T1 };
    const rows = [
      { line: 2, email: 'a@acme.example', name: 'A', facts: { nps: 9 } },
      { line: 3, email: 'b@acme.example', name: 'B', facts: { customerSince: '2026-07-01' } },
    ];
    expect(await store.importContacts(rows, source, T2)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await store.importContacts(rows, source, T2)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await store.importContacts([{ ...rows[0]!, facts: { nps: 10 } }], { ...source, observedAt: T2 }, T2)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await store.db.contacts.count()).toBe(2);
  });

  it('backup -> restore into another database is exact', async () => {
    const a = new Store(openDb(freshName()));
    await a.importContacts(
      [{ line: 2, email: 'a@acme.example', name: 'A', facts: { nps: 9, customerSince: '2026-07-01' } }],
      { kind: 'import', label: 'x.csv', observedAt: T1 },
      T2,
    );
    await a.addAsk({ id: 'a1', email: 'a@acme.example', templateId: 'default-ask', status: 'drafted', askedAt: T1, history: [{ status: 'drafted', at: T1 }] });
    await a.saveProfile({
      name: 'Alex',
      title: '',
      company: 'Northwind',
      aliases: [],
      orgDomains: ['northwind.example'],
      email: '',
      phone: '',
      links: ['https://n.example'],
      product: '',
      incentive: '',
      friendOffer: '',
      peerFirst: false,
      incentiveInAsk: false,
    });
    const backup = JSON.parse(JSON.stringify(await a.exportAll(T2)));
    const b = new Store(openDb(freshName()));
    await b.importContacts([{ line: 2, email: 'other@x.example', facts: {} }], { kind: 'import', observedAt: T1 }, T2);
    expect(await b.restoreAll(backup)).toEqual({ contacts: 1, asks: 1, templates: 9 });
    const again = JSON.parse(JSON.stringify(await b.exportAll(T2)));
    expect(again).toEqual(backup);
  });

  it('a large restore says how far it is, in order, up to every contact and ask; all of them are there after', async () => {
    const source = new Store(openDb(freshName()));
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ line: i + 2, email: `p${i}@x.example`, facts: {} }));
    await source.importContacts(rows, { kind: 'import', observedAt: T1 }, T2);
    const backup = await source.exportAll(T2);
    backup.asks = Array.from({ length: 3 }, (_, i) => ({ id: `a${i}`, email: `p${i}@x.example`, templateId: 't', status: 'sent', askedAt: T2, history: [] }));
    const store = new Store(openDb(freshName()));
    const heard: Array<[number, number]> = [];
    await store.restoreAll(backup, (done, total) => heard.push([done, total]));
    expect(heard).toEqual([
      [5_000, 12_003],
      [10_000, 12_003],
      [12_000, 12_003],
      [12_003, 12_003],
    ]);
    expect(await store.db.contacts.count()).toBe(12_000);
    expect(await store.db.asks.count()).toBe(3);
  });

  it('a restore over other data leaves exactly the backup: the same kept, the changed rewritten, the rest gone (issue 35)', async () => {
    const store = new Store(openDb(freshName()));
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ line: i + 2, email: `p${i}@x.example`, facts: { nps: i % 11 } }));
    await store.importContacts(rows as never, { kind: 'import', observedAt: T1 }, T2);
    const backup = JSON.parse(JSON.stringify(await store.exportAll(T2)));
    const ask = (i: number) => ({ id: `a${i}`, email: `p${i}@x.example`, templateId: 't', status: 'sent', askedAt: T2, history: [] });
    backup.asks = [ask(1), ask(2)];
    // After the backup: one contact changed, one added, one deleted; an ask changed, one added.
    await store.importContacts(
      [
        { line: 2, email: 'p5@x.example', facts: { nps: 0 } },
        { line: 3, email: 'new@x.example', facts: {} },
      ] as never,
      { kind: 'import', observedAt: T2 },
      T2,
    );
    await store.db.contacts.delete('p7@x.example');
    await store.db.asks.bulkPut([{ ...ask(1), status: 'declined' }, ask(3)] as never);
    const heard: Array<[number, number]> = [];
    await store.restoreAll(backup, (done, total) => heard.push([done, total]));
    expect(JSON.parse(JSON.stringify(await store.exportAll(T2)))).toEqual(backup);
    expect((await store.getContact('p5@x.example'))?.facts.nps?.value.score).toBe(5);
    expect(heard.at(-1)).toEqual([12_002, 12_002]);
    // Wholly other data (most of what is stored goes): the same outcome.
    const other = new Store(openDb(freshName()));
    await other.importContacts(
      [...Array(30).keys()].map((i) => ({ line: i + 2, email: `q${i}@y.example`, facts: {} })) as never,
      { kind: 'import', observedAt: T1 },
      T2,
    );
    await other.restoreAll(backup);
    expect(JSON.parse(JSON.stringify(await other.exportAll(T2)))).toEqual(backup);
  });

  it('records are the same whatever the order of their fields; a value, an element or a field more is a change', () => {
    expect(sameRecord({ a: 1, b: { c: [1, { d: 'x' }] } }, { b: { c: [1, { d: 'x' }] }, a: 1 })).toBe(true);
    expect(sameRecord({ a: 1, e: undefined }, { a: 1 })).toBe(true);
    expect(sameRecord({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameRecord({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameRecord({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameRecord({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameRecord({ a: '1' }, { a: 1 })).toBe(false);
  });

  it('a broken backup changes nothing', async () => {
    const store = new Store(openDb(freshName()));
    await store.importContacts([{ line: 2, email: 'keep@x.example', facts: {} }], { kind: 'import', observedAt: T1 }, T2);
    const backup = await store.exportAll(T2);
    await expect(store.restoreAll({ ...backup, contacts: [{ email: 'nope' }] } as never)).rejects.toThrow();
    expect(await store.db.contacts.count()).toBe(1);
  });

  const page = (facts: PageContext['facts']): PageContext => ({
    host: 'hubspot',
    hostLabel: 'HubSpot',
    url: 'https://app.hubspot.com/contacts/1/record/0-1/2',
    contact: { email: 'dana@acme.example', name: 'Dana' },
    facts,
    composeCount: 0,
    missing: [],
  });

  it('an older fact never overwrites a newer one', async () => {
    const store = new Store(openDb(freshName()));
    await store.updateContact('dana@acme.example', (c) => applyManualEdit(c, { nps: 9 }, T2), T2);
    const after = await store.updateContact('dana@acme.example', (c) => applyPage(c, page({ nps: 4, customerSince: '2026-06-01' }), T1), T1);
    expect(after.facts.nps?.value.score).toBe(9);
    expect(after.facts.customerSince).toMatchObject({ value: '2026-06-01', source: { kind: 'crm', label: 'HubSpot' } });
  });

  it('two concurrent edits of one contact both land', async () => {
    const store = new Store(openDb(freshName()));
    await Promise.all([
      store.updateContact('dana@acme.example', (c) => applyManualEdit(c, { nps: 10 }, T2), T2),
      store.updateContact('dana@acme.example', (c) => applyManualEdit(c, { csat: 95 }, T2), T2),
    ]);
    const c = await store.getContact('dana@acme.example');
    expect(c?.facts.nps?.value.score).toBe(10);
    expect(c?.facts.csat?.value).toBe(95);
  });

  it('asks keep their status history', async () => {
    const store = new Store(openDb(freshName()));
    await store.addAsk({
      id: 'a1',
      email: 'dana@acme.example',
      templateId: 'default-ask',
      status: 'drafted',
      askedAt: T1,
      history: [{ status: 'drafted', at: T1 }],
    });
    const ask = await store.updateAsk('a1', (a) => withStatus(a, 'sent', T2, { followUpBusinessDays: 3 }));
    expect(ask.history.map((h) => h.status)).toEqual(['drafted', 'sent']);
    expect(await store.asksFor('DANA@acme.example')).toHaveLength(1);
  });

  it('a fresh install has the default templates and an empty profile', async () => {
    const store = new Store(openDb(freshName()));
    expect((await store.templates()).length).toBeGreaterThanOrEqual(6);
    expect((await store.profile()).name).toBe('');
    expect((await store.settings()).windowOpensAfterMonths).toBe(3);
  });
});

describe('a large import is written while it is read (issue 16)', () => {
  const source = { kind: 'import' as const, label: 'big.csv', observedAt: T1 };
  const csv = (n: number, extra = '') => ['Email,Name,NPS', ...Array.from({ length: n }, (_, i) => `c${i}@x.example,Client ${i},${i % 11}`)].join('\n') + extra;
  const streamed = (text: string) => {
    let parsed: ParsedImport | undefined;
    return {
      rows: {
        expected: text.split('\n').length,
        read: async (onRow: (row: ImportedRow) => PromiseLike<unknown> | void) => (parsed = await streamContactsCsv(text, { today: '2026-12-01', onRow })),
      },
      parsed: () => parsed!,
    };
  };

  it('every row lands once; a later duplicate is written as merged; a second run finds them unchanged', async () => {
    const store = new Store(openDb(freshName()));
    // The last line repeats the first email with another NPS: the merged row wins.
    const { rows, parsed } = streamed(csv(6_000, '\nc0@x.example,,10'));
    expect(await store.importContacts(rows, source, T2)).toEqual({ created: 6_000, updated: 0, unchanged: 0 });
    expect(parsed().duplicates).toHaveLength(1);
    expect(await store.db.contacts.count()).toBe(6_000);
    expect((await store.getContact('c0@x.example'))?.facts.nps?.value.score).toBe(10);
    expect((await store.getContact('c0@x.example'))?.name).toBe('Client 0');
    expect((await store.getContact('c5999@x.example'))?.facts.nps?.value.score).toBe(5999 % 11);
    expect(await store.importContacts(streamed(csv(6_000, '\nc0@x.example,,10')).rows, source, T2)).toEqual({ created: 0, updated: 0, unchanged: 6_000 });
    // Its first write (NPS 0, before the duplicate merged in) did not stay.
    expect((await store.getContact('c0@x.example'))?.facts.nps?.value.score).toBe(10);
    // A duplicate that changes a stored contact counts it once, as updated.
    expect(await store.importContacts(streamed(csv(6_000, '\nc1@x.example,,3')).rows, source, T2)).toEqual({ created: 0, updated: 2, unchanged: 5_998 });
    store.db.close();
  });

  it('reading waits while the writes are behind: a bounded part of the file is held as records at once', async () => {
    const store = new Store(openDb(freshName()));
    const { rows } = streamed(csv(20_000));
    let handed = 0;
    let written = 0;
    let mostAhead = 0;
    const put = store.db.contacts.bulkPut.bind(store.db.contacts);
    vi.spyOn(store.db.contacts, 'bulkPut').mockImplementation(((records: Contact[]) =>
      put(records).then((key) => ((written += records.length), key))) as typeof store.db.contacts.bulkPut);
    const counting = {
      expected: rows.expected,
      read: (onRow: (row: ImportedRow) => PromiseLike<unknown> | void) =>
        rows.read((row) => {
          mostAhead = Math.max(mostAhead, ++handed - written);
          return onRow(row);
        }),
    };
    expect(await store.importContacts(counting, source, T2)).toEqual({ created: 20_000, updated: 0, unchanged: 0 });
    expect(await store.db.contacts.count()).toBe(20_000);
    // Chunks of 2,000: the one being written, two queued behind it, the one being read.
    expect(mostAhead).toBeLessThanOrEqual(8_000);
    store.db.close();
  });

  it('a read that fails after thousands of rows were handed over writes nothing', async () => {
    const store = new Store(openDb(freshName()));
    await store.importContacts([{ line: 2, email: 'keep@x.example', facts: { nps: 9 } }], source, T2);
    const { rows } = streamed(csv(6_000));
    const failing = {
      expected: rows.expected,
      read: async (onRow: (row: ImportedRow) => PromiseLike<unknown> | void) => {
        await rows.read(onRow);
        throw new Error('service worker stopped');
      },
    };
    await expect(store.importContacts(failing, source, T2)).rejects.toThrow('service worker stopped');
    expect(await store.db.contacts.count()).toBe(1);
    // A file refused whole once read (here: by the reader's verdict) writes nothing either.
    const refused = {
      expected: rows.expected,
      read: async (onRow: (row: ImportedRow) => PromiseLike<unknown> | void) => ({ ...(await rows.read(onRow)), refused: 'No email column.' }),
    };
    await expect(store.importContacts(refused, source, T2)).rejects.toBeInstanceOf(ImportRefused);
    expect(await store.db.contacts.count()).toBe(1);
    store.db.close();
  });
});

describe('what every sidebar view reads is kept in memory (issue 16)', () => {
  it('read once until written; every write through the store is seen at once; each caller gets its own copy', async () => {
    const store = new Store(openDb(freshName()));
    const reads = vi.spyOn(store.db.kv, 'get');
    const first = await store.profile();
    await store.profile();
    await store.settings();
    await store.settings();
    expect(reads).toHaveBeenCalledTimes(2);

    first.name = 'changed by a caller';
    expect((await store.profile()).name).not.toBe('changed by a caller');

    await store.saveProfile({ ...first, name: 'Alex' });
    expect((await store.profile()).name).toBe('Alex');
    await store.saveSettings({ ...(await store.settings()), askCooldownDays: 45 });
    expect((await store.settings()).askCooldownDays).toBe(45);
    await store.saveNeverAskList({ emails: ['ceo@rival.example'], domains: [] });
    expect((await store.neverAskList()).emails).toEqual(['ceo@rival.example']);
    const templates = await store.templates();
    await store.saveTemplate({ ...templates[0]!, name: 'Renamed' });
    expect((await store.templates()).some((t) => t.name === 'Renamed')).toBe(true);

    // A restore replaces them all: read again.
    const backup = await store.exportAll(T2);
    await store.saveProfile({ ...(await store.profile()), name: 'After the backup' });
    await store.restoreAll(backup);
    expect((await store.profile()).name).toBe('Alex');
    store.db.close();
  });
});
