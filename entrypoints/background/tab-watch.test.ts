import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { describe, expect, it, vi } from 'vitest';
import type { PageContext } from '@/lib/hosts/types';
import { setup } from './handlers/testing';
import { TabWatch } from './tab-watch';

const RECORD = 'https://app.hubspot.com/contacts/1/record/0-1/901';
const page = (url = RECORD): PageContext => ({
  host: 'hubspot',
  hostLabel: 'HubSpot',
  url,
  contact: { email: 'dana@acme.example', name: 'Dana Reyes' },
  people: [{ email: 'dana@acme.example', name: 'Dana Reyes', seen: 'record' }],
  composeCount: 0,
  missing: [],
});
/** The hub as the worker starts it (the fake browser has no `runtime.onConnect`: no port connects here). */
function started() {
  Object.assign(fakeBrowser.runtime, { onConnect: { addListener: () => undefined } });
  const t = setup();
  t.deps.hub.start();
  return t;
}
type Counted = { hasListeners(): boolean };
const listening = () => (fakeBrowser.tabs.onUpdated as unknown as Counted).hasListeners() || (fakeBrowser.tabs.onRemoved as unknown as Counted).hasListeners();

describe('tab events wake the worker only while it knows a tab (issue 35)', () => {
  it('listens from the first page read to the last tab it knew closing', async () => {
    fakeBrowser.reset();
    const { deps } = started();
    expect(listening()).toBe(false);
    const tab = await fakeBrowser.tabs.create({ url: RECORD });
    await deps.hub.setPage(tab.id!, page());
    expect(listening()).toBe(true);
    // The tab closes (the event as the browser sends it: the fake's own remove() cannot find its window).
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { isWindowClosing: false, windowId: tab.windowId ?? 0 });
    await vi.waitFor(() => expect(listening()).toBe(false));
    expect(await deps.hub.page(tab.id!)).toBeUndefined();
  });

  it('a tab that leaves for another site is let go at once while listening', async () => {
    fakeBrowser.reset();
    const { deps } = started();
    const tab = await fakeBrowser.tabs.create({ url: RECORD });
    await deps.hub.setPage(tab.id!, page());
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://news.example.org/today' });
    await vi.waitFor(async () => expect(await deps.hub.contactEmail(tab.id!)).toBeUndefined());
    expect(listening()).toBe(false);
  });

  it('a page kept from before the worker slept is let go if its tab left the site meanwhile, kept if not', async () => {
    fakeBrowser.reset();
    const left = await fakeBrowser.tabs.create({ url: 'https://news.example.org/today' });
    const stayed = await fakeBrowser.tabs.create({ url: `${RECORD}?view=activity` });
    const closed = 999;
    await browser.storage.session.set({ [`page:${left.id}`]: page(), [`page:${stayed.id}`]: page(), [`page:${closed}`]: page() });
    // A new life of the worker: nothing in memory, no event seen meanwhile.
    const { deps } = started();
    expect(await deps.hub.contactEmail(left.id!)).toBeUndefined();
    expect(await deps.hub.contactEmail(closed)).toBeUndefined();
    expect(await browser.storage.session.get([`page:${left.id}`, `page:${closed}`])).toEqual({});
    expect(await deps.hub.contactEmail(stayed.id!)).toBe('dana@acme.example');
    expect(listening()).toBe(true);
  });

  it('a worker that starts with no tab to watch takes back a listener left from its last life', () => {
    fakeBrowser.reset();
    const added = vi.spyOn(browser.tabs.onUpdated, 'addListener');
    const removed = vi.spyOn(browser.tabs.onUpdated, 'removeListener');
    new TabWatch().add({ watching: () => false });
    expect(added).toHaveBeenCalledTimes(1);
    expect(removed).toHaveBeenCalledWith(added.mock.calls[0]![0]);
    expect(listening()).toBe(false);
    vi.restoreAllMocks();
  });
});
