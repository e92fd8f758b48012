import { describe, expect, it, vi } from 'vitest';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import type { Ask } from '@/lib/model';
import { NOW, setup } from './handlers/testing';
import { OpenAsks } from './open-asks';
import { SavedView } from './saved-view';

let n = 0;
const freshStore = () => new Store(openDb(`saved-view-test-${++n}`));
const at = (iso: string) => new Date(iso);

describe('saved views (issue 16): a popup opened after the service worker slept reads one row', () => {
  it('a restarted worker reads what the last one saved, without computing', async () => {
    const store = freshStore();
    const first = vi.fn(async () => ({ value: ['computed once'] }));
    expect(await new SavedView(store, 'v', first).get(at('2026-11-25T10:00:00Z'))).toEqual(['computed once']);
    // A new worker: nothing in memory, the same database.
    const second = vi.fn(async () => ({ value: ['computed again'] }));
    expect(await new SavedView(store, 'v', second).get(at('2026-11-25T15:00:00Z'))).toEqual(['computed once']);
    expect(second).not.toHaveBeenCalled();
  });

  it('is computed again after a drop, the next day, and once its own "until" passes', async () => {
    const store = freshStore();
    let calls = 0;
    const view = new SavedView(store, 'v', async () => ({ value: ++calls, until: '2026-11-25T12:00:00.000Z' }));
    expect(await view.get(at('2026-11-25T10:00:00Z'))).toBe(1);
    expect(await view.get(at('2026-11-25T11:00:00Z'))).toBe(1);
    // A follow-up falls due at noon: the list differs from then on, with no write.
    expect(await view.get(at('2026-11-25T12:30:00Z'))).toBe(2);
    await view.drop();
    expect(await new SavedView(store, 'v', async () => ({ value: 99 })).get(at('2026-11-25T10:00:00Z'))).toBe(99);
    const daily = new SavedView(store, 'd', async () => ({ value: ++calls }));
    const today = await daily.get(at('2026-11-25T10:00:00Z'));
    expect(await daily.get(at('2026-11-26T10:00:00Z'))).toBe(today + 1);
  });

  it('a write during a computation: the result is not saved, so the next reader computes afresh', async () => {
    const store = freshStore();
    let release!: () => void;
    let calls = 0;
    const view = new SavedView(store, 'v', async () => {
      calls++;
      if (calls === 1) await new Promise<void>((r) => (release = r));
      return { value: calls };
    });
    const pending = view.get(at('2026-11-25T10:00:00Z'));
    await vi.waitFor(() => expect(calls).toBe(1));
    await view.drop();
    release();
    expect(await pending).toBe(1);
    expect(await store.savedView('v')).toBeUndefined();
    expect(await view.get(at('2026-11-25T10:00:00Z'))).toBe(2);
  });

  it('the popup list: a status changed in the popup shows at once, and a restarted worker shows it too', async () => {
    const { call, store } = setup();
    const ask = (id: string, status: Ask['status']): Ask => ({
      id,
      email: `${id}@acme.example`,
      templateId: 'default-ask',
      status,
      askedAt: '2026-11-20T10:00:00.000Z',
      followUpAt: '2026-12-20T10:00:00.000Z',
      history: [{ status: 'drafted', at: '2026-11-20T10:00:00.000Z' }],
    });
    await store.addAsk(ask('a1', 'sent'));
    await store.addAsk(ask('a2', 'sent'));
    const list = () => call('asks/list', {}, { role: 'popup' });
    expect((await list()).rows.map((r) => r.ask.status)).toEqual(['sent', 'sent']);
    expect(await store.savedView('open-asks')).toBeTruthy();

    await call('ask/status', { id: 'a1', status: 'declined' }, { role: 'popup' });
    expect((await list()).rows.map((r) => [r.ask.id, r.ask.status])).toEqual([['a2', 'sent']]);

    // The worker restarts: the saved page is the one after the change, read without reading the asks.
    const readAll = vi.spyOn(store, 'allAsks');
    const restarted = new OpenAsks(store);
    expect((await restarted.list(NOW)).rows.map((r) => r.ask.id)).toEqual(['a2']);
    expect(readAll).not.toHaveBeenCalled();
    // Any other page or filter is computed when asked.
    expect((await restarted.list(NOW, { filter: 'all' })).total).toBe(2);
    expect(readAll).toHaveBeenCalled();
  });
});
