import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { FRAME_KEY_MESSAGE, SIDEBAR_PORT } from '@/lib/messaging/channels';
import type { SidebarView } from '@/lib/views';

/** How long a frame waits for its key before saying it is not one the extension mounted. */
const KEY_WAIT_MS = 5_000;

/**
 * The one-time key the content script hands the frame it mounted (issue 21): listened for from
 * the moment this module runs, since the frame's load event (when the key is sent) may come
 * before React has rendered.
 */
let frameKey: string | undefined;
const onFrameKey = new Set<() => void>();
window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; key?: unknown } | null;
  if (event.source !== window.parent || window.parent === window || data?.type !== FRAME_KEY_MESSAGE) return;
  if (typeof data.key !== 'string' || data.key.length > 100 || data.key === frameKey) return;
  frameKey = data.key;
  for (const listener of onFrameKey) listener();
});

/**
 * The view the background computes for this tab, kept current over a port. The background
 * knows our tab from the port's sender, so no contact data ever crosses `window.postMessage`;
 * only the key does, and the background serves no frame without the key it was given. If the
 * service worker restarts, the port closes and we reconnect with the same key.
 */
export function useSidebarView(): SidebarView {
  const [view, setView] = useState<SidebarView>({ state: 'waiting' });
  useEffect(() => {
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      port = browser.runtime.connect({ name: `${SIDEBAR_PORT}:${frameKey}` });
      port.onMessage.addListener((message) => {
        const next = message as SidebarView;
        if (next.state === 'not-ours') closed = true;
        setView(next);
      });
      port.onDisconnect.addListener(() => {
        if (!closed) retry = setTimeout(connect, 300);
      });
    };
    const keyed = () => {
      clearTimeout(waiting);
      clearTimeout(retry);
      port?.disconnect();
      connect();
    };
    const waiting = setTimeout(() => setView({ state: 'not-ours' }), KEY_WAIT_MS);
    onFrameKey.add(keyed);
    if (frameKey) keyed();
    return () => {
      closed = true;
      clearTimeout(retry);
      clearTimeout(waiting);
      onFrameKey.delete(keyed);
      port?.disconnect();
    };
  }, []);
  return view;
}
