/** Keyboard shortcuts (commands API): show/hide the sidebar, insert the ask into the open draft. */
import { browser, type Browser } from 'wxt/browser';
import { COLLAPSED, getPref, setPref } from '@/lib/prefs';
import { openSidePanel } from '../sidebar/side-panel';

export const COMMANDS = { toggle: 'toggle-sidebar', insert: 'insert-ask' } as const;

export function listenForCommands(insertFor: (tabId: number) => Promise<unknown>, inPanel: (tabId: number) => boolean = () => false): void {
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab, insertFor, inPanel));
}

export async function runCommand(
  command: string,
  tab: Browser.tabs.Tab | undefined,
  insertFor: (tabId: number) => Promise<unknown>,
  inPanel: (tabId: number) => boolean = () => false,
): Promise<void> {
  if (command === COMMANDS.toggle && tab?.id !== undefined && inPanel(tab.id)) {
    // Where the sidebar is the browser's side panel, the shortcut opens it (first thing: the gesture is this keystroke).
    await openSidePanel(tab.id).catch(() => undefined);
  } else if (command === COMMANDS.toggle) {
    await setPref(COLLAPSED, !(await getPref(COLLAPSED)));
  } else if (command === COMMANDS.insert && tab?.id !== undefined) {
    await insertFor(tab.id);
  }
}
