import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import type { Ask } from '@/lib/model';
import { NOW, setup } from './handlers/testing';
import { OpenAsks } from './open-asks';
import { keepViewsReady, NEW_DAY_ALARM, nextDayStart, SavedView } from './saved-view';

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
    const restarted = new OpenAsks(store, () => NOW);
    expect((await restarted.list(NOW)).rows.map((r) => r.ask.id)).toEqual(['a2']);
    expect(readAll).not.toHaveBeenCalled();
    // Any other page or filter is computed when asked.
    expect((await restarted.list(NOW, { filter: 'all' })).total).toBe(2);
    expect(readAll).toHaveBeenCalled();
  });
});

describe('the saved popup page after the worker restarted', () => {
  const ask: Ask = {
    id: 'a1',
    email: 'dana@acme.example',
    templateId: 'default-ask',
    status: 'sent',
    askedAt: '2026-11-20T10:00:00.000Z',
    followUpAt: '2026-12-20T10:00:00.000Z',
    history: [{ status: 'drafted', at: '2026-11-20T10:00:00.000Z' }],
  };
  const rename = (store: Store, email: string, name: string) => store.writeContact(email, (c) => ({ ...c, name }), NOW.toISOString());
  const restart = (store: Store) => {
    const openAsks = new OpenAsks(store, () => NOW);
    store.onChange((change) => void openAsks.changed(change));
    return openAsks;
  };

  it('a person renamed after the page was read from the database shows their new name', async () => {
    const store = freshStore();
    await rename(store, ask.email, 'Dana Old');
    await store.addAsk(ask);
    expect((await new OpenAsks(store, () => NOW).list(NOW)).rows.map((r) => r.name)).toEqual(['Dana Old']);

    const restarted = restart(store);
    // The new worker reads the saved page (it computed nothing), then the sidebar renames Dana.
    expect((await restarted.list(NOW)).rows.map((r) => r.name)).toEqual(['Dana Old']);
    await rename(store, ask.email, 'Dana New');
    await vi.waitFor(async () => expect((await restarted.list(NOW)).rows.map((r) => r.name)).toEqual(['Dana New']));
    // And the next worker too: what was saved before the rename is gone.
    expect((await new OpenAsks(store, () => NOW).list(NOW)).rows.map((r) => r.name)).toEqual(['Dana New']);
  });

  it('before it has read the page, a worker assumes any contact change may touch it', async () => {
    const store = freshStore();
    await rename(store, ask.email, 'Dana Old');
    await store.addAsk(ask);
    await new OpenAsks(store, () => NOW).list(NOW);
    restart(store);
    await rename(store, ask.email, 'Dana New');
    await vi.waitFor(async () => expect(await store.savedView('open-asks')).toBeUndefined());
    expect((await new OpenAsks(store, () => NOW).list(NOW)).rows.map((r) => r.name)).toEqual(['Dana New']);
  });

  it('a change to someone not on the page keeps the saved page, and a burst of them deletes nothing', async () => {
    const store = freshStore();
    await rename(store, ask.email, 'Dana');
    await store.addAsk(ask);
    const openAsks = restart(store);
    await openAsks.list(NOW);
    const drop = vi.spyOn(store, 'dropView');
    for (let i = 0; i < 5; i++) await rename(store, `other${i}@elsewhere.example`, `Other ${i}`);
    await new Promise((r) => setTimeout(r, 0));
    expect(drop).not.toHaveBeenCalled();
    expect(await store.savedView('open-asks')).toBeTruthy();
  });
});

describe('a saved view deletes its saved copy once a burst of changes', () => {
  it('the first change deletes it; the next ones know nothing is saved', async () => {
    const store = freshStore();
    const view = new SavedView(
      store,
      'v',
      async () => ({ value: 1 }),
      () => NOW,
    );
    await view.get(NOW);
    const drop = vi.spyOn(store, 'dropView');
    await view.drop();
    await view.drop();
    await view.mend(async () => ({ value: 2 }));
    expect(drop).toHaveBeenCalledTimes(1);
    expect(await store.savedView('v')).toBeUndefined();
    // Saved again when read: the next change deletes it again.
    expect(await view.get(NOW)).toBe(2);
    expect(await store.savedView('v')).toBeTruthy();
    await view.drop();
    expect(drop).toHaveBeenCalledTimes(2);
    expect(await store.savedView('v')).toBeUndefined();
  });

  it('a worker that just started deletes the copy the last one left, though it never read it', async () => {
    const store = freshStore();
    await new SavedView(store, 'v', async () => ({ value: 1 })).get(at('2026-11-25T10:00:00Z'));
    await new SavedView(store, 'v', async () => ({ value: 2 })).drop();
    expect(await store.savedView('v')).toBeUndefined();
  });
});

describe('saved views are ready in the morning (issue 16)', () => {
  it('an alarm just after local midnight computes them again, and sets itself for the next night', async () => {
    const warm = vi.fn(async () => undefined);
    const evening = new Date(2026, 10, 25, 22, 30);
    keepViewsReady([warm], ['follow-ups'], () => evening);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(NEW_DAY_ALARM)).toBeDefined());
    expect((await fakeBrowser.alarms.get(NEW_DAY_ALARM))!.scheduledTime).toBe(new Date(2026, 10, 26, 0, 1).getTime());
    expect(warm).not.toHaveBeenCalled();
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEW_DAY_ALARM, scheduledTime: Date.now() });
    expect(warm).toHaveBeenCalledTimes(1);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'follow-ups', scheduledTime: Date.now() });
    expect(warm).toHaveBeenCalledTimes(2);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'weekly-queue', scheduledTime: Date.now() });
    expect(warm).toHaveBeenCalledTimes(2);
  });

  it('the next day starts at local midnight, whatever the length of the day (daylight saving)', () => {
    expect(new Date(nextDayStart(new Date(2026, 2, 28, 23, 59))).getDate()).toBe(29);
    expect(new Date(nextDayStart(new Date(2026, 11, 31, 12))).getFullYear()).toBe(2027);
  });
});

describe('saved views compute once at a time', () => {
  it('two readers while it is being computed share one computation', async () => {
    const store = freshStore();
    const compute = vi.fn(async () => ({ value: 'once' }));
    const view = new SavedView(store, 'v', compute);
    const now = at('2026-11-25T10:00:00Z');
    expect(await Promise.all([view.get(now), view.get(now)])).toEqual(['once', 'once']);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});
