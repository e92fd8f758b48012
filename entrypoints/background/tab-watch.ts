/**
 * Tab events (a tab navigated, a tab closed), listened to only while the worker knows some tab: a
 * page read there, its sidebar or side panel open. A listener registered for the worker's whole
 * life also wakes the stopped worker for every page load, title change and closed tab anywhere in
 * the browser: the worker started ~40 ms before each popup the bench opened in a new tab, and a
 * popup opened cold drew its first screen ~30 ms later for it (issue 35). What a tab did while the
 * worker slept is checked when the tab is next asked about (`SidebarHub.page`).
 *
 * Chromium remembers a listener added at any time as one that wakes the worker, even in its next
 * life (measured: stopped while listening, it woke for every page load after). So a worker that
 * starts with nothing to watch takes that back once: adding and removing the listener forgets it.
 */
import { browser, type Browser } from 'wxt/browser';

type Updated = (tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => void;
type Removed = (tabId: number) => void;

export interface TabWatcher {
  updated?: Updated;
  removed?: Removed;
  /** Whether this watcher knows any tab now: the events are listened to while one does. */
  watching: () => boolean;
}

export class TabWatch {
  private readonly watchers: TabWatcher[] = [];
  private listening = false;
  private started = false;

  private readonly updated: Updated = (tabId, change, tab) => {
    for (const w of this.watchers) w.updated?.(tabId, change, tab);
    this.check();
  };

  private readonly removed: Removed = (tabId) => {
    for (const w of this.watchers) w.removed?.(tabId);
    this.check();
  };

  add(watcher: TabWatcher): void {
    this.watchers.push(watcher);
    this.check();
  }

  /** Listens while some watcher knows a tab, and stops once none does; called after each change to what they know. */
  check(): void {
    const wanted = this.watchers.some((w) => w.watching());
    const first = !this.started;
    this.started = true;
    if (wanted === this.listening && !first) return;
    this.listening = wanted;
    if (wanted || first) {
      browser.tabs.onUpdated.addListener(this.updated);
      browser.tabs.onRemoved.addListener(this.removed);
    }
    if (!wanted) {
      browser.tabs.onUpdated.removeListener(this.updated);
      browser.tabs.onRemoved.removeListener(this.removed);
    }
  }
}
