/**
 * CRM sites the user added: each origin is granted by the user in Chrome's prompt (optional host
 * permission), gets the content script registered for it, and keeps the selectors picked there.
 */
import { browser } from 'wxt/browser';
import type { Store } from '@/lib/db/store';
import type { CustomPicks } from '@/lib/hosts/custom-fields';
import { isNamedHost } from '@/lib/hosts/registry';

export interface CustomSite {
  origin: string;
  picks: CustomPicks;
}

const KEY = 'customSites' as const;
/** Picks made on the named hosts' pages where a field could not be read, by origin. */
const HOST_PICKS = 'hostPicks' as const;
const scriptId = (origin: string) => `custom-${origin.replace(/[^a-z0-9]/gi, '_')}`;
const pattern = (origin: string) => `${origin}/*`;

export class CustomSites {
  constructor(private readonly store: Store) {}

  list(): Promise<CustomSite[]> {
    return this.store.value(KEY);
  }

  async picks(origin: string): Promise<CustomPicks | null> {
    const site = (await this.list()).find((s) => s.origin === origin);
    if (site) return site.picks;
    return (await this.hostPicks())[origin] ?? null;
  }

  hostPicks(): Promise<Record<string, CustomPicks>> {
    return this.store.value(HOST_PICKS);
  }

  /** Forgets what was picked on a named host's pages: its own reading applies again. */
  async resetHostPicks(origin: string): Promise<void> {
    const { [origin]: _gone, ...rest } = await this.hostPicks();
    await this.store.setValue(HOST_PICKS, rest);
  }

  async add(origin: string): Promise<void> {
    if (!(await browser.permissions.contains({ origins: [pattern(origin)] }))) {
      throw new Error(`Access to ${origin} was not granted, so it cannot be read.`);
    }
    const sites = await this.list();
    if (!sites.some((s) => s.origin === origin)) await this.store.setValue(KEY, [...sites, { origin, picks: {} }]);
    await this.register();
  }

  async remove(origin: string): Promise<void> {
    await this.store.setValue(
      KEY,
      (await this.list()).filter((s) => s.origin !== origin),
    );
    await browser.scripting.unregisterContentScripts({ ids: [scriptId(origin)] }).catch(() => undefined);
    await browser.permissions.remove({ origins: [pattern(origin)] }).catch(() => undefined);
  }

  async savePicks(origin: string, picks: CustomPicks): Promise<void> {
    const sites = await this.list();
    if (isNamedHost(origin)) {
      await this.store.setValue(HOST_PICKS, { ...(await this.hostPicks()), [origin]: picks });
      return;
    }
    if (!sites.some((s) => s.origin === origin)) throw new Error(`${origin} is not one of your CRM sites.`);
    await this.store.setValue(
      KEY,
      sites.map((s) => (s.origin === origin ? { origin, picks } : s)),
    );
  }

  /** Makes the registered content scripts match the list (sites whose permission is gone are skipped). */
  async register(): Promise<void> {
    const sites = await this.list();
    const registered = new Set((await browser.scripting.getRegisteredContentScripts()).map((s) => s.id));
    for (const site of sites) {
      if (registered.has(scriptId(site.origin))) continue;
      if (!(await browser.permissions.contains({ origins: [pattern(site.origin)] }))) continue;
      await browser.scripting.registerContentScripts([
        { id: scriptId(site.origin), matches: [pattern(site.origin)], js: ['content-scripts/host.js'], runAt: 'document_idle' },
      ]);
    }
  }

  async startPicker(tabId: number): Promise<void> {
    const tab = await browser.tabs.get(tabId);
    const origin = tab.url ? new URL(tab.url).origin : '';
    if (!isNamedHost(origin) && !(await this.picks(origin))) throw new Error('Add this site under Settings → Other CRMs first.');
    await browser.scripting.executeScript({ target: { tabId }, files: ['/picker.js'] });
  }
}
