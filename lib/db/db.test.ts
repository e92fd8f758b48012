import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyManualEdit, applyPage } from '../contacts';
import type { PageContext } from '../hosts/types';
import { openDb, SCHEMA_V1 } from './index';
import { Store } from './store';

let n = 0;
const freshName = () => `test-db-${Date.now()}-${n++}`;
const T1 = '2026-11-01T10:00:00.000Z';
const T2 = '2026-11-20T10:00:00.000Z';

describe('schema migrations', () => {
  // The pattern for every future version: write real-shaped rows with the old schema, reopen
  // with openDb() (the newest), and check that every row is still there and readable.
  it('v1 rows survive reopening with the current schema', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
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
    expect(await new Store(db).getContact('C7@acme.example')).toMatchObject({ name: 'Client 7' });
    db.close();
  });
});

describe('store', () => {
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
    await store.addAsk({ id: 'a1', email: 'dana@acme.example', templateId: 'default-ask', status: 'drafted', askedAt: T1, history: [{ status: 'drafted', at: T1 }] });
    const ask = await store.setAskStatus('a1', 'sent', T2);
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
