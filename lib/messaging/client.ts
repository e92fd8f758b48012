/**
 * Typed requests to the background from any extension context. The background validates the
 * payload (see `protocol.ts`); a failure comes back as a rejected promise with its reason, in
 * words a user can act on (never a browser's internal message, issue 21).
 */
import { browser } from 'wxt/browser';
import type { BackgroundEvent, ContentCommand, ContentCommandReply, Payload, RequestType, Responses } from './protocol';
import { send } from './send';

export { send };

export async function request<T extends RequestType>(type: T, payload: Payload<T>): Promise<Responses[T]> {
  try {
    return await send(type, payload);
  } catch (error) {
    throw new Error(plainError(error));
  }
}

/** A browser's or a library's internal error, said plainly with what happened to the data. */
export function plainError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (/exceeded maximum allowed size|message length exceeded/i.test(raw)) {
    return 'This is too large to hand to the extension in one go (over 64 MB). Nothing was written: split the file and try again.';
  }
  if (/asynchronous response|message channel closed|Receiving end does not exist|Could not establish connection/i.test(raw)) {
    return 'The extension was restarting and did not answer: try again. Nothing was written.';
  }
  if (/\b\w+\.(bulkAdd|bulkPut|add|put)\(\): .*failed|ConstraintError|QuotaExceededError|quota/i.test(raw)) {
    return /quota/i.test(raw)
      ? "The browser has no room left for the extension's data. Nothing was written: free some disk space and try again."
      : 'Some records could not be written (a duplicate or an invalid record). Nothing was written.';
  }
  return raw;
}

/** Sends a command to a tab's top-frame content script (insert into the draft, new field picks). */
export function commandTab<C extends ContentCommand>(tabId: number, command: C): Promise<ContentCommandReply<C>> {
  return browser.tabs.sendMessage(tabId, command, { frameId: 0 }) as Promise<ContentCommandReply<C>>;
}

/** Tells the extension's pages something happened (no reply expected; no page open is fine). */
export function announce(event: BackgroundEvent): Promise<void> {
  return browser.runtime.sendMessage(event).then(
    () => undefined,
    () => undefined,
  );
}

/** Listens to the background's announcements; returns the function that stops listening. */
export function onAnnouncement(listener: (event: BackgroundEvent) => void): () => void {
  const wrapped = (message: unknown) => {
    const m = message as { type?: unknown; done?: unknown; total?: unknown } | null;
    if (typeof m?.done !== 'number') return;
    if (m.type === 'import/progress') listener({ type: 'import/progress', done: m.done });
    if (m.type === 'restore/progress' && typeof m.total === 'number') listener({ type: 'restore/progress', done: m.done, total: m.total });
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
