/**
 * The background service worker: sole owner of the database, the one place the engine runs for
 * the sidebar, and the only context allowed to tell a content script to write into a page.
 * Wiring only: the handlers live by area in `handlers/`, refreshes in `refresh.ts`.
 */
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { listenForCommands } from './commands';
import { CustomSites } from './custom-sites';
import { FOLLOW_UP_ALARM, startFollowUps } from './follow-ups';
import type { Deps } from './handlers/deps';
import { allHandlers } from './handlers';
import { inserter } from './handlers/insert';
import { OpenAsks } from './open-asks';
import { QueueCache } from './queue-cache';
import { ReadingHealthLog } from './reading-health';
import { refreshOnChange } from './refresh';
import { keepViewsReady } from './saved-view';
import { listenForReminders, restoreReminders } from './reminders';
import { listen } from './router';
import { SidebarHub } from './sidebar-hub';
import { Cases } from './cases';
import { SidePanelPlacement } from './side-panel';
import { Transfers } from './transfers';
import { CrmOutbox, OUTBOX_ALARM } from './crm-outbox';

// A classic worker, one file: a module worker fetched and compiled its shared chunks on every
// wake-up, ~30 ms more each time the popup woke it (issue 16).
export default defineBackground({
  main() {
    const store = new Store(openDb());
    const deps: Deps = {
      store,
      hub: new SidebarHub(store),
      cases: new Cases(store),
      queue: new QueueCache(store),
      openAsks: new OpenAsks(store),
      sites: new CustomSites(store),
      health: new ReadingHealthLog(store),
      panel: new SidePanelPlacement(),
      transfers: new Transfers(),
      outbox: new CrmOutbox(store, () => new Date()),
      now: () => new Date(),
    };
    refreshOnChange(store, deps);
    // A colleague's ask read from the connected CRM counts in every view, shown once it is known.
    deps.cases.team = deps.outbox;
    deps.hub.readTeamFrom(deps.outbox);
    deps.outbox.onLearned = (email) => {
      void deps.hub.refresh(email);
      void deps.queue.changed({ emails: 'all', settings: true });
    };
    // The first run: a short setup, once, at install (not on updates).
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/setup.html') });
    });
    void deps.sites.register();
    deps.hub.start();
    deps.panel.start();
    listenForReminders(store);
    void restoreReminders(store);
    startFollowUps(store);
    // The connected CRM's outbox: retried, and a request the worker died in looked for, by its alarm.
    browser.alarms.onAlarm.addListener((alarm) => alarm.name === OUTBOX_ALARM && void deps.outbox.flush());
    keepViewsReady([() => deps.queue.rows(), () => deps.openAsks.list(new Date())], [FOLLOW_UP_ALARM]);

    const insert = inserter(deps);
    listenForCommands(
      async (tabId) => {
        const email = await deps.hub.contactEmail(tabId);
        // From the keyboard: nothing the user has not seen in the sidebar goes into the draft.
        if (email) await insert(tabId, email, { part: 'ask', seen: false });
      },
      (tabId) => deps.panel.inPanel(tabId),
    );

    listen(allHandlers(deps), async (type, { tabId, url }) => {
      // A page read the background cannot accept must not leave the previous contact on screen.
      if (type === 'page/context' && tabId !== undefined) await deps.hub.pageUnreadable(tabId, url);
    });
  },
});
