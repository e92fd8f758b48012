import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { ASKS_PAGE, FIRST_ASKS } from '@/lib/messaging/popup-views';
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
});
