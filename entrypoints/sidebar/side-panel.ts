/**
 * Opening the browser's side panel (issue 20): Chrome's `sidePanel` (MV3, 114+), Firefox's
 * `sidebarAction`; from the in-page sidebar's "show in the side panel" and from the background
 * (toolbar button, shortcut). Both open only in answer to the user's own gesture, so every caller opens it
 * first thing in a click or shortcut handler, before anything it awaits.
 */
import { browser } from 'wxt/browser';
import type { HostFamily } from '@/lib/sidebar-place';
import { getPref, PLACES, setPref } from '@/lib/prefs';

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type FirefoxSidebar = { open(): Promise<void> };

/** An API this context may not have: asking for one a context lacks can throw rather than answer `undefined`. */
function api<T>(get: () => T | undefined): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
const chromePanel = () => api(() => (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel);
const firefoxSidebar = () => api(() => (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction);

/** Opens the side panel beside `tabId`. Call it straight from the click or keystroke. */
export function openSidePanel(tabId: number | undefined): Promise<void> {
  const chrome = chromePanel();
  if (chrome && tabId !== undefined) return chrome.open({ tabId });
  const firefox = firefoxSidebar();
  if (firefox) return firefox.open();
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}
/** True where this browser gives extensions a side panel (asked when needed, not when the page loads). */
export const hasSidePanel = (): boolean => !!(chromePanel() || firefoxSidebar());

/** "Show in the side panel": opens it now, and from now on this family's pages keep their whole width. */
export async function moveToSidePanel(family: HostFamily, tabId: number | undefined): Promise<void> {
  const opening = openSidePanel(tabId).catch(() => undefined);
  await setPref(PLACES, { ...(await getPref(PLACES)), [family]: 'panel' });
  await opening;
}
