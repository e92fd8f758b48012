import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COLLAPSED } from '@/lib/prefs';
import { runCommand } from './commands';

const COLLAPSED_KEY = COLLAPSED.key;

describe('keyboard shortcuts', () => {
  it('toggle flips the sidebar between collapsed and expanded (expanded on a fresh profile)', async () => {
    const insert = vi.fn();
    await runCommand('toggle-sidebar', undefined, insert);
    expect((await fakeBrowser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]).toBe(true);
    await runCommand('toggle-sidebar', undefined, insert);
    expect((await fakeBrowser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]).toBe(false);
    expect(insert).not.toHaveBeenCalled();
  });

  it('insert acts on the tab the shortcut was pressed in, and only with a tab', async () => {
    const insert = vi.fn(async () => undefined);
    await runCommand('insert-ask', { id: 12 } as never, insert);
    expect(insert).toHaveBeenCalledWith(12);
    await runCommand('insert-ask', undefined, insert);
    await runCommand('something-else', { id: 3 } as never, insert);
    expect(insert).toHaveBeenCalledTimes(1);
  });

  it("where the sidebar is the browser's side panel, the show/hide shortcut opens the panel beside that tab and leaves the in-page state alone (issue 20)", async () => {
    const open = vi.fn(async () => undefined);
    const scope = globalThis as { chrome?: unknown };
    const before = scope.chrome;
    scope.chrome = { sidePanel: { open } };
    try {
      await runCommand('toggle-sidebar', { id: 7 } as never, vi.fn(), (tabId) => tabId === 7);
      expect(open).toHaveBeenCalledWith({ tabId: 7 });
      expect((await fakeBrowser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]).toBeUndefined();
      // Another tab, whose sidebar is in the page: the shortcut collapses it as before.
      await runCommand('toggle-sidebar', { id: 8 } as never, vi.fn(), (tabId) => tabId === 7);
      expect(open).toHaveBeenCalledTimes(1);
      expect((await fakeBrowser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]).toBe(true);
    } finally {
      scope.chrome = before;
    }
  });
});
