/**
 * The browser's side panel (issue 20), from the background: on the tabs whose sidebar shows in the
 * panel (by the user's choice for the host family, and always on a CRM site they added) the
 * toolbar button and the show/hide shortcut open the panel instead of the popup and the in-page
 * sidebar. The choice is kept in memory too: a gesture-gated `open()` cannot wait on storage.
 */
import { browser } from 'wxt/browser';
import { openSidePanel } from '../sidebar/side-panel';
import { DEFAULT_PLACES, placeFor, type Places } from '@/lib/sidebar-place';
import { PLACES, watchPref } from '@/lib/prefs';
import { TabWatch } from './tab-watch';

export class SidePanelPlacement {
  private places: Places = DEFAULT_PLACES;
  /** Each tab's host, as its last page read said. */
  private hosts = new Map<number, string>();
  private readonly tabs = new TabWatch();

  start(): void {
    // For the worker's life: it ends with it.
    watchPref(
      PLACES,
      (places) => {
        this.places = places;
        for (const [tabId, host] of this.hosts) void this.setAction(tabId, host);
      },
      new AbortController().signal,
    );
    // Only called on tabs whose popup was taken away (below): there the button opens the panel.
    browser.action.onClicked.addListener((tab) => {
      if (tab.id !== undefined) void openSidePanel(tab.id).catch(() => undefined);
    });
    // A navigation resets the tab's own popup to the default: the next page read sets it again.
    // Listened to only while a tab is known here (`tab-watch.ts`); a worker that slept meanwhile
    // knows no tab, so the next read sets the popup again anyway.
    this.tabs.add({
      updated: (tabId, change) => {
        if (change.status === 'loading') this.hosts.delete(tabId);
      },
      removed: (tabId) => this.hosts.delete(tabId),
      watching: () => this.hosts.size > 0,
    });
  }

  /** True when this tab's sidebar is the side panel (known without waiting: for a shortcut's gesture). */
  inPanel(tabId: number): boolean {
    const host = this.hosts.get(tabId);
    return host !== undefined && placeFor(host, this.places) === 'panel';
  }

  /** A tab read a page of `host`: its toolbar button opens the popup, or the panel where that is its sidebar. */
  async pageRead(tabId: number, host: string): Promise<void> {
    if (this.hosts.get(tabId) === host) return;
    this.hosts.set(tabId, host);
    this.tabs.check();
    await this.setAction(tabId, host);
  }

  private async setAction(tabId: number, host: string): Promise<void> {
    const popup = placeFor(host, this.places) === 'panel' ? '' : 'popup.html';
    try {
      await browser.action.setPopup({ tabId, popup });
    } catch {
      // A tab closed meanwhile: nothing to set.
    }
  }
}
