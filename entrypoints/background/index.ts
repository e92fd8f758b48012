/**
 * The background service worker: sole owner of the database, the one place the engine runs for
 * the sidebar, and the only context allowed to tell a content script to write into a page.
 */
import { browser } from 'wxt/browser';
import { applyManualEdit } from '@/lib/contacts';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { render, validateTemplate } from '@/lib/templates/render';
import { templateValues } from '@/lib/templates/values';
import type { InsertResult } from '@/lib/hosts/types';
import { parseContactsCsv } from '@/lib/import/csv';
import { contactsToCsv } from '@/lib/import/export';
import { Backup } from '@/lib/backup';
import { buildQueue, queueStartRange } from '@/lib/queue';
import { toDay } from '@/lib/engine/relationship';
import { listen } from './router';
import { listenForReminders, setWeeklyReminder } from './reminders';
import { SidebarHub } from './sidebar-hub';

export default defineBackground({
  type: 'module',
  main() {
    const store = new Store(openDb());
    const hub = new SidebarHub(store);
    hub.start();
    const now = () => new Date().toISOString();
    listenForReminders(store);

    listen({
      async 'page/context'(page, { tabId }) {
        await hub.setPage(tabId!, page);
        return null;
      },

      async 'contact/edit'({ email, edit }) {
        await store.updateContact(email, (c) => applyManualEdit(c, edit, now()), now());
        await hub.refresh(email);
        return null;
      },

      async 'sidebar/contact'(contact, { tabId }) {
        await hub.choose(tabId!, contact);
        return null;
      },

      async 'ask/insert'({ email }, { tabId }) {
        // Only for the contact this tab's sidebar shows: a request cannot aim an ask elsewhere.
        if ((await hub.contactEmail(tabId!)) !== email) {
          return { ok: false, message: 'This tab shows another contact now; look again and retry.' };
        }
        const view = await hub.view(tabId!);
        if (view.state !== 'contact' || !view.template) return { ok: false, message: 'No template to insert: add one in the options.' };
        if (view.contact.neverAsk) return { ok: false, message: `${view.contact.name || email} is on your never-ask list.` };
        const template = (await store.templates()).find((t) => t.id === view.template!.id)!;
        const rendered = render(template, templateValues(view.contact, await store.profile()));
        let result: InsertResult;
        try {
          result = await browser.tabs.sendMessage(
            tabId!,
            { type: 'compose/insert', html: rendered.html, text: rendered.text, subject: rendered.subject },
            { frameId: 0 },
          );
        } catch {
          return { ok: false, message: 'The page did not answer: reload the tab and try again.' };
        }
        if (!result?.ok) return { ok: false, message: result?.reason ?? 'Could not insert into the compose box.' };
        const page = await hub.page(tabId!);
        const askedAt = now();
        const ask = await store.addAsk({
          id: crypto.randomUUID(),
          email,
          templateId: template.id,
          status: 'drafted',
          askedAt,
          threadUrl: page?.url,
          threadId: page?.thread?.id,
          history: [{ status: 'drafted', at: askedAt }],
        });
        await hub.refresh(email);
        const gaps = rendered.missing.length ? ` Fill in the ${rendered.missing.length} highlighted gap${rendered.missing.length === 1 ? '' : 's'} before sending.` : '';
        return {
          ok: true,
          askId: ask.id,
          missing: rendered.missing,
          message: `Inserted "${template.name}" ${result.where === 'caret' ? 'at your cursor' : 'at the top of the draft'}.${gaps}`,
        };
      },

      async 'asks/list'() {
        const asks = await store.listAsks();
        const contacts = await store.db.contacts.bulkGet(asks.map((a) => a.email));
        return asks.map((ask, i) => ({ ask, name: contacts[i]?.name ?? '', company: contacts[i]?.company ?? '' }));
      },

      async 'ask/status'({ id, status, note }) {
        const ask = await store.setAskStatus(id, status, now(), note);
        await hub.refresh(ask.email);
        return null;
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
        const progress = (done: number) => browser.runtime.sendMessage({ type: 'import/progress', done }).catch(() => undefined);
        const parsed = parseContactsCsv(text, { mapping, today: toDay(new Date()), onProgress: progress });
        const counts = await store.importContacts(parsed.rows, { kind: 'import', label: fileName, observedAt }, now());
        await hub.refreshAll();
        return { fileName, total: parsed.total, ...counts, rejected: parsed.rejected };
      },

      async 'contacts/export-csv'() {
        return contactsToCsv(await store.db.contacts.toArray());
      },

      'backup/export': () => store.exportAll(now()),

      async 'backup/restore'({ backup }) {
        const parsed = Backup.safeParse(backup);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new Error(`This is not a valid Referral window backup (${issue.path.join('.') || 'file'}: ${issue.message}). Nothing was changed.`);
        }
        const counts = await store.restoreAll(parsed.data);
        await setWeeklyReminder((await store.getValue('reminders', { weeklyQueue: false })).weeklyQueue);
        await hub.refreshAll();
        return counts;
      },

      async 'queue/list'() {
        const today = new Date();
        const [settings, neverAsk] = await Promise.all([store.settings(), store.neverAskList()]);
        const range = queueStartRange(today, settings);
        const contacts = await store.contactsStartedBetween(range.from, range.to);
        const asks = await store.asksForMany(contacts.map((c) => c.email));
        return buildQueue(contacts, asks, neverAsk, settings, today);
      },

      'never-ask/get': () => store.neverAskList(),

      async 'never-ask/save'(list) {
        await store.saveNeverAskList(list);
        await hub.refreshAll();
        return null;
      },

      'reminders/get': () => store.getValue('reminders', { weeklyQueue: false }),

      async 'reminders/save'(reminders) {
        await store.setValue('reminders', reminders);
        await setWeeklyReminder(reminders.weeklyQueue);
        return null;
      },
    });
  },
});
