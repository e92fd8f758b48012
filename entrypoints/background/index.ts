/**
 * The background service worker: sole owner of the database, the one place the engine runs for
 * the sidebar, and the only context allowed to tell a content script to write into a page.
 */
import { browser } from 'wxt/browser';
import { inPeriod, kpis, kpisBy } from '@/lib/asks/kpis';
import { asksToCsv } from '@/lib/asks/export';
import { Backup } from '@/lib/backup';
import { applyManualEdit } from '@/lib/contacts';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { toDay } from '@/lib/engine/relationship';
import { parseContactsCsv } from '@/lib/import/csv';
import { contactsToCsv } from '@/lib/import/export';
import { validateTemplate } from '@/lib/templates/render';
import { askRows, detectFromPage, followUpAction, setStatus } from './asks';
import { listenForCommands } from './commands';
import { CustomSites } from './custom-sites';
import { ReadingHealthLog } from './reading-health';
import { censoredSkeleton } from '@/lib/hosts/diagnostic';
import type { PageContext } from '@/lib/hosts/types';
import { refreshFollowUps, startFollowUps } from './follow-ups';
import { inserter } from './insert';
import { QueueCache } from './queue';
import { listenForReminders, restoreReminders, setWeeklyReminder } from './reminders';
import { listen } from './router';
import { announce, commandTab } from '@/lib/messaging/client';
import { SidebarHub } from './sidebar-hub';

const pagesInFlight = new Map<number, { next?: PageContext }>();

/** Runs `work` for a tab's page read; reads arriving meanwhile are coalesced into the newest one. */
async function latestPerTab(tabId: number, page: PageContext, work: (page: PageContext) => Promise<void>): Promise<null> {
  const running = pagesInFlight.get(tabId);
  if (running) {
    running.next = page;
    return null;
  }
  const slot: { next?: PageContext } = {};
  pagesInFlight.set(tabId, slot);
  try {
    let current: PageContext | undefined = page;
    while (current) {
      await work(current);
      current = slot.next;
      slot.next = undefined;
    }
  } finally {
    pagesInFlight.delete(tabId);
  }
  return null;
}

/** A backup, checked whole; a plain message saying what is wrong otherwise. */
function checkBackup(backup: unknown): Backup {
  const parsed = Backup.safeParse(backup);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`This is not a valid Referral window backup (${issue.path.join('.') || 'file'}: ${issue.message}). Nothing was changed.`);
  }
  return parsed.data;
}

export default defineBackground({
  type: 'module',
  main() {
    const store = new Store(openDb());
    const hub = new SidebarHub(store);
    const queue = new QueueCache(store);
    const customSites = new CustomSites(store);
    const health = new ReadingHealthLog(store);
    void customSites.register();
    hub.start();
    const now = () => new Date().toISOString();
    listenForReminders(store);
    void restoreReminders(store);
    startFollowUps(store);
    /** After any change to asks: the badge and every sidebar showing that contact. */
    const asksChanged = async (email: string) => {
      await refreshFollowUps(store);
      await hub.refresh(email);
    };

    const insertAsk = inserter(store, hub, asksChanged, now);

    listenForCommands(async (tabId) => {
      const email = await hub.contactEmail(tabId);
      if (email) await insertAsk(tabId, email, 'ask');
    });

    listen({
      'page/context': (page, { tabId }) =>
        // One read per tab at a time, the newest kept: a page changing faster than reads are
        // handled never queues work that other requests wait behind (issue 21).
        latestPerTab(tabId!, page, async (latest) => {
          await hub.setPage(tabId!, latest);
          await health.record(latest, new Date());
          if (latest.contact?.email && (await detectFromPage(store, latest, now()))) await asksChanged(latest.contact.email);
        }),

      async 'contact/edit'({ email, edit }) {
        await store.updateContact(email, (c) => applyManualEdit(c, edit, now()), now());
        await hub.refresh(email);
        return null;
      },

      async 'sidebar/contact'({ email, name, tabId }, sender) {
        await hub.choose(sender.role === 'popup' ? tabId! : sender.tabId!, { email, name });
        return null;
      },

      // The sidebar acts on its own tab; the popup names the active tab it shows.
      'ask/insert': ({ email, part, tabId, confirmed }, sender) => insertAsk(sender.role === 'popup' ? tabId! : sender.tabId!, email, part, confirmed),

      'tab/view': ({ tabId }) => hub.view(tabId),

      async 'picker/start'({ tabId }, sender) {
        await customSites.startPicker(sender.role === 'popup' ? tabId! : sender.tabId!);
        return null;
      },

      'custom-sites/list': () => customSites.list(),

      async 'page/diagnostic'({ tabId }, sender) {
        const target = sender.role === 'popup' ? tabId! : sender.tabId!;
        const [result] = await browser.scripting.executeScript({ target: { tabId: target, frameIds: [0] }, func: censoredSkeleton });
        if (typeof result?.result !== 'string') throw new Error('The page did not answer: reload it and try again.');
        return result.result;
      },

      async 'reading/health'() {
        return { hosts: await health.all(), hostPicks: await customSites.hostPicks() };
      },

      async 'host-picks/reset'({ origin }) {
        await customSites.resetHostPicks(origin);
        for (const tab of await browser.tabs.query({ url: `${origin}/*` })) {
          if (tab.id !== undefined) await commandTab(tab.id, { type: 'custom/config', picks: {} }).catch(() => undefined);
        }
        return null;
      },

      async 'custom-site/add'({ origin }) {
        await customSites.add(origin);
        return null;
      },

      async 'custom-site/remove'({ origin }) {
        await customSites.remove(origin);
        return null;
      },

      // A content script only ever learns, or sets, the picks of the site it runs on.
      'custom/config': (_, { url }) => customSites.picks(new URL(url!).origin),

      async 'custom/picks'({ picks }, { url, tabId }) {
        await customSites.savePicks(new URL(url!).origin, picks);
        await commandTab(tabId!, { type: 'custom/config', picks }).catch(() => undefined);
        return null;
      },

      'asks/list': (options) => askRows(store, new Date(), options),

      async 'ask/status'({ id, status, note, referral }) {
        const ask = await setStatus(store, id, status, now(), note ?? 'set by you', referral);
        await asksChanged(ask.email);
        return null;
      },

      async 'ask/follow-up'({ id, action }) {
        const ask = await followUpAction(store, id, action, new Date());
        // The sidebar's verdict and the template Insert would use change with it (issue 13, bug 1).
        await asksChanged(ask.email);
        return null;
      },

      async 'ask/undone'({ snippet }, { tabId }) {
        const email = await hub.contactEmail(tabId!);
        if (!email) return null;
        const drafted = (await store.asksFor(email)).filter((a) => a.status === 'drafted' && !a.discardedAt && a.snippet === snippet);
        const latest = drafted.sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
        if (!latest) return null;
        await store.updateAsk(latest.id, (a) => ({ ...a, discardedAt: now(), history: [...a.history, { status: a.status, at: now(), note: 'undone in the editor: discarded' }] }));
        await asksChanged(email);
        return null;
      },

      async 'ask/discard'({ id, undo }) {
        const ask = await store.updateAsk(id, (a) => {
          const { discardedAt: _was, ...rest } = a;
          return undo ? { ...rest, history: [...a.history, { status: a.status, at: now(), note: 'discard undone' }] } : { ...a, discardedAt: now(), history: [...a.history, { status: a.status, at: now(), note: 'discarded by you' }] };
        });
        await asksChanged(ask.email);
        return null;
      },

      async 'ask/delete'({ id }) {
        const ask = await store.deleteAsk(id);
        await asksChanged(ask.email);
        return ask;
      },

      async 'ask/restore'({ ask }) {
        await store.putAsk(ask);
        await asksChanged(ask.email);
        return null;
      },

      async kpis({ from, to }) {
        const [asks, templates] = await Promise.all([store.listAsks(), store.templates()]);
        // A discarded ask was never an ask; a draft never sent was never asked either.
        const period = inPeriod(asks.filter((a) => !a.discardedAt), from, to);
        const names = new Map(templates.map((t) => [t.id, t.name]));
        return {
          overall: kpis(period),
          bySegment: kpisBy(period, (a) => a.segment || 'No segment'),
          byTemplate: kpisBy(period, (a) => names.get(a.templateId) ?? a.templateId),
        };
      },

      async 'asks/export-csv'() {
        return asksToCsv((await askRows(store, new Date(), { filter: 'all', limit: 10_000 })).rows);
      },

      'profile/get': () => store.profile(),

      async 'profile/save'(profile) {
        await store.saveProfile(profile);
        await hub.refreshAll();
        return null;
      },

      'templates/list': () => store.templates(),

      async 'template/save'(template) {
        const problems = validateTemplate(template);
        if (problems.length) throw new Error(problems.join(' '));
        await store.saveTemplate(template);
        await hub.refreshAll();
        return null;
      },

      async 'template/delete'({ id }) {
        await store.deleteTemplate(id);
        await hub.refreshAll();
        return null;
      },

      async 'templates/restore'() {
        await store.restoreDefaultTemplates();
        await hub.refreshAll();
        return null;
      },

      'contacts/search': ({ query, limit }) => store.searchContacts(query, limit),

      async 'contacts/import'({ fileName, observedAt, text, mapping }) {
        const progress = (done: number) => void announce({ type: 'import/progress', done });
        const parsed = parseContactsCsv(text, { mapping, today: toDay(new Date()), onProgress: progress });
        if (parsed.refused) throw new Error(`${fileName}: ${parsed.refused} Nothing was imported.`);
        const counts = await store.importContacts(parsed.rows, { kind: 'import', label: fileName, observedAt }, now());
        await hub.refreshAll();
        const formats = Object.entries(parsed.formats).flatMap(([i, f]) =>
          f.description ? [{ column: parsed.headers[Number(i)] ?? `column ${Number(i) + 1}`, description: f.description, ...(f.warning ? { warning: f.warning } : {}) }] : [],
        );
        return { fileName, total: parsed.total, ...counts, rejected: parsed.rejected, duplicates: parsed.duplicates, skipped: parsed.skipped, flagged: parsed.flagged, formats, lines: parsed.lines };
      },

      async 'contacts/export-csv'() {
        return contactsToCsv(await store.db.contacts.toArray());
      },

      async 'backup/export'() {
        // A backup is offered only if it would restore: checked against the restore validator first.
        const backup = await store.exportAll(now());
        const check = Backup.safeParse(backup);
        if (!check.success) {
          const issue = check.error.issues[0]!;
          throw new Error(`The backup could not be made: a stored value would not restore (${issue.path.join('.')}: ${issue.message}). Nothing was downloaded.`);
        }
        return check.data;
      },

      async 'backup/check'({ backup }) {
        const valid = checkBackup(backup);
        return {
          exportedAt: valid.exportedAt,
          incoming: { contacts: valid.contacts.length, asks: valid.asks.length, templates: valid.templates.length },
          current: await store.counts(),
        };
      },

      async 'backup/restore'({ backup }) {
        const parsed = { data: checkBackup(backup) };
        const counts = await store.restoreAll(parsed.data);
        await refreshFollowUps(store);
        await setWeeklyReminder((await store.getValue('reminders', { weeklyQueue: false })).weeklyQueue);
        await hub.refreshAll();
        return counts;
      },

      'queue/list': () => queue.rows(),

      'never-ask/get': () => store.neverAskList(),

      async 'never-ask/save'(list) {
        await store.saveNeverAskList(list);
        await hub.refreshAll();
        return null;
      },

      'settings/get': () => store.settings(),

      async 'settings/save'(settings) {
        if (settings.windowClosesAfterMonths <= settings.windowOpensAfterMonths) {
          throw new Error('The window must close after it opens.');
        }
        await store.setValue('settings', settings);
        await refreshFollowUps(store);
        await hub.refreshAll();
        return null;
      },

      'reminders/get': () => store.getValue('reminders', { weeklyQueue: false }),

      async 'reminders/save'(reminders) {
        await store.setValue('reminders', reminders);
        await setWeeklyReminder(reminders.weeklyQueue);
        return null;
      },
    }, async (type, { tabId, url }) => {
      // A page read the background cannot accept must not leave the previous contact on screen.
      if (type === 'page/context' && tabId !== undefined) await hub.pageUnreadable(tabId, url);
    });
  },
});
