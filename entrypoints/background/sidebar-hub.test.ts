import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { describe, expect, it, vi } from 'vitest';
import type { PageContext } from '@/lib/hosts/types';
import type { SidebarView } from '@/lib/views';
import { NOW, setup, TAB } from './handlers/testing';

const KEY = 'frame-key-1';

/** The sidebar frame's end of the port, as the browser would hand it to the background. */
function sidebarPort() {
  const sent: SidebarView[] = [];
  const port = {
    name: `sidebar:${KEY}`,
    sender: { id: browser.runtime.id, url: browser.runtime.getURL('/sidebar.html'), tab: { id: TAB } },
    postMessage: vi.fn((view: SidebarView) => void sent.push(structuredClone(view))),
    disconnect: vi.fn(),
    onMessage: { addListener: vi.fn() },
    onDisconnect: { addListener: vi.fn() },
  } as unknown as Browser.runtime.Port;
  return { port, sent };
}

const page = (email: string, nps: number): PageContext => ({
  host: 'hubspot',
  hostLabel: 'HubSpot',
  url: `https://app.hubspot.com/contacts/1/record/0-1/${email}`,
  contact: { email, name: 'Dana Reyes' },
  people: [{ email, name: 'Dana Reyes', seen: 'record' }],
  facts: { nps },
  composeCount: 0,
  missing: [],
});

describe('the sidebar hub sends each view once (issue 16)', () => {
  async function connected() {
    fakeBrowser.reset();
    const t = setup();
    await t.deps.hub.registerFrame(TAB, KEY);
    const { port, sent } = sidebarPort();
    await t.deps.hub['connect'](port);
    await vi.waitFor(() => expect(sent.at(-1)?.state).toBe('waiting'));
    return { ...t, sent };
  }
  const settled = () => new Promise((r) => setTimeout(r, 50));

  it('shows a contact the page names with what the page shows, and stores it', async () => {
    const { deps, store, sent } = await connected();
    await deps.hub.setPage(TAB, page('dana@acme.example', 9));
    await settled();
    const shown = sent.filter((v) => v.state === 'contact');
    expect(shown[0]).toMatchObject({ contact: { email: 'dana@acme.example', name: 'Dana Reyes', facts: { nps: { value: { score: 9 } } } } });
    expect((await store.getContact('dana@acme.example'))?.facts.nps?.value.score).toBe(9);
    // The write's announcement and the verdict's entry in the log change nothing shown but the log: sent again only if the view differs.
    for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toEqual(shown[i - 1]);
  });

  it('does not send a sidebar the view it already shows; a change sends it', async () => {
    const { deps, store, sent } = await connected();
    await deps.hub.setPage(TAB, page('dana@acme.example', 9));
    await settled();
    const before = sent.length;
    await deps.hub.refresh('dana@acme.example');
    await deps.hub.setPage(TAB, page('dana@acme.example', 9));
    await settled();
    expect(sent.length).toBe(before);
    await store.updateContact('dana@acme.example', (c) => ({ ...c, name: 'Dana R.' }), NOW.toISOString());
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ state: 'contact', contact: { name: 'Dana R.' } }));
    expect(sent.length).toBe(before + 1);
  });
});

describe('an open sidebar follows what the options page saves', () => {
  it('shows the CRM copy choice as soon as a logging address is saved, and drops it when it is removed', async () => {
    fakeBrowser.reset();
    const t = setup();
    await t.deps.hub.registerFrame(TAB, KEY);
    const { port, sent } = sidebarPort();
    await t.deps.hub['connect'](port);
    const email = 'dana@acme.example';
    await t.deps.hub.setPage(TAB, {
      host: 'gmail',
      hostLabel: 'Gmail',
      url: 'https://mail.google.com/mail/u/0/#inbox/abc',
      accountEmail: 'alex@northwind.example',
      contact: { email, name: 'Dana Reyes' },
      people: [{ email, name: 'Dana Reyes', seen: 'sender', order: 0 }],
      thread: { id: 'abc', subject: 'Q3', messages: [{ from: email, fromName: 'Dana Reyes', date: '2026-11-20T09:00:00.000Z', text: 'Thanks!' }] },
      composeCount: 1,
      missing: [],
    });
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ state: 'contact', contact: { email: 'dana@acme.example' } }));
    expect(sent.at(-1)).not.toHaveProperty('crmCopy');
    await t.call('logging/save', { hubspot: '2456789@bcc.hubspot.com' }, { role: 'options' });
    await vi.waitFor(() => expect(sent.at(-1)).toMatchObject({ crmCopy: [{ crm: 'HubSpot', address: '2456789@bcc.hubspot.com' }] }));
    await t.call('logging/save', {}, { role: 'options' });
    await vi.waitFor(() => expect(sent.at(-1)).not.toHaveProperty('crmCopy'));
  });
});
