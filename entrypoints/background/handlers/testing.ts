/**
 * The background wired as in index.ts, over a fresh fake-indexeddb store and WXT's fake browser,
 * for the handler tests: `call` hands a handler its payload parsed, as the router does; `send`
 * goes through the router itself, sender checks and plain-words errors included.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { payloadSchema, type Reply, type RequestType, type Responses, type Role } from '@/lib/messaging/protocol';
import { CustomSites } from '../custom-sites';
import { OpenAsks } from '../open-asks';
import { QueueCache } from '../queue-cache';
import { ReadingHealthLog } from '../reading-health';
import { refreshOnChange } from '../refresh';
import { dispatch, type Handlers, type RequestContext, type TabContext } from '../router';
import { SidebarHub } from '../sidebar-hub';
import { Cases } from '../cases';
import { SidePanelPlacement } from '../side-panel';
import { Transfers } from '../transfers';
import { CrmOutbox, type Fetch } from '../crm-outbox';
import type { Deps } from './deps';
import { allHandlers } from './index';

export const NOW = new Date('2026-11-25T10:00:00.000Z');

/** Where a test's requests to a CRM's API go (a stand-in of its documented endpoints); none set: any request fails the test. */
let standIn: Fetch | undefined;
export const useStandIn = (f: Fetch | undefined) => void (standIn = f);
const fetchStandIn: Fetch = (url, init) => {
  if (!standIn) throw new Error(`a request left in a test: ${url}`);
  return standIn(url, init);
};
export const TAB = 7;
let n = 0;

export function setup() {
  const store = new Store(openDb(`handlers-test-${++n}`));
  const deps: Deps = {
    store,
    hub: new SidebarHub(store, () => NOW),
    cases: new Cases(store, () => NOW),
    queue: new QueueCache(store),
    openAsks: new OpenAsks(store, () => NOW),
    sites: new CustomSites(store),
    health: new ReadingHealthLog(store),
    panel: new SidePanelPlacement(),
    transfers: new Transfers(),
    outbox: new CrmOutbox(
      store,
      () => NOW,
      (url, init) => fetchStandIn(url, init),
    ),
    now: () => NOW,
  };
  refreshOnChange(store, deps);
  deps.cases.team = deps.outbox;
  deps.hub.readTeamFrom(deps.outbox);
  deps.outbox.onLearned = (email) => {
    void deps.hub.refresh(email);
    void deps.queue.changed({ emails: 'all', settings: true });
  };
  const handlers = allHandlers(deps);
  /** A request as the router hands it over: the payload parsed by its schema, the sender's tab. */
  const call = <T extends RequestType>(type: T, payload: unknown, context: Partial<TabContext> = {}): Promise<Responses[T]> => {
    const handler = handlers[type] as (p: unknown, c: RequestContext) => Promise<Responses[T]>;
    const parsed = payloadSchema(type).parse(payload);
    // As the router does: the popup acts on the tab it names.
    const named = context.role === 'popup' ? (parsed as { tabId?: number }).tabId : undefined;
    return handler(parsed, {
      role: 'sidebar',
      tabId: TAB,
      url: 'https://mail.google.com/mail/u/0/',
      ...context,
      ...(named !== undefined ? { tabId: named } : {}),
    });
  };
  /** A message from an extension page or a tab's content script, through the router. */
  const send = <T extends RequestType>(role: Role, type: T, payload: unknown, tabId = TAB): Promise<Reply<Responses[T]>> => {
    const page = { sidebar: 'sidebar.html', popup: 'popup.html', options: 'options.html' } as Record<string, string>;
    const sender =
      role === 'content'
        ? { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: tabId } }
        : {
            id: fakeBrowser.runtime.id,
            url: `chrome-extension://${fakeBrowser.runtime.id}/${page[role]}`,
            ...(role === 'sidebar' ? { tab: { id: tabId } } : {}),
          };
    return dispatch(type, payload, sender as never, handlers as Handlers);
  };
  return { store, deps, call, send, handlers };
}
