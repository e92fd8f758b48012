/**
 * The background's handlers, area by area, over a real store (fake-indexeddb) and WXT's fake
 * browser: what each request writes, answers and refuses, and that every write reaches what
 * shows it through the store's announcements (refresh on change, issue 13).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from '@/lib/hosts/types';
import type { Ask } from '@/lib/model';
import type { SidebarView } from '@/lib/views';
import { inserter } from './insert';
import { placeFor, placesFrom } from '@/lib/sidebar-place';
import { PLACES } from '@/lib/prefs';
import { NOW, setup, TAB } from './testing';
import { payloadSchema } from '@/lib/messaging/protocol';

const gmailPage = (email: string, name: string): PageContext => ({
  host: 'gmail',
  hostLabel: 'Gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  accountEmail: 'alex@northwind.example',
  contact: { email, name },
  people: [{ email, name, seen: 'sender', order: 0 }],
  thread: {
    id: 'abc',
    subject: 'Q3 results',
    messages: [{ from: email, fromName: name, date: '2026-11-20T09:00:00.000Z', text: 'We hit our target two weeks early, thank you!' }],
  },
  composeCount: 1,
  missing: [],
});

const ask = (over: Partial<Ask> = {}): Ask => ({
  id: 'a1',
  email: 'dana@acme.example',
  templateId: 'default-ask',
  status: 'drafted',
  askedAt: '2026-11-20T10:00:00.000Z',
  history: [{ status: 'drafted', at: '2026-11-20T10:00:00.000Z' }],
  ...over,
});

/** Resolves once the store's announcements have been handled (the subscriber runs after the write). */
const settled = () => new Promise((r) => setTimeout(r, 20));

afterEach(() => vi.restoreAllMocks());

describe('pages', () => {
  it("a page read stores its contact and becomes the tab's view; a contact named by hand shows where the page names none", async () => {
    const { call, store } = setup();
    await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content' });
    expect((await store.getContact('dana@acme.example'))?.name).toBe('Dana Whitfield');
    const view = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(view.state === 'contact' && view.contact.email).toBe('dana@acme.example');

    await call('page/context', { ...gmailPage('x@y.example', ''), contact: undefined, people: [], missing: ['an open email thread'] }, { role: 'content' });
    expect((await call('tab/view', { tabId: TAB }, { role: 'popup' })).state).toBe('no-contact');
    await call('sidebar/contact', { email: 'Lee@Peer.example', name: 'Lee Park' });
    const chosen = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(chosen.state === 'contact' && chosen.contact.email).toBe('lee@peer.example');
  });

  it('a tab that leaves for a site the extension does not read shows no contact from before (issue 21)', async () => {
    const { call, deps } = setup();
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    deps.hub.start();
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox/abc' });
    await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content', tabId: tab.id });
    // Same site, another thread (Gmail's hash navigation): kept until the next read.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://mail.google.com/mail/u/0/#inbox/def' });
    await settled();
    expect((await call('tab/view', { tabId: tab.id }, { role: 'popup' })).state).toBe('contact');
    // Another site (its URL hidden from the extension): cleared.
    await fakeBrowser.tabs.update(tab.id!, { url: undefined, status: 'loading' } as never);
    await vi.waitFor(async () => expect((await call('tab/view', { tabId: tab.id }, { role: 'popup' })).state).toBe('waiting'));
  });

  it('a site whose access the user withdrew is cleared at once, its script told to stop, and never read again (issue 30)', async () => {
    const { call, deps } = setup();
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => undefined);
    // The browser's permission events, as Firefox fires them when access is withdrawn in about:addons.
    let withdrawn: (() => void) | undefined;
    const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
    const before = { onRemoved: permissions.onRemoved, onAdded: permissions.onAdded };
    permissions.onRemoved = { addListener: (l: () => void) => (withdrawn = l) };
    permissions.onAdded = { addListener: () => undefined };
    try {
      deps.hub.start();
      const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox/abc' });
      const view = () => call('tab/view', { tabId: tab.id }, { role: 'popup' });
      await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content', tabId: tab.id });
      expect((await view()).state).toBe('contact');

      const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
      vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
      withdrawn!();
      await vi.waitFor(async () => expect((await view()).state).toBe('waiting'));
      expect(told).toHaveBeenCalledWith(tab.id, { type: 'stop' }, { frameId: 0 });
      // The script's next read, sent before it stopped, is not taken.
      await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content', tabId: tab.id });
      expect((await view()).state).toBe('waiting');
    } finally {
      Object.assign(permissions, before);
    }
  });

  it('a sidebar frame is served only with the key its content script registered', async () => {
    const { call, deps } = setup();
    await call('sidebar/frame', { key: 'k'.repeat(36) }, { role: 'content' });
    const sent: unknown[] = [];
    const port = (name: string) => {
      const listeners: Array<() => void> = [];
      return {
        name,
        sender: { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidebar.html`, tab: { id: TAB } },
        postMessage: (m: unknown) => void sent.push(m),
        disconnect: vi.fn(),
        onDisconnect: { addListener: (l: () => void) => void listeners.push(l) },
        onMessage: { addListener: () => undefined },
      };
    };
    const forged = port('sidebar:not-the-key');
    await (deps.hub as unknown as { connect(p: unknown): Promise<void> }).connect(forged);
    expect(sent).toEqual([{ state: 'not-ours' }]);
    expect(forged.disconnect).toHaveBeenCalled();
    const ours = port(`sidebar:${'k'.repeat(36)}`);
    await (deps.hub as unknown as { connect(p: unknown): Promise<void> }).connect(ours);
    await vi.waitFor(() => expect(sent[1]).toEqual({ state: 'waiting' }));
    expect(ours.disconnect).not.toHaveBeenCalled();
  });
});

describe('contacts', () => {
  it('an edit is a fact entered by you; an import reports every line and never erases with an empty cell; the export reads back', async () => {
    const { call, store } = setup();
    await call('contact/edit', { email: 'dana@acme.example', edit: { nps: 9, results: 'cut onboarding by 40%' } });
    const report = await call('contacts/import', {
      fileName: 'crm.csv',
      observedAt: '2026-11-24T10:00:00.000Z',
      text: 'Email,NPS,Results,Customer Since\ndana@acme.example,,,05/14/2026\nlee@peer.example,11,,\nnot an email,5,,\n',
    });
    expect(report).toMatchObject({ total: 3, created: 1, updated: 1 });
    expect(report.skipped.map((s) => s.line)).toEqual([3]);
    expect(report.rejected.map((r) => r.line)).toEqual([4]);
    const dana = await store.getContact('dana@acme.example');
    expect(dana?.facts.nps?.value.score).toBe(9);
    expect(dana?.facts.results?.source.kind).toBe('manual');
    expect(dana?.facts.customerSince?.value).toBe('2026-05-14');
    const csv = await call('contacts/export-csv', {}, { role: 'options' });
    expect(csv.split('\r\n')[0]).toContain('Customer since');
    expect(csv).toContain('dana@acme.example');
  });

  it('issue 31: a file dated ahead of the clock never makes a later edit vanish; a number too big to keep is refused in words', async () => {
    const { call, store, send } = setup();
    for (const observedAt of ['2099-01-01T00:00:00.000Z', new Date(NOW.getTime() + 3 * 3_600_000).toISOString()]) {
      await call('contacts/import', { fileName: 'ahead.csv', observedAt, text: 'Email,NPS,CSAT\ndana@acme.example,3,40\n' });
      await call('contact/edit', { email: 'dana@acme.example', edit: { nps: 9 } });
      const dana = await store.getContact('dana@acme.example');
      expect(dana?.facts.nps?.value.score).toBe(9);
      // The file's stamp was taken as now, not as its future time.
      expect(dana!.facts.csat!.source.observedAt <= NOW.toISOString()).toBe(true);
    }
    // A fact stored with a future stamp before this fix: the user's edit still wins.
    await store.updateContact(
      'dana@acme.example',
      (c) => ({ ...c, facts: { ...c.facts, csat: { value: 40, source: { kind: 'import', observedAt: '2099-01-01T00:00:00.000Z' } } } }),
      NOW.toISOString(),
    );
    await call('contact/edit', { email: 'dana@acme.example', edit: { csat: 95 } });
    expect((await store.getContact('dana@acme.example'))?.facts.csat?.value).toBe(95);
    // The sidebar sends a number too long to hold as the largest one: refused, saying the bound; nothing cleared.
    const reply = await send('sidebar', 'contact/edit', { email: 'dana@acme.example', edit: { spend90d: Number.MAX_VALUE } });
    expect(reply).toEqual({ ok: false, error: 'Not saved: "Spend, last 90 days" must be at most 1000000000000. Nothing was changed.' });
    for (const customerSince of ['2026-02-30', '1800-01-01', '2030-01-01']) {
      expect(await send('sidebar', 'contact/edit', { email: 'dana@acme.example', edit: { customerSince } })).toMatchObject({ ok: false });
    }
  });

  it('a file sent in pieces (a CRM export over the 64 MB one message holds) is imported whole, once', async () => {
    const { call, send, store } = setup();
    const text = ['Email,Name,NPS', ...Array.from({ length: 40 }, (_, i) => `p${i}@peer.example,"Peer, number ${i}",${i % 11}`)].join('\n');
    const id = 'import-upload-1';
    // Cut anywhere, inside a quoted cell included: the pieces are joined before the file is read.
    for (let i = 0; i * 97 < text.length; i++) await call('upload/piece', { id, index: i, text: text.slice(i * 97, i * 97 + 97) }, { role: 'options' });
    const report = await call('contacts/import', { fileName: 'big.csv', observedAt: '2026-11-24T10:00:00.000Z', upload: id }, { role: 'options' });
    expect(report).toMatchObject({ total: 40, created: 40 });
    expect((await store.getContact('p39@peer.example'))?.name).toBe('Peer, number 39');
    await expect(call('contacts/import', { fileName: 'big.csv', observedAt: '2026-11-24T10:00:00.000Z', upload: id }, { role: 'options' })).rejects.toThrow(
      'choose the file again',
    );
    // The file is named one way: both ways, or neither, is refused before anything is read.
    for (const payload of [{}, { text: 'Email\na@b.example', upload: id }]) {
      const reply = await send('options', 'contacts/import', { fileName: 'x.csv', observedAt: '2026-11-24T10:00:00.000Z', ...payload });
      expect(reply).toMatchObject({ ok: false });
    }
  });
});

describe('asks', () => {
  it('a status change and its follow-up date are one write; a follow-up snooze, a discard and its undo, a delete and its restore', async () => {
    const { call, store } = setup();
    await store.addAsk(ask());
    await call('ask/status', { id: 'a1', status: 'sent' }, { role: 'popup' });
    let stored = (await store.asksFor('dana@acme.example'))[0]!;
    expect(stored.status).toBe('sent');
    expect(stored.followUpAt).toBeDefined();
    expect(stored.history.at(-1)).toMatchObject({ status: 'sent', note: 'set by you' });

    await call('ask/follow-up', { id: 'a1', action: 'snooze' }, { role: 'popup' });
    stored = (await store.asksFor('dana@acme.example'))[0]!;
    expect(new Date(stored.followUpAt!).getTime()).toBeGreaterThan(NOW.getTime());

    await call('ask/discard', { id: 'a1' }, { role: 'popup' });
    expect((await call('asks/list', {}, { role: 'popup' })).total).toBe(0);
    await call('ask/discard', { id: 'a1', undo: true }, { role: 'popup' });
    expect((await call('asks/list', {}, { role: 'popup' })).total).toBe(1);

    const deleted = await call('ask/delete', { id: 'a1' }, { role: 'popup' });
    expect(await store.asksFor('dana@acme.example')).toEqual([]);
    await call('ask/restore', { ask: deleted }, { role: 'popup' });
    expect(await store.asksFor('dana@acme.example')).toHaveLength(1);
    expect((await call('kpis', {}, { role: 'popup' })).overall.asks).toBe(1);
  });

  it("an ask undone in the editor is discarded, only the tab's own contact's draft with that text", async () => {
    const { call, store } = setup();
    await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content' });
    await store.addAsk(ask({ snippet: 'Would you be open to introducing' }));
    await store.addAsk(ask({ id: 'other', email: 'lee@peer.example', snippet: 'Would you be open to introducing' }));
    await call('ask/undone', { snippet: 'Would you be open to introducing' }, { role: 'content' });
    expect((await store.asksFor('dana@acme.example'))[0]?.discardedAt).toBe(NOW.toISOString());
    expect((await store.asksFor('lee@peer.example'))[0]?.discardedAt).toBeUndefined();
  });
});

describe('insert', () => {
  const setupInsert = async () => {
    const ctx = setup();
    const { call, store } = ctx;
    await call('profile/save', { name: 'Alex Moreau', email: 'alex@northwind.example', phone: '+1 555 0100', company: 'Northwind' }, { role: 'options' });
    await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content' });
    await call('contact/edit', { email: 'dana@acme.example', edit: { customerSince: '2026-07-01', nps: 10, results: 'cut onboarding by 40%' } });
    await store.updateContact('dana@acme.example', (c) => c, NOW.toISOString());
    const sent: Array<{ html: string; text: string; to: string }> = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab: number, command: unknown) => {
      sent.push(command as { html: string; text: string; to: string });
      return { ok: true, where: 'caret', subjectSet: false };
    });
    return { ...ctx, sent };
  };

  it("from the sidebar: the ask for the tab's contact, addressed to them, with their result, and recorded as drafted", async () => {
    const { call, store, sent } = await setupInsert();
    const outcome = await call('ask/insert', { email: 'dana@acme.example' });
    expect(outcome.ok).toBe(true);
    expect(sent[0]?.to).toBe('dana@acme.example');
    expect(sent[0]?.text).toContain('cut onboarding by 40%');
    expect((await store.asksFor('dana@acme.example'))[0]?.status).toBe('drafted');
  });

  it("issue 34: the CRM's logging address goes in the command's Bcc, the view says so, one ask may leave it out; never the user's or a client's address", async () => {
    const { call, send, sent, store } = await setupInsert();
    const refused = await send('options', 'logging/save', { hubspot: 'alex@northwind.example', pipedrive: 'dana@acme.example' });
    expect(!refused.ok && refused.error).toMatch(
      /HubSpot: alex@northwind.example is your own address.*Pipedrive: dana@acme.example is a client's address.*Nothing was saved/,
    );
    expect(await call('logging/get', {}, { role: 'options' })).toEqual({});
    // A client's other address is theirs too (issue 31).
    await store.updateContact('dana@acme.example', (c) => ({ ...c, otherEmails: ['dana.home@mail.example'] }), NOW.toISOString());
    const other = await send('options', 'logging/save', { gainsight: 'dana.home@mail.example' });
    expect(!other.ok && other.error).toContain("Gainsight: dana.home@mail.example is a client's address");
    await call('logging/save', { hubspot: ' 2456789@BCC.hubspot.com ', salesforce: '' }, { role: 'options' });
    const view = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(view.state === 'contact' && view.crmCopy).toEqual([{ crm: 'HubSpot', address: '2456789@bcc.hubspot.com' }]);

    const outcome = await call('ask/insert', { email: 'dana@acme.example' });
    expect((sent[0] as unknown as { bcc: string[] }).bcc).toEqual(['2456789@bcc.hubspot.com']);
    // The content script did not say it added it: the user is told to add it by hand.
    expect(outcome.message).toContain('The copy to your CRM was not added: put 2456789@bcc.hubspot.com in Bcc yourself.');
    await call('ask/insert', { email: 'dana@acme.example', crmCopy: false, confirmed: true });
    expect((sent[1] as unknown as { bcc: string[] }).bcc).toEqual([]);
  });

  it('issue 33: the template picked in the sidebar is what the view previews and what Insert and the shortcut write, for that contact only', async () => {
    const { call, deps, sent } = await setupInsert();
    const before = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(before.state === 'contact' && before.template?.choices.map((c) => c.id)).toEqual(expect.arrayContaining(['default-ask', 'default-ask-incentive']));
    await call('sidebar/template', { templateId: 'default-ask-incentive' });
    const view = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    if (view.state !== 'contact' || !view.template) throw new Error('no template');
    expect([view.template.id, view.template.recommended]).toEqual(['default-ask-incentive', 'default-ask']);
    expect((await call('ask/insert', { email: 'dana@acme.example' })).ok).toBe(true);
    // The preview is the text written, word for word.
    expect(sent[0]!.text.trim()).toBe(view.template.text);
    // The shortcut writes the same pick.
    await inserter(deps)(TAB, 'dana@acme.example', { part: 'ask', seen: true, confirmed: true });
    expect(sent[1]!.text).toContain('As a thank-you, you will get');
    // Another contact on this tab starts from the recommended template again.
    await call('page/context', gmailPage('lee@peer.example', 'Lee'), { role: 'content' });
    const other = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(other.state === 'contact' && other.template?.id).not.toBe('default-ask-incentive');
  });

  it('never for another person than the one the tab shows', async () => {
    const { call, sent } = await setupInsert();
    const outcome = await call('ask/insert', { email: 'lee@peer.example' });
    expect(outcome.ok).toBe(false);
    expect(sent).toEqual([]);
  });

  it("from the shortcut, with no sidebar open on them: the stored result and the user's phone and email stay gaps (issue 21)", async () => {
    const { deps, sent } = await setupInsert();
    const outcome = await inserter(deps)(TAB, 'dana@acme.example', { part: 'ask', seen: false });
    expect(outcome.ok).toBe(true);
    expect(sent[0]?.text).not.toContain('cut onboarding by 40%');
    expect(sent[0]?.text).not.toContain('+1 555 0100');
    expect(sent[0]?.text).toContain('[FILL IN');
    expect(outcome.message).toContain('left as gaps');
  });
});

describe('settings', () => {
  it('thresholds are checked whole; a template with a broken placeholder is refused; the profile round-trips', async () => {
    const { call, send } = setup();
    const settings = await call('settings/get', {}, { role: 'options' });
    expect(await send('options', 'settings/save', { ...settings, windowClosesAfterMonths: settings.windowOpensAfterMonths })).toEqual({
      ok: false,
      error: 'Not saved: "Referral window closes, months after the first purchase" must be after the month the window opens. Nothing was changed.',
    });
    const [template] = await call('templates/list', {}, { role: 'options' });
    await expect(call('template/save', { ...template, ask: 'Hi {{nope}}' }, { role: 'options' })).rejects.toThrow();
    await call('profile/save', { name: 'Alex', email: 'alex@northwind.example' }, { role: 'options' });
    expect((await call('profile/get', {}, { role: 'options' })).name).toBe('Alex');
  });
});

describe('sites', () => {
  it("a content script reads and saves only its own site's picks", async () => {
    const { call } = setup();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(true);
    await call('custom/picks', { picks: { email: '#e' } }, { role: 'content', url: 'https://app.hubspot.com/contacts/1/record/0-1/2' });
    expect(await call('custom/config', {}, { role: 'content', url: 'https://app.hubspot.com/contacts/1/record/0-1/3' })).toEqual({ email: '#e' });
    expect(await call('custom/config', {}, { role: 'content', url: 'https://crm.other.example/' })).toBeNull();
    await expect(call('custom/picks', { picks: { email: '#e' } }, { role: 'content', url: 'https://crm.other.example/' })).rejects.toThrow(
      'not one of your CRM sites',
    );
  });
});

describe('data', () => {
  it('a backup restores exactly; a broken one is refused in words and nothing changes', async () => {
    const { call, store } = setup();
    await call('contact/edit', { email: 'dana@acme.example', edit: { nps: 9 } });
    await store.addAsk(ask());
    const made = await call('backup/export', {}, { role: 'options' });
    expect(made).toMatchObject({ contacts: 1, asks: 1, pieces: 1 });
    const backup = JSON.parse(await call('backup/piece', { id: made.id, index: 0 }, { role: 'options' }));
    await expect(call('backup/piece', { id: made.id, index: 0 }, { role: 'options' })).rejects.toThrow('download it again');
    await call('contact/edit', { email: 'lee@peer.example', edit: { nps: 3 } });
    expect((await call('backup/check', { backup }, { role: 'options' })).current.contacts).toBe(2);
    await expect(call('backup/restore', { backup: { ...backup, asks: [{ id: 1 }] } }, { role: 'options' })).rejects.toThrow('Nothing was changed');
    expect(await store.getContact('lee@peer.example')).toBeDefined();
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    // The file as the options page sends it: its text in pieces, then restored by the upload's name.
    const text = JSON.stringify(backup);
    const id = 'upload-1234';
    for (let i = 0; i * 100 < text.length; i++) await call('upload/piece', { id, index: i, text: text.slice(i * 100, i * 100 + 100) }, { role: 'options' });
    const announced = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    expect(await call('backup/restore', { upload: id }, { role: 'options' })).toEqual({ contacts: 1, asks: 1, templates: backup.templates.length });
    // The options page hears how far the restore is (it takes minutes at 200,000 contacts).
    expect(announced).toHaveBeenCalledWith({ type: 'restore/progress', done: 2, total: 2 });
    // Used once: a second restore by that name finds nothing, and says so.
    await expect(call('backup/restore', { upload: id }, { role: 'options' })).rejects.toThrow('choose the file again');
    expect(await store.getContact('lee@peer.example')).toBeUndefined();
  });
});

describe('a restore sent and checked once (issue 35)', () => {
  it('the restore that follows a check uses the backup the check kept; once used, or after a restart, the page is told to send it again', async () => {
    const { call, store } = setup();
    await call('contact/edit', { email: 'dana@acme.example', edit: { nps: 9 } });
    const made = await call('backup/export', {}, { role: 'options' });
    const backup = JSON.parse(await call('backup/piece', { id: made.id, index: 0 }, { role: 'options' }));
    await call('contact/edit', { email: 'lee@peer.example', edit: { nps: 3 } });
    const check = await call('backup/check', { backup }, { role: 'options' });
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    expect(await call('backup/restore', { checked: check.checked }, { role: 'options' })).toMatchObject({ contacts: 1 });
    expect(await store.getContact('lee@peer.example')).toBeUndefined();
    await expect(call('backup/restore', { checked: check.checked }, { role: 'options' })).rejects.toThrow('no longer held');
    // A worker that restarted between check and restore holds nothing: a fresh setup stands for it.
    await expect(setup().call('backup/restore', { checked: check.checked }, { role: 'options' })).rejects.toThrow('sending it again');
  });
});

describe('the follow-up badge after a restore (issue 35)', () => {
  it('counts the restored sent asks whose follow-up is due (not a draft, not an answered ask), once the restore has answered', async () => {
    const { call, store } = setup();
    const due = { followUpAt: '2026-11-25T10:00:00.000Z' };
    await store.addAsk(ask({ id: 'a1', status: 'sent', ...due }));
    await store.addAsk(ask({ id: 'a2', email: 'lee@peer.example', status: 'drafted' }));
    await store.addAsk(ask({ id: 'a3', email: 'kim@peer.example', status: 'accepted', ...due }));
    await store.addAsk(ask({ id: 'a4', email: 'ola@peer.example', status: 'sent', ...due }));
    expect((await store.waitingAsks()).map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a4']);
    const made = await call('backup/export', {}, { role: 'options' });
    const backup = JSON.parse(await call('backup/piece', { id: made.id, index: 0 }, { role: 'options' }));
    await store.restoreAll({ ...backup, asks: [] });
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    const check = await call('backup/check', { backup }, { role: 'options' });
    await call('backup/restore', { checked: check.checked }, { role: 'options' });
    await vi.waitFor(() => expect(badge).toHaveBeenLastCalledWith({ text: '2' }));
  });
});

describe('a backup read where the options page holds it (issue 35)', () => {
  const ORIGIN = 'chrome-extension://abcdefghijklmnop';
  afterEach(() => vi.unstubAllGlobals());

  it("is read by its blob: URL when it is this extension's; any other, or a read that fails, is said so the page sends it in pieces", async () => {
    const { call, store } = setup();
    await call('contact/edit', { email: 'dana@acme.example', edit: { nps: 9 } });
    const made = await call('backup/export', {}, { role: 'options' });
    const text = await call('backup/piece', { id: made.id, index: 0 }, { role: 'options' });
    await call('contact/edit', { email: 'lee@peer.example', edit: { nps: 3 } });
    const mine = `blob:${ORIGIN}/0b7c6c39-1b5e-4d6e-9a43-7c1f4b2a9e11`;
    const read: string[] = [];
    vi.stubGlobal('location', { origin: ORIGIN });
    vi.stubGlobal('fetch', async (url: string) => (read.push(url), url === mine ? new Response(text) : new Response('', { status: 404 })));
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    const check = await call('backup/check', { file: mine }, { role: 'options' });
    expect(check.incoming.contacts).toBe(1);
    expect(await call('backup/restore', { checked: check.checked }, { role: 'options' })).toMatchObject({ contacts: 1 });
    expect(await store.getContact('lee@peer.example')).toBeUndefined();
    // Another extension's file is not even asked for; a file gone is said the same way.
    const theirs = 'blob:chrome-extension://zyxwvutsrqponmlk/0b7c6c39-1b5e-4d6e-9a43-7c1f4b2a9e11';
    await expect(call('backup/check', { file: theirs }, { role: 'options' })).rejects.toThrow('could not be read where the page holds it');
    await expect(call('backup/check', { file: `blob:${ORIGIN}/11111111-2222-3333-4444-555555555555` }, { role: 'options' })).rejects.toThrow(
      'could not be read where the page holds it',
    );
    expect(read).toEqual([mine, `blob:${ORIGIN}/11111111-2222-3333-4444-555555555555`]);
    // Nothing but a blob: URL of an extension is taken for one.
    for (const file of ['https://evil.example/backup.json', 'blob:https://evil.example/0b7c6c39-1b5e-4d6e-9a43-7c1f4b2a9e11'])
      expect(payloadSchema('backup/check').safeParse({ file }).success).toBe(false);
  });
});

describe('refresh on change (issue 13)', () => {
  it("every write reaches the sidebars showing that contact: a follow-up dismissed in the popup changes the open sidebar's verdict", async () => {
    const { call, store, deps } = setup();
    await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content' });
    await call('contact/edit', { email: 'dana@acme.example', edit: { customerSince: '2026-07-01', nps: 10 } });
    await store.addAsk(ask({ status: 'sent', askedAt: '2026-11-01T10:00:00.000Z', followUpAt: '2026-11-10T10:00:00.000Z' }));
    await settled();
    const refreshed: string[] = [];
    const refresh = deps.hub.refresh.bind(deps.hub);
    vi.spyOn(deps.hub, 'refresh').mockImplementation(async (email) => {
      refreshed.push(email);
      return refresh(email);
    });
    const drop = vi.spyOn(deps.queue, 'drop');
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    const before = (await call('tab/view', { tabId: TAB }, { role: 'popup' })) as SidebarView;
    expect(before.state === 'contact' && before.template?.id).toMatch(/follow/);

    await call('ask/follow-up', { id: 'a1', action: 'dismiss' }, { role: 'popup' });
    await vi.waitFor(() => expect(refreshed).toEqual(['dana@acme.example']));
    expect(drop).toHaveBeenCalled();
    const after = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(after.state === 'contact' && after.template?.id).not.toMatch(/follow/);
  });

  it('settings, templates and the profile refresh every sidebar', async () => {
    const { call, deps } = setup();
    const all = vi.spyOn(deps.hub, 'refreshAll').mockResolvedValue();
    await call('profile/save', { name: 'Alex' }, { role: 'options' });
    await call('never-ask/save', { emails: ['ceo@rival.example'], domains: [] }, { role: 'options' });
    await vi.waitFor(() => expect(all).toHaveBeenCalledTimes(2));
  });
});

describe('queue', () => {
  it('"Compose in Gmail" gives a Gmail compose to the contact with the ask written in, recorded as a draft that does not yet count as asked', async () => {
    const { call, store } = setup();
    await store.updateContact(
      'dana@acme.example',
      (c) => ({
        ...c,
        name: 'Dana Whitfield',
        company: 'Acme',
        facts: {
          customerSince: { value: '2026-07-10', source: { kind: 'manual', observedAt: NOW.toISOString() } },
          nps: { value: { score: 9 }, source: { kind: 'manual', observedAt: NOW.toISOString() } },
        },
      }),
      NOW.toISOString(),
    );
    const { url, template } = await call('queue/compose', { email: 'dana@acme.example' }, { role: 'popup' });
    const u = new URL(url);
    expect(u.origin + u.pathname).toBe('https://mail.google.com/mail/');
    expect(u.searchParams.get('view')).toBe('cm');
    expect(u.searchParams.get('to')).toBe('dana@acme.example');
    expect(u.searchParams.get('body')).toMatch(/^Hi Dana,/);
    expect(template).toBeTruthy();
    const asks = await store.asksFor('dana@acme.example');
    expect(asks).toEqual([expect.objectContaining({ status: 'drafted' })]);
    // Her ask is drafted: "Who to ask" no longer lists her (it did, and the next click recorded a second ask).
    const view = await call('queue/list', {}, { role: 'popup' });
    expect(view.rows.map((r) => r.email)).not.toContain('dana@acme.example');
    // Compose in Gmail again (from a popup opened before): the same ask written in, not recorded twice.
    const again = await call('queue/compose', { email: 'dana@acme.example' }, { role: 'popup' });
    expect(new URL(again.url).searchParams.get('body')).toMatch(/^Hi Dana,/);
    expect(again.note).toMatch(/still open: this is the same ask, not recorded again/);
    expect(await store.asksFor('dana@acme.example')).toHaveLength(1);
    // Discarded, the draft is no longer open: she is back in the queue.
    await call('ask/discard', { id: asks[0]!.id }, { role: 'popup' });
    expect((await call('queue/list', {}, { role: 'popup' })).rows.map((r) => r.email)).toContain('dana@acme.example');
  });

  it('where an ask is not advised yet, the draft opens empty with the reason, and nothing is recorded', async () => {
    const { call, store } = setup();
    const src = { kind: 'manual' as const, observedAt: NOW.toISOString() };
    // Four months a customer, a promoter, but a colleague at Acme was asked last week.
    for (const email of ['dana@acme.example', 'lee@acme.example']) {
      await store.updateContact(
        email,
        (c) => ({ ...c, company: 'Acme', facts: { customerSince: { value: '2026-07-10', source: src }, nps: { value: { score: 9 }, source: src } } }),
        NOW.toISOString(),
      );
    }
    await store.addAsk(
      ask({ email: 'dana@acme.example', status: 'sent', askedAt: '2026-11-18T10:00:00.000Z', history: [{ status: 'sent', at: '2026-11-18T10:00:00.000Z' }] }),
    );
    const reply = await call('queue/compose', { email: 'lee@acme.example' }, { role: 'popup' });
    expect(new URL(reply.url).searchParams.get('body')).toBeNull();
    expect(reply.note).toMatch(/^No ask written in: Asked a colleague at Acme on Nov 18/);
    expect(await store.asksFor('lee@acme.example')).toEqual([]);
  });

  it('refuses a contact on the never-ask list, and one no longer stored', async () => {
    const { call, store } = setup();
    await store.updateContact('lee@peer.example', (c) => ({ ...c, neverAsk: true }), NOW.toISOString());
    await expect(call('queue/compose', { email: 'lee@peer.example' }, { role: 'popup' })).rejects.toThrow(/never-ask/);
    await expect(call('queue/compose', { email: 'nobody@peer.example' }, { role: 'popup' })).rejects.toThrow(/no longer stored/);
  });
});

describe('attribution (issue 19)', () => {
  it("an intro converts when the person's record shows them a customer since the intro, never for a customer from before it", async () => {
    const { call, store } = setup();
    const intro = (id: string, at: string) =>
      ask({ id, status: 'introduced', referral: { name: 'Priya', email: 'priya@lumen.example' }, history: [{ status: 'introduced', at }] });
    await store.addAsk(intro('early', '2026-11-01T10:00:00.000Z'));
    await store.addAsk(intro('late', '2026-11-20T10:00:00.000Z'));
    const record: PageContext = {
      host: 'hubspot',
      hostLabel: 'HubSpot',
      url: 'https://app.hubspot.com/contacts/1/record/0-1/9',
      contact: { email: 'priya@lumen.example', name: 'Priya' },
      people: [{ email: 'priya@lumen.example', name: 'Priya', seen: 'record' }],
      shown: { values: { customerSince: '2026-11-10', lifecycleStage: 'Customer' } },
      composeCount: 0,
      missing: [],
    };
    await call('page/context', record, { role: 'content' });
    const [early, late] = await Promise.all([
      store.asksFor('dana@acme.example').then((all) => all.find((a) => a.id === 'early')!),
      store.asksFor('dana@acme.example').then((all) => all.find((a) => a.id === 'late')!),
    ]);
    expect(early.status).toBe('converted');
    expect(early.history.at(-1)?.note).toBe('their HubSpot record shows lifecycle stage "Customer", a customer since 2026-11-10');
    // Introduced on Nov 20, a customer since Nov 10: a customer already, not this intro's.
    expect(late.status).toBe('introduced');
  });

  it("issue 31: no conversion, and no reward owed, without the record's own evidence", async () => {
    const { call, store } = setup();
    await call('profile/save', { name: 'Alex', email: 'alex@northwind.example', incentive: 'a $100 credit', friendOffer: 'a free month' }, { role: 'options' });
    const base: PageContext = {
      host: 'hubspot',
      hostLabel: 'HubSpot',
      url: 'https://app.hubspot.com/contacts/1/record/0-1/9',
      contact: { email: 'priya@lumen.example', name: 'Priya' },
      people: [{ email: 'priya@lumen.example', name: 'Priya', seen: 'record' }],
      shown: { values: { customerSince: '2026-11-25', lifecycleStage: 'Customer' } },
      composeCount: 0,
      missing: [],
    };
    const cases: Array<[string, PageContext, string?]> = [
      ['a former customer', { ...base, shown: { values: { ...base.shown!.values, lifecycleStage: 'Former customer' } } }],
      ['a potential customer', { ...base, shown: { values: { ...base.shown!.values, lifecycleStage: 'Potential customer' } } }],
      [
        'Pipedrive: not a customer yet',
        { ...base, host: 'pipedrive', hostLabel: 'Pipedrive', shown: { values: { ...base.shown!.values, lifecycleStage: 'Not a customer yet' } } },
      ],
      ['"Customer" with no day it started', { ...base, shown: { values: { lifecycleStage: 'Customer' } } }],
      // A content script sends what the page writes; facts it claims already read are not taken.
      ['facts a page claims already read', { ...base, shown: undefined, facts: { customerSince: '2026-11-25', lifecycleStage: 'Customer' } }],
      ['a person only linked from the record', { ...base, people: [{ email: 'priya@lumen.example', seen: 'associated' }] }],
      ['a self-referral', base, 'priya@lumen.example'],
      ["a colleague at the referrer's company", base, 'dana@lumen.example'],
    ];
    for (const [what, page, referrer = 'dana@acme.example'] of cases) {
      await store.addAsk(
        ask({
          id: what,
          email: referrer,
          status: 'introduced',
          referral: { email: 'priya@lumen.example' },
          history: [{ status: 'introduced', at: '2026-11-20T10:00:00.000Z' }],
        }),
      );
      await call('page/context', page, { role: 'content' });
      const after = (await store.allAsks()).find((a) => a.id === what)!;
      expect([what, after.status, after.rewards]).toEqual([what, 'introduced', undefined]);
      await store.deleteAsk(what);
    }
  });
});

describe('records that never guess (issue 31)', () => {
  it("a referral address is a real one, and not the client's own", async () => {
    const { call, send, store } = setup();
    await store.addAsk(ask({ status: 'accepted' }));
    for (const email of ['not an email', 'a@b']) {
      expect(await send('popup', 'ask/status', { id: 'a1', status: 'introduced', referral: { name: 'Lee', email } })).toMatchObject({ ok: false });
    }
    await expect(call('ask/status', { id: 'a1', status: 'introduced', referral: { email: 'Dana@Acme.example' } }, { role: 'popup' })).rejects.toThrow(
      "dana@acme.example is the client's own address",
    );
    expect((await store.getAsk('a1'))?.status).toBe('accepted');
    await call('ask/status', { id: 'a1', status: 'introduced', referral: { name: 'Lee Park', email: '' } }, { role: 'popup' });
    expect((await store.getAsk('a1'))?.referral).toEqual({ name: 'Lee Park', email: '' });
  });

  it("mail from a contact's other address offers that contact; choosing them shows their record, nobody else can stand in", async () => {
    const { call, store } = setup();
    await call('contacts/import', {
      fileName: 'people.csv',
      observedAt: NOW.toISOString(),
      text: 'Person - Name,Person - Email - Home,Person - Email - Work,Person - NPS\nAstrid Lindqvist,astrid.l@gmail.example,astrid@lindqvistdesign.example,9\n',
    });
    await call('page/context', gmailPage('astrid.l@gmail.example', 'Astrid'), { role: 'content' });
    const offered = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(offered.state === 'contact' && [offered.contact.email, offered.otherAddressOf]).toEqual([
      'astrid.l@gmail.example',
      { email: 'astrid@lindqvistdesign.example', name: 'Astrid Lindqvist' },
    ]);
    // Someone else named for this page does not replace the person it shows.
    await call('sidebar/contact', { email: 'lee@peer.example' });
    const kept = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(kept.state === 'contact' && kept.contact.email).toBe('astrid.l@gmail.example');
    await call('sidebar/contact', { email: 'astrid@lindqvistdesign.example', name: 'Astrid Lindqvist' });
    const chosen = await call('tab/view', { tabId: TAB }, { role: 'popup' });
    expect(chosen.state === 'contact' && [chosen.contact.email, chosen.contact.facts.nps?.value.score]).toEqual(['astrid@lindqvistdesign.example', 9]);
    expect((await store.getContact('astrid@lindqvistdesign.example'))?.otherEmails).toEqual(['astrid.l@gmail.example']);
  });

  it('a backup whose rules close the window before it opens, or that holds a key twice, is refused at the check', async () => {
    const { send, store } = setup();
    const backup = await store.exportAll(NOW.toISOString());
    const withKv = (value: unknown) => ({ ...backup, kv: [...backup.kv.filter((e) => e.key !== 'settings'), { key: 'settings', value }] });
    const closesFirst = await send('options', 'backup/check', { backup: withKv({ windowOpensAfterMonths: 6, windowClosesAfterMonths: 3 }) });
    expect(closesFirst).toMatchObject({ ok: false, error: expect.stringContaining('must be after the month the window opens') });
    const twice = await send('options', 'backup/check', { backup: { ...backup, templates: [...backup.templates, backup.templates[0]] } });
    expect(twice).toMatchObject({ ok: false, error: expect.stringContaining('is in the file twice') });
    expect(await send('options', 'backup/check', { backup })).toMatchObject({ ok: true });
  });
});

describe('the side panel (issue 20)', () => {
  it("the toolbar button opens the panel on a tab whose sidebar is there: a CRM site the user added always, a named host by the user's choice", async () => {
    const setPopup = vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    const { call, deps } = setup();
    deps.panel.start();
    await call('page/context', gmailPage('dana@acme.example', 'Dana Whitfield'), { role: 'content', tabId: 1 });
    await call('page/context', { ...gmailPage('amara@okafor.example', 'Amara'), host: 'custom', hostLabel: 'crm.example' }, { role: 'content', tabId: 2 });
    expect(setPopup).toHaveBeenCalledWith({ tabId: 1, popup: 'popup.html' });
    expect(setPopup).toHaveBeenCalledWith({ tabId: 2, popup: '' });
    expect([deps.panel.inPanel(1), deps.panel.inPanel(2)]).toEqual([false, true]);

    await fakeBrowser.storage.local.set({ [PLACES.key]: { mail: 'panel', crm: 'page' } });
    await vi.waitFor(() => expect(setPopup).toHaveBeenCalledWith({ tabId: 1, popup: '' }));
    expect(deps.panel.inPanel(1)).toBe(true);
  });

  it('where the sidebar shows: each family falls back to the page, an added site is the panel', () => {
    expect(placesFrom(undefined)).toEqual({ mail: 'page', crm: 'page' });
    expect(placesFrom({ mail: 'panel', crm: 'elsewhere' })).toEqual({ mail: 'panel', crm: 'page' });
    expect(placeFor('outlook', { mail: 'panel', crm: 'page' })).toBe('panel');
    expect(placeFor('hubspot', { mail: 'panel', crm: 'page' })).toBe('page');
    expect(placeFor('custom', { mail: 'page', crm: 'page' })).toBe('panel');
  });
});
