import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SIDEBAR_PORT } from '@/lib/sidebar-layout';
import type { SidebarView } from '@/lib/views';

/**
 * The view the background computes for this tab, kept current over a port. The background
 * knows our tab from the port's sender, so no contact data ever crosses `window.postMessage`.
 * If the service worker restarts, the port closes and we reconnect.
 */
export function useSidebarView(): SidebarView {
  const [view, setView] = useState<SidebarView>({ state: 'waiting' });
  useEffect(() => {
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      port = browser.runtime.connect({ name: SIDEBAR_PORT });
      port.onMessage.addListener((message) => setView(message as SidebarView));
      port.onDisconnect.addListener(() => {
        if (!closed) retry = setTimeout(connect, 300);
      });
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      port?.disconnect();
    };
  }, []);
  return view;
}
