/**
 * The background's front door: every request is checked for who sent it (content script,
 * sidebar, popup, options; nothing else) and for its payload shape before a handler runs.
 */
import { browser, type Browser } from 'wxt/browser';
import { describeIssues } from '@/lib/messaging/words';
import {
  payloadSchema,
  requests,
  type ParsedPayload,
  type Reply,
  type RequestType,
  type Responses,
  type Role,
  type TabRequest,
} from '@/lib/messaging/protocol';

type Sender = Browser.runtime.MessageSender;

export interface RequestContext {
  role: Role;
  /** The tab the request came from (content script or sidebar). */
  tabId?: number;
  /** The sender's page (a content script's host page). */
  url?: string;
}

/** What a request that acts on a tab knows: which tab (never guessed). */
export interface TabContext extends RequestContext {
  tabId: number;
}

export type Handlers = {
  [T in RequestType]: (payload: ParsedPayload<T>, context: T extends TabRequest ? TabContext : RequestContext) => Promise<Responses[T]>;
};

// The setup page is the options page's first steps: the same rights. The browser's side panel acts
// as the popup does: an extension page outside any host page, naming the tab it acts on.
const EXTENSION_PAGES: Record<string, Role> = {
  '/sidebar.html': 'sidebar',
  '/popup.html': 'popup',
  '/sidepanel.html': 'popup',
  '/options.html': 'options',
  '/setup.html': 'options',
};

/** Who sent a message; undefined for anything we do not talk to. */
export function roleOf(sender: Sender): Role | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const origin = browser.runtime.getURL('/');
  if (sender.url?.startsWith(origin)) {
    const role = EXTENSION_PAGES[new URL(sender.url).pathname];
    // The sidebar only exists inside a host tab; a sidebar page opened on its own has no tab to serve.
    if (role === 'sidebar' && sender.tab?.id === undefined) return undefined;
    return role;
  }
  // Anything else from our own extension with a tab is a content script.
  return sender.tab?.id !== undefined ? 'content' : undefined;
}

/** Called when an allowed sender's payload fails its schema (a page read too odd to accept). */
export type OnRejected = (type: RequestType, context: RequestContext, reason: string) => Promise<void> | void;

export function listen(handlers: Handlers, onRejected?: OnRejected): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(requests, type)) return undefined;
    return dispatch(type as RequestType, (message as { payload?: unknown }).payload, sender, handlers, onRejected);
  });
}

export async function dispatch<T extends RequestType>(
  type: T,
  payload: unknown,
  sender: Sender,
  handlers: Handlers,
  onRejected?: OnRejected,
): Promise<Reply<Responses[T]>> {
  const role = roleOf(sender);
  const spec = requests[type];
  if (!role || !(spec.from as readonly Role[]).includes(role)) {
    return { ok: false, error: `${type} is not accepted from ${role ?? 'this sender'}` };
  }
  const parsed = payloadSchema(type).safeParse(payload);
  if (!parsed.success) {
    const reason = describeIssues(type, parsed.error.issues as never);
    await onRejected?.(type, { role, tabId: sender.tab?.id, url: sender.url }, reason);
    return { ok: false, error: `Not saved: ${reason}. Nothing was changed.` };
  }
  // The tab a request acts on: the sender's own (content script, sidebar), or the one the popup names.
  const tabId = role === 'popup' ? (parsed.data as { tabId?: number }).tabId : sender.tab?.id;
  if ('tab' in spec && tabId === undefined) return { ok: false, error: `${type} needs the tab it acts on.` };
  try {
    const handler = handlers[type] as (p: unknown, c: RequestContext) => Promise<Responses[T]>;
    return { ok: true, value: await handler(parsed.data, { role, tabId, url: sender.url }) };
  } catch (error) {
    console.error(`[referral-window] ${type} failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
