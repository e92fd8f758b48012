/**
 * Knows which page each tab shows and which sidebar is open in it, and sends each sidebar its
 * view whenever its page or its contact's data changes. Page contexts are mirrored in
 * `storage.session` so that a service worker restarted by the browser still knows them.
 */
import { browser, type Browser } from 'wxt/browser';
import { dequal } from 'dequal/lite';
import { applyPage, emptyContact } from '@/lib/contacts';
import { Contact } from '@/lib/model';
import type { Profile, Template } from '@/lib/templates/schema';
import type { Store } from '@/lib/db/store';
import type { PageContext } from '@/lib/hosts/types';
import { settlePage } from '@/lib/hosts/settle';
import { toDay } from '@/lib/day';
import { PANEL_PORT, SIDEBAR_PORT } from '@/lib/messaging/protocol';
import { COLLAPSED, getPref } from '@/lib/prefs';
import { identify, plainAddress, selfFrom } from '@/lib/identity';
import { buildContactView, noContactMessage, summarizePage, type PanelMessage, type SidebarView } from '@/lib/views';
import { roleOf } from './router';
import { Cases, type TeamReader } from './cases';
import { commandTab } from '@/lib/messaging/client';
import { TabWatch } from './tab-watch';

type Port = Browser.runtime.Port;
type Snapshot = { view: SidebarView; templates?: Template[]; profile?: Profile };

export class SidebarHub {
  private pages = new Map<number, PageContext>();
  /** The template the user picked in a tab's sidebar, for the contact it was picked for (issue 33). */
  private picks = new Map<number, { email: string; id: string }>();

  /** Uses `id` for this tab's contact (Insert and the shortcut write it), or the recommended one again. */
  async pickTemplate(tabId: number, id: string | undefined): Promise<void> {
    const email = await this.contactEmail(tabId);
    if (!email) return;
    if (id) this.picks.set(tabId, { email, id });
    else this.picks.delete(tabId);
    await this.push(tabId);
  }

  /** A contact the user named for a tab; `for`: the page's own contact it stands for (whose other address the page shows). */
  private chosen = new Map<number, { email: string; name?: string; for?: string }>();
  private ports = new Map<number, Port>();
  /** The browser's side panels open, each with the tab it shows (issue 20). */
  private panels = new Map<Port, number | undefined>();
  /** The latest push started per tab: a slower, older read never overwrites a newer view. */
  private pushes = new Map<number, number>();
  /** The snapshot last sent to each open sidebar: every data change re-sends, so it is current. */
  private latest = new Map<number, Snapshot>();
  /** The view each sidebar or side panel was last sent: the same view is not sent twice. */
  private sent = new WeakMap<Port, SidebarView>();

  private readonly cases: Cases;

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
    private readonly tabs: TabWatch = new TabWatch(),
  ) {
    this.cases = new Cases(store, clock);
  }

  start(): void {
    browser.runtime.onConnect.addListener((port) => void this.connect(port));
    // Tab events only while some tab is known here (`tab-watch.ts`): never for every page load in the browser.
    this.tabs.add({
      // The tab's URL is visible only on the sites the extension may read: any other means it left them.
      updated: (tabId, change, tab) => {
        if (change.status === 'loading' || change.url) void this.leftPage(tabId, tab.url);
      },
      removed: (tabId) => {
        this.pages.delete(tabId);
        this.chosen.delete(tabId);
        this.picks.delete(tabId);
        this.frames.delete(tabId);
        void browser.storage.session?.remove([`page:${tabId}`, `frame:${tabId}`]).catch(() => undefined);
      },
      watching: () => this.pages.size > 0 || this.ports.size > 0 || this.panels.size > 0,
    });
    // Site access withdrawn (Firefox's add-on permissions, Chrome's site access): the tabs on that
    // site are cleared and their scripts stopped at once; granted again, they are read again.
    try {
      browser.permissions.onRemoved.addListener(() => void this.accessChanged(true));
      browser.permissions.onAdded.addListener(() => void this.accessChanged(false));
    } catch {
      // A browser without permission events (tests' fake browser): access stands as granted.
    }
  }

  /** The key of the sidebar frame each tab's content script mounted: no other frame is served (issue 21). */
  private frames = new Map<number, string>();

  async registerFrame(tabId: number, key: string): Promise<void> {
    this.frames.set(tabId, key);
    await browser.storage.session?.set({ [`frame:${tabId}`]: key }).catch(() => undefined);
  }

  private async frameKey(tabId: number): Promise<string | undefined> {
    const known = this.frames.get(tabId);
    if (known) return known;
    const stored = (await browser.storage.session?.get(`frame:${tabId}`).catch(() => undefined))?.[`frame:${tabId}`];
    if (typeof stored === 'string') this.frames.set(tabId, stored);
    return typeof stored === 'string' ? stored : undefined;
  }

  /**
   * A tab that left the site it was read on (for a site the extension does not read, or another
   * site) shows no contact from it: its side panel is told at once, and Insert goes with it (issue
   * 30). Within the site, the content script's next read says what the page shows.
   */
  private async leftPage(tabId: number, url: string | undefined): Promise<void> {
    const page = await this.page(tabId);
    if (!page || (url && originOf(url) === originOf(page.url))) return;
    await this.forget(tabId);
  }

  /** The tab shows no page of ours any more: no contact, no frame; its side panel is told at once. */
  async forget(tabId: number): Promise<void> {
    this.pages.delete(tabId);
    this.chosen.delete(tabId);
    this.picks.delete(tabId);
    this.frames.delete(tabId);
    this.latest.delete(tabId);
    this.tabs.check();
    await browser.storage.session?.remove([`page:${tabId}`, `frame:${tabId}`]).catch(() => undefined);
    await this.push(tabId);
  }

  /** Whether the extension may still read and write `url`'s site, asked once per site until access changes. */
  private access = new Map<string, Promise<boolean>>();

  async allowed(url: string): Promise<boolean> {
    const origin = originOf(url);
    if (!origin) return false;
    let known = this.access.get(origin);
    if (!known) {
      // Where the browser cannot say (tests' fake browser), access stands as the manifest grants it.
      known = new Promise<boolean>((resolve) => resolve(browser.permissions.contains({ origins: [`${origin}/*`] }))).catch(() => true);
      this.access.set(origin, known);
    }
    return known;
  }

  private async accessChanged(withdrawn: boolean): Promise<void> {
    this.access.clear();
    if (!withdrawn) return;
    for (const [tabId, page] of [...this.pages]) {
      if (await this.allowed(page.url)) continue;
      await this.forget(tabId);
      // The tab's content script stops reading the page and takes its sidebar away.
      void commandTab(tabId, { type: 'stop' }).catch(() => undefined);
    }
  }

  /** The tabs some sidebar or side panel shows now. */
  private shownTabs(): number[] {
    return [...new Set([...this.ports.keys(), ...[...this.panels.values()].filter((t): t is number => t !== undefined)])];
  }

  /** A side panel: an extension page of ours (no frame key: the host page cannot reach it), told the view of the tab it names. */
  private connectPanel(port: Port): void {
    const sender = port.sender;
    if (!sender || sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/sidepanel.html'))) {
      port.disconnect();
      return;
    }
    this.panels.set(port, undefined);
    this.tabs.check();
    port.onMessage.addListener((message) => {
      const tabId = (message as { tabId?: unknown } | null)?.tabId;
      if (typeof tabId !== 'number' || !Number.isInteger(tabId)) return;
      this.panels.set(port, tabId);
      void this.push(tabId);
    });
    port.onDisconnect.addListener(() => {
      this.panels.delete(port);
      this.tabs.check();
    });
  }

  private async connect(port: Port): Promise<void> {
    if (port.name === PANEL_PORT) return this.connectPanel(port);
    const tabId = port.sender?.tab?.id;
    const [name, key] = port.name.split(':');
    if (name !== SIDEBAR_PORT || !port.sender || roleOf(port.sender) !== 'sidebar' || tabId === undefined) {
      port.disconnect();
      return;
    }
    // A sidebar page the host framed itself has no key (or an old one): told so once, never retried.
    if (!key || key !== (await this.frameKey(tabId))) {
      port.postMessage({ state: 'not-ours' } satisfies SidebarView);
      port.disconnect();
      return;
    }
    this.ports.get(tabId)?.disconnect();
    this.ports.set(tabId, port);
    this.tabs.check();
    port.onDisconnect.addListener(() => {
      if (this.ports.get(tabId) !== port) return;
      this.ports.delete(tabId);
      this.latest.delete(tabId);
      this.tabs.check();
    });
    void this.push(tabId);
  }

  async page(tabId: number): Promise<PageContext | undefined> {
    const known = this.pages.get(tabId);
    if (known) return known;
    const key = `page:${tabId}`;
    const stored = (await browser.storage.session?.get(key))?.[key] as PageContext | undefined;
    if (!stored) return undefined;
    // Kept from before the worker slept, when no tab event was listened to: the tab may have left the site since.
    if (!(await stillOn(tabId, stored.url))) {
      await this.forget(tabId);
      return undefined;
    }
    this.pages.set(tabId, stored);
    this.tabs.check();
    return stored;
  }

  /** The contact a tab is about: the page's, else the one the user named there. */
  async contactEmail(tabId: number): Promise<string | undefined> {
    const page = await this.page(tabId);
    const chosen = this.chosen.get(tabId);
    const shown = page?.contact?.email?.toLowerCase();
    // The page's person, unless the user chose the contact this address belongs to (issue 31).
    if (chosen?.for && chosen.for === shown) return chosen.email;
    return shown ?? chosen?.email;
  }

  /** The user's own addresses seen as the account on any page (never a contact). */
  private ownAddresses = new Set<string>();

  /** Takes a content script's read, decides whom it is about, shows it; returns the page as decided (the only one anything else may use). */
  /** Colleagues' asks from the connected CRM count in every view this hub builds (issue 34). */
  readTeamFrom(team: TeamReader): void {
    this.cases.team = team;
  }

  async setPage(tabId: number, shown: PageContext): Promise<PageContext> {
    // The facts the page writes are read here, as the import reads its cells.
    const read = settlePage(shown, toDay(this.clock()));
    const account = plainAddress(read.accountEmail);
    if (account) this.ownAddresses.add(account);
    // Who the page is about is decided here again, with all the user is known as: whatever the
    // content script proposed, the contact is only what the one identity decision gives (issue 30).
    const profile = await this.store.profile();
    const page = identify(
      read,
      selfFrom({ account, profileEmail: profile.email, aliases: profile.aliases, orgDomains: profile.orgDomains, seen: this.ownAddresses }),
    );
    const previous = this.pages.get(tabId);
    this.pages.set(tabId, page);
    this.tabs.check();
    // The mirror is a convenience for a restarted worker: when the session area is full (its quota
    // is 10 MB), the tab is remembered without its thread, and never as an unhandled error.
    void browser.storage.session
      ?.set({ [`page:${tabId}`]: page })
      .catch(() => browser.storage.session.set({ [`page:${tabId}`]: { ...page, thread: undefined } }))
      .catch(() => undefined);
    // A contact named by hand belongs to the page it was named on: another page, another read.
    const chosen = this.chosen.get(tabId);
    if (
      previous?.contact?.email !== page.contact?.email ||
      previous?.url !== page.url ||
      (chosen && page.ambiguous && !page.ambiguous.candidates.some((c) => c.email === chosen.email))
    ) {
      this.chosen.delete(tabId);
    }
    const email = page.contact?.email;
    if (!email) {
      await this.push(tabId);
      return page;
    }
    const at = this.clock().toISOString();
    const learn = (c: Contact) => applyPage(c, page, at);
    // Shown first, from the stored contact and what the page shows, then written: a contact switch
    // does not wait for the write (issue 16). The write's announcement refreshes every sidebar
    // showing this contact; this one is sent the view again only if it differs.
    const stored = (await this.store.getContact(email)) ?? emptyContact(email, at);
    // Written once shown: a write started sooner would hold the view's reads until it commits.
    await this.push(tabId, Contact.parse(learn(stored)));
    await this.store.writeContact(email, learn, at);
    return page;
  }

  /** The tab's page could not be read (its report was refused): clear the contact and say so. */
  async pageUnreadable(tabId: number, url = ''): Promise<void> {
    const previous = await this.page(tabId);
    await this.setPage(tabId, {
      host: previous?.host ?? 'custom',
      hostLabel: previous?.hostLabel ?? 'this',
      url: url || previous?.url || '',
      composeCount: previous?.composeCount ?? 0,
      missing: ['the page (what it shows could not be read safely)'],
    });
  }

  async choose(tabId: number, contact: { email: string; name?: string }): Promise<void> {
    const shown = (await this.page(tabId))?.contact?.email?.toLowerCase();
    // On a page about someone, only the contact whose other address that is may stand in for them.
    const owner = shown && shown !== contact.email ? await this.store.ownerOf(shown) : undefined;
    this.chosen.set(tabId, owner?.email === contact.email ? { ...contact, for: shown } : contact);
    if (contact.name) {
      await this.store.updateContact(contact.email, (c) => ({ ...c, name: c.name || contact.name! }), this.clock().toISOString());
    }
    await this.push(tabId);
  }

  /** Re-sends the view of every open sidebar showing `email` (after an edit or a new ask). */
  async refresh(email: string): Promise<void> {
    for (const tabId of this.shownTabs()) {
      if ((await this.contactEmail(tabId)) === email.toLowerCase()) await this.push(tabId);
    }
  }

  /** After a change that affects every contact (profile, templates, settings). */
  async refreshAll(): Promise<void> {
    await Promise.all(this.shownTabs().map((tabId) => this.push(tabId)));
  }

  async view(tabId: number): Promise<SidebarView> {
    return (await this.snapshot(tabId)).view;
  }

  /** The view of a tab and the data it was built from, read once (the insert uses both). */
  async snapshot(tabId: number, seen?: Contact): Promise<Snapshot> {
    const page = await this.page(tabId);
    if (!page) return { view: { state: 'waiting' } };
    const email = await this.contactEmail(tabId);
    if (!email || email === page.accountEmail) {
      return {
        view: {
          state: 'no-contact',
          page: summarizePage(page),
          message: noContactMessage(page),
        },
      };
    }
    const now = this.clock();
    const loaded = await this.cases.load(email, seen);
    const pick = this.picks.get(tabId);
    const view = buildContactView({ page, ...loaded, now, picked: pick?.email === email ? pick.id : undefined });
    this.cases.noteShown(view, loaded.asks, now, loaded.colleagueAsk);
    return { view, templates: loaded.templates, profile: loaded.profile };
  }

  /** True when the tab's sidebar is open and expanded, or a side panel shows the tab, on this contact: the user has their facts in view. */
  async showsOpen(tabId: number, email: string): Promise<boolean> {
    const shown = this.latest.get(tabId)?.view;
    if (shown?.state !== 'contact' || shown.contact.email !== email) return false;
    if ([...this.panels.values()].includes(tabId)) return true;
    if (!this.ports.has(tabId)) return false;
    return !(await getPref(COLLAPSED));
  }

  /** What the tab's sidebar shows now, without reading the database again (an insert is one click away). */
  async current(tabId: number, email: string): Promise<Snapshot> {
    const latest = this.latest.get(tabId);
    return latest?.view.state === 'contact' && latest.view.contact.email === email ? latest : this.snapshot(tabId);
  }

  /** Sends the tab's view to its sidebar and side panels; `seen`: the contact as the page just showed it, not yet written. */
  private async push(tabId: number, seen?: Contact): Promise<void> {
    const port = this.ports.get(tabId);
    const panels = [...this.panels].flatMap(([panel, shown]) => (shown === tabId ? [panel] : []));
    if (!port && !panels.length) return;
    const started = (this.pushes.get(tabId) ?? 0) + 1;
    this.pushes.set(tabId, started);
    const snapshot = await this.snapshot(tabId, seen);
    // Two writes in a row start two reads; the first may finish last. Only the newest is shown.
    if (this.pushes.get(tabId) !== started) return;
    this.latest.set(tabId, snapshot);
    const { view } = snapshot;
    const send = (to: Port, message: unknown) => {
      if (dequal(this.sent.get(to), view)) return;
      to.postMessage(message);
      this.sent.set(to, view);
    };
    try {
      if (port) send(port, view);
    } catch {
      this.ports.delete(tabId);
    }
    for (const panel of panels) {
      try {
        send(panel, { tabId, view } satisfies PanelMessage);
      } catch {
        this.panels.delete(panel);
      }
    }
  }
}

/**
 * Whether the tab still shows `url`'s site: its URL is visible only on the sites the extension may
 * read, so none means it left, as does a tab the browser no longer has.
 */
async function stillOn(tabId: number, url: string): Promise<boolean> {
  let tab: { url?: string } | undefined;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return false;
  }
  return !!tab?.url && originOf(tab.url) === originOf(url);
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};
