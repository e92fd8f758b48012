/**
 * One case, one answer (issue 29): for random contacts, asks and settings, the sidebar's advice,
 * Compose in Gmail's and the queue's agree, each through the code that serves it (the hub's case
 * and view, the compose handler, the saved queue).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { addDays, subDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/engine';
import type { Ask, AskStatus } from '@/lib/model';
import { buildContactView } from '@/lib/views';
import { NOW, setup } from './handlers/testing';

const EMAIL = 'dana@acme.example';
const day = (offset: number) => addDays(NOW, offset).toISOString().slice(0, 10);
const source = { kind: 'manual' as const, observedAt: subDays(NOW, 1).toISOString() };
const STATUSES: AskStatus[] = ['drafted', 'sent', 'accepted', 'declined', 'introduced', 'no-response'];

const caseArb = fc.record({
  startedDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  openTickets: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  neverAsk: fc.boolean(),
  snoozedDays: fc.option(fc.integer({ min: -5, max: 20 }), { nil: undefined }),
  asks: fc.array(
    fc.record({ daysAgo: fc.integer({ min: 0, max: 200 }), status: fc.constantFrom(...STATUSES), discarded: fc.boolean(), dismissed: fc.boolean() }),
    { maxLength: 2 },
  ),
  settings: fc.record({
    askCooldownDays: fc.integer({ min: 10, max: 120 }),
    followUpBusinessDays: fc.integer({ min: 1, max: 10 }),
    queueLookaheadDays: fc.integer({ min: 0, max: 30 }),
    satisfiedScore: fc.integer({ min: 40, max: 90 }),
  }),
});

describe('one case per contact', () => {
  it("the sidebar's advice, Compose in Gmail's and the queue's agree", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const { store, deps, call } = setup();
        await store.saveSettings({ ...DEFAULT_SETTINGS, ...c.settings });
        await store.writeContact(
          EMAIL,
          (contact) => ({
            ...contact,
            name: 'Dana Whitfield',
            company: 'Acme',
            neverAsk: c.neverAsk,
            ...(c.snoozedDays !== undefined ? { snoozedUntil: day(c.snoozedDays) } : {}),
            facts: {
              ...(c.startedDaysAgo !== undefined ? { customerSince: { value: day(-c.startedDaysAgo), source } } : {}),
              ...(c.nps !== undefined ? { nps: { value: { score: c.nps }, source } } : {}),
              ...(c.openTickets !== undefined ? { openTickets: { value: c.openTickets, source } } : {}),
            },
          }),
          NOW.toISOString(),
        );
        for (const [i, a] of c.asks.entries()) {
          const at = subDays(NOW, a.daysAgo).toISOString();
          await store.addAsk({
            id: `ask-${i}`,
            email: EMAIL,
            templateId: 'default-ask',
            status: a.status,
            askedAt: at,
            history: [{ status: a.status, at }],
            followUpAt: addDays(new Date(at), 7).toISOString(),
            ...(a.dismissed ? { followUpDismissed: true } : {}),
            ...(a.discarded ? { discardedAt: at } : {}),
          } as Ask);
        }
        // The sidebar: the hub's own case, judged into the view it sends.
        const loaded = await deps.cases.load(EMAIL);
        const page = { host: 'gmail' as const, hostLabel: 'Gmail', url: 'https://mail.google.com/mail/u/0/', composeCount: 1, missing: [] };
        const view = buildContactView({ page, ...loaded, now: NOW });
        // The queue, as the popup lists it.
        const row = (await call('queue/list', {}, { role: 'popup' })).rows.find((r) => r.email === EMAIL);
        // Compose in Gmail, as the popup's button calls it.
        const composed = await call('queue/compose', { email: EMAIL }, { role: 'popup' }).catch((e: Error) => e);

        const kind = view.evaluation.verdict.kind;
        if (composed instanceof Error) {
          expect(composed.message).toMatch(/never-ask list/);
          expect(kind).toBe('never-ask');
        } else {
          const wroteAsk = new URL(composed.url).searchParams.has('body');
          expect(wroteAsk, `${kind}: Compose in Gmail writes the ask exactly where the sidebar advises it`).toBe(view.askAdvised);
          if (!view.askAdvised) expect(composed.note).toMatch(/^No ask written in/);
        }
        if (view.askAdvised) expect(view.insertNeedsConfirmation).toBe(false);
        if (row) {
          expect(row.verdict.kind).toBe(kind);
          expect(view.draftedAt, 'a client with an open draft is not queued').toBeUndefined();
          expect(['ask-now', 'too-early']).toContain(kind);
          expect(view.askAdvised).toBe(kind === 'ask-now');
        } else if (kind === 'ask-now') {
          // Out of the queue while the window is open: an open draft, and nothing else, keeps them out.
          expect(view.draftedAt).toBeDefined();
        }
        await store.db.delete();
      }),
      { numRuns: 100, seed: Number(process.env.CASE_SEED ?? 20261206) },
    );
  }, 60_000);
});
