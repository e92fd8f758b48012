import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import type { Contact, FactSource } from '@/lib/model';
import { QueueCache } from './queue-cache';
import { refreshOnChange } from './refresh';
import { OpenAsks } from './open-asks';
import { SidebarHub } from './sidebar-hub';

const NOW = new Date(2026, 10, 22, 12);
const src: FactSource = { kind: 'import', observedAt: '2026-11-01T00:00:00.000Z' };
let n = 0;

function setup() {
  const store = new Store(openDb(`queue-cache-test-${++n}`));
  const queue = new QueueCache(store, () => NOW);
  const hub = new SidebarHub(store, () => NOW);
  vi.spyOn(hub, 'refresh').mockResolvedValue();
  vi.spyOn(hub, 'refreshAll').mockResolvedValue();
  refreshOnChange(store, { hub, queue, openAsks: new OpenAsks(store) });
  return { store, queue };
}
const contact = (i: number, since: string, nps: number, company = ''): Contact => ({
  email: `p${i}@${company ? 'gmail.com' : `c${i % 3}.example`}`,
  name: `Person ${i}`,
  company,
  facts: { customerSince: { value: since, source: src }, nps: { value: { score: nps, answeredOn: '2026-11-01' }, source: src } },
  neverAsk: false,
  updatedAt: src.observedAt,
});
/** What a queue computed from nothing says now (the saved copy removed first: it would be read instead). */
const fresh = async (store: Store) => (await store.dropView('queue'), new QueueCache(store, () => NOW).rows(NOW));
const settle = () => new Promise((r) => setTimeout(r, 5));

describe('the queue patched from one contact (issue 16)', () => {
  it('a fact typed for a contact is worked in from that contact alone, and equals the queue computed afresh', async () => {
    const { store, queue } = setup();
    for (let i = 0; i < 12; i++)
      await store.updateContact(`p${i}@c${i % 3}.example`, () => contact(i, `2026-0${6 + (i % 4)}-1${i % 9}`, 6 + (i % 5)), src.observedAt);
    const before = await queue.rows(NOW);
    expect(before.total).toBeGreaterThan(0);
    const readRange = vi.spyOn(store, 'contactsStartedBetween');
    // p0 becomes a promoter: in the queue now.
    await store.updateContact(
      'p0@c0.example',
      (c) => ({ ...c, facts: { ...c.facts, nps: { value: { score: 10, answeredOn: '2026-11-20' }, source: src } } }),
      src.observedAt,
    );
    await settle();
    const after = await queue.rows(NOW);
    expect(readRange).not.toHaveBeenCalled();
    expect(await store.savedView('queue')).toMatchObject({ value: after });
    expect(after).toEqual(await fresh(store));
    expect(after.rows.map((r) => r.email)).toContain('p0@c0.example');
  });

  it('any sequence of contact edits, asks and renames leaves the same queue as computing it afresh', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('nps' as const), who: fc.integer({ min: 0, max: 7 }), score: fc.integer({ min: 0, max: 10 }) }),
            fc.record({ kind: fc.constant('since' as const), who: fc.integer({ min: 0, max: 7 }), month: fc.integer({ min: 5, max: 10 }) }),
            fc.record({ kind: fc.constant('ask' as const), who: fc.integer({ min: 0, max: 7 }) }),
            fc.record({ kind: fc.constant('rename' as const), who: fc.integer({ min: 0, max: 7 }) }),
            // The popup opened: the queue is computed (or patched) then.
            fc.record({ kind: fc.constant('look' as const), who: fc.constant(0) }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        async (steps) => {
          const { store, queue } = setup();
          const email = (i: number) => contact(i, '2026-07-01', 9, i % 4 === 0 ? 'Acme' : '').email;
          for (let i = 0; i < 8; i++)
            await store.updateContact(
              email(i),
              () => contact(i, `2026-0${6 + (i % 3)}-0${1 + i}`, i % 4 === 0 ? 9 : 7 + (i % 4), i % 4 === 0 ? 'Acme' : ''),
              src.observedAt,
            );
          await queue.rows(NOW);
          for (const [k, step] of steps.entries()) {
            const who = email(step.who);
            if (step.kind === 'nps')
              await store.updateContact(who, (c) => ({ ...c, facts: { ...c.facts, nps: { value: { score: step.score }, source: src } } }), src.observedAt);
            if (step.kind === 'since')
              await store.updateContact(
                who,
                (c) => ({ ...c, facts: { ...c.facts, customerSince: { value: `2026-${String(step.month).padStart(2, '0')}-15`, source: src } } }),
                src.observedAt,
              );
            if (step.kind === 'rename')
              await store.updateContact(who, (c) => ({ ...c, name: `Renamed ${k}`, company: c.company && `Acme ${k}` }), src.observedAt);
            if (step.kind === 'look') await queue.rows(NOW);
            if (step.kind === 'ask')
              await store.addAsk({ id: `a${k}`, email: who, templateId: 'default-ask', status: 'sent', askedAt: '2026-11-18T10:00:00.000Z', history: [] });
          }
          await settle();
          const patched = await queue.rows(NOW);
          expect(patched).toEqual(await fresh(store));
          store.db.close();
        },
      ),
      { numRuns: 80 },
    );
  });
});
