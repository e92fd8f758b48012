import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ASKS_PAGE, FIRST_ASKS, FIRST_SCREEN, firstScreenHolds } from '@/lib/messaging/popup-views';
import { OpenAsks } from './open-asks';
import { SavedView } from './saved-view';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describe('the open asks the popup opens to', () => {
  it('are kept saved for exactly the request the popup sends first, and only that one is served from there', async () => {
    const store = new Store(openDb('open-asks-test'));
    const open = new OpenAsks(store, () => NOW);
    const saved = vi.spyOn(SavedView.prototype, 'get');
    await open.list(NOW, FIRST_ASKS);
    expect(saved).toHaveBeenCalledTimes(1);
    saved.mockClear();
    // "Show more", a search or another filter: computed when asked, never the saved page.
    await open.list(NOW, { ...FIRST_ASKS, limit: ASKS_PAGE * 6 });
    await open.list(NOW, { ...FIRST_ASKS, query: 'ada' });
    await open.list(NOW, { ...FIRST_ASKS, filter: 'all' });
    expect(saved).not.toHaveBeenCalled();
    // The popup's request with its defaults left out is still the first page.
    await open.list(NOW, {});
    expect(saved).toHaveBeenCalledTimes(1);
    saved.mockRestore();
  });

  it('keep their first screen in storage.local for the popup to draw before React; a write to asks removes it', async () => {
    fakeBrowser.reset();
    const store = new Store(openDb('open-asks-first-screen'));
    const open = new OpenAsks(store, () => NOW);
    for (let i = 0; i < 15; i++) {
      await store.updateContact(`c${i}@client.example`, (c) => ({ ...c, name: `Client ${i}` }), NOW.toISOString());
      await store.addAsk({ id: `a${i}`, email: `c${i}@client.example`, templateId: 'default-ask', status: 'sent', askedAt: NOW.toISOString(), history: [] });
    }
    const page = await open.list(NOW, FIRST_ASKS);
    const stored = (await fakeBrowser.storage.local.get('popup:first-asks'))['popup:first-asks'];
    expect(firstScreenHolds(stored, NOW)).toBe(true);
    expect(stored).toMatchObject({ total: 15, rows: page.rows.slice(0, FIRST_SCREEN) });
    await open.changed({ asks: true, emails: ['c1@client.example'] });
    expect(await fakeBrowser.storage.local.get('popup:first-asks')).toEqual({});
  });
});
