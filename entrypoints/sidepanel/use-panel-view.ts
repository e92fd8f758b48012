import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { PANEL_PORT } from '@/lib/messaging/channels';
import type { PanelMessage, SidebarView } from '@/lib/views';

/** The tab named in the address (`sidepanel.html?tab=12`): the panel then stays with it. */
const pinned = Number(new URLSearchParams(location.search).get('tab')) || undefined;

/**
 * The view of the tab this panel shows, kept current over a port as the in-page sidebar's is. The
 * panel tells the background which tab it shows (the window's active one, as the user switches
 * tabs); the background sends that tab's view whenever its page or data change.
 */
export function usePanelView(): { tabId?: number; view: SidebarView } {
  const [shown, setShown] = useState<{ tabId?: number; view: SidebarView }>({ view: { state: 'waiting' } });
  useEffect(() => {
    let closed = false;
    let tabId = pinned;
    let windowId: number | undefined;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const show = (id: number | undefined) => {
      tabId = id;
      setShown({ tabId: id, view: { state: 'waiting' } });
      if (id !== undefined) port?.postMessage({ tabId: id });
    };
    const connect = () => {
      port = browser.runtime.connect({ name: PANEL_PORT });
      port.onMessage.addListener((message) => {
        const { tabId: about, view } = message as PanelMessage;
        if (about === tabId) setShown({ tabId: about, view });
      });
      // A restarted service worker closes the port: connect again, still showing the same tab.
      port.onDisconnect.addListener(() => {
        if (!closed) retry = setTimeout(connect, 300);
      });
      if (tabId !== undefined) port.postMessage({ tabId });
    };
    connect();
    const onActivated = ({ tabId: id, windowId: where }: { tabId: number; windowId: number }) => {
      if (!pinned && where === windowId) show(id);
    };
    if (!pinned) {
      void browser.windows.getCurrent().then(async (w) => {
        windowId = w.id;
        const [active] = await browser.tabs.query({ active: true, windowId });
        show(active?.id);
      });
      browser.tabs.onActivated.addListener(onActivated);
    }
    return () => {
      closed = true;
      clearTimeout(retry);
      browser.tabs.onActivated.removeListener(onActivated);
      port?.disconnect();
    };
  }, []);
  return shown;
}
