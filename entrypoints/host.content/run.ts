/**
 * What runs in a host page, shared by the two content scripts (mail: Gmail and Outlook; CRM: the
 * named CRMs and the sites the user added). Small and React-free: it reads the page through its
 * host adapter, reports what changed to the background, mounts the sidebar iframe on the named
 * hosts, and writes into a compose box when the background (never the page) asks it to.
 * Split by host family so a page carries only the readers it needs (the injected-size budget).
 */
import { browser } from 'wxt/browser';
import { boundPage } from '@/lib/hosts/bounds';
import { CaretMemory, insertIntoCompose } from '@/lib/hosts/compose';
import { watchPage } from '@/lib/hosts/observe';
import type { HostAdapter, PageContext } from '@/lib/hosts/types';
import { send as request } from '@/lib/messaging/send';
import { isConfigCommand, isInsertCommand, isSelectCommand } from '@/lib/messaging/content-commands';
import { placeSidebar } from './sidebar-frame';
import type { HostFamily } from '@/lib/sidebar-place';

export interface HostScript {
  /** The named host's adapter for this URL, if any. */
  builtIn?: HostAdapter;
  /** How picks made on this site (a CRM the user added, or a named host taught by hand) are read; absent: none. */
  withPicks?: (picks: Record<string, string>, builtIn?: HostAdapter) => HostAdapter;
  /** Pages of the app that are about no customer (settings, setup): the script waits there, idle. */
  idleOn?: (url: string) => boolean;
  /** Which sidebar place setting applies to the named host (`sidebar-place.ts`). */
  family: HostFamily;
  /** Opens a draft when none is open, where the host can (Gmail's Reply): the webmails only, so the CRM script carries none of it. */
  openDraft?: (doc: Document, adapter: HostAdapter) => Promise<void>;
}

/** Resolves when the page's URL leaves the pages `idleOn` names (the app navigated), checking on navigation and once a second. */
function whileIdle(idleOn: (url: string) => boolean, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    const check = () => {
      if (idleOn(location.href)) return;
      clearInterval(timer);
      nav?.removeEventListener('navigatesuccess', check);
      resolve();
    };
    const timer = setInterval(check, 1_000);
    nav?.addEventListener('navigatesuccess', check, { signal });
    signal.addEventListener('abort', () => clearInterval(timer));
  });
}

/**
 * This copy's lifetime. Not WXT's context: the page can end that one with a forged
 * `wxt:content-script-started` event (issue 21). This one ends when a newer copy of the script
 * starts in this frame (it says so through the content scripts' own global scope, which the page
 * cannot reach) or when the extension that injected it is gone (reloaded or updated).
 */
function lifetime(): AbortController {
  const life = new AbortController();
  const scope = globalThis as { stopReferralWindow?: () => void };
  scope.stopReferralWindow?.();
  scope.stopReferralWindow = () => life.abort();
  return life;
}

export async function runHostScript({ builtIn, withPicks, idleOn, family, openDraft }: HostScript): Promise<void> {
  const life = lifetime();
  const signal = life.signal;
  const orphaned = () => {
    if (!browser.runtime?.id) life.abort();
  };
  if (idleOn?.(location.href)) await whileIdle(idleOn, signal);
  if (signal.aborted) return;
  if (builtIn) placeSidebar(family, signal);
  const picks = withPicks ? await sitePicks() : undefined;
  let adapter: HostAdapter | undefined = picks && withPicks ? withPicks(picks, builtIn) : builtIn;
  if (!adapter) return;

  const caret = new CaretMemory(() => adapter!.composeEditors(document));
  document.addEventListener('selectionchange', () => caret.remember(document), { signal });

  let lastReport = '';
  /** The ask last inserted, while its draft is open: if its text disappears (undo), the ask is discarded. */
  let inserted: { editor: HTMLElement; lines: string[]; snippet: string } | undefined;
  const fold = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
  const checkUndone = () => {
    if (!inserted) return;
    if (!inserted.editor.isConnected) inserted = undefined;
    else if (!inserted.lines.some((l) => fold(inserted!.editor.textContent).includes(l))) {
      void request('ask/undone', { snippet: inserted.snippet }).catch(() => undefined);
      inserted = undefined;
    }
  };
  /** Reads the page and tells the background what changed; false when the reading is the same as last time. */
  const report = (): boolean => {
    checkUndone();
    const context = boundPage(readSafely(adapter!));
    const signature = JSON.stringify(context);
    if (signature === lastReport) return false;
    lastReport = signature;
    request('page/context', context).catch(() => {
      // Not delivered: said again on the next change, unless the extension is gone (this copy is then orphaned and stops).
      lastReport = '';
      orphaned();
    });
    return true;
  };
  report();
  watchPage(window, report, { signal });

  const onCommand = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background may command this script: not the page, not another extension; and only its live copy.
    if (signal.aborted || sender.id !== browser.runtime.id || sender.tab) return undefined;
    // Stop: the user withdrew this site's access (a `StopCommand`).
    if ((message as { type?: unknown } | null)?.type === 'stop') {
      life.abort();
      return Promise.resolve(true);
    }
    if (isInsertCommand(message)) {
      const { html, text, subject, to, snippet, confirmedFor, bcc } = message;
      return (openDraft?.(document, adapter!) ?? Promise.resolve()).then(async () => {
        const used: { editor?: HTMLElement } = {};
        const result = insertIntoCompose(document, adapter!, { html, text, subject, to, confirmedFor }, caret, used);
        // The CRM's copy: its logging address in this draft's Bcc, where the host shows one (issue 34).
        if (result.ok && bcc?.length && used.editor) {
          result.copy = adapter!.addBcc ? await adapter!.addBcc(used.editor, bcc) : { added: [], failed: bcc };
        }
        if (result.ok && snippet) {
          // The inserted text's longer lines: the ask is undone only when none of them is left.
          const lines = text
            .split('\n')
            .map((l) => fold(l).trim())
            .filter((l) => l.length >= 20 && !l.startsWith('['))
            .slice(0, 3);
          const editor = adapter!.composeEditors(document).find((e) => lines.some((l) => fold(e.textContent).includes(l)));
          if (editor && lines.length) inserted = { editor, lines, snippet };
        }
        return result;
      });
    }
    if (isSelectCommand(message)) return Promise.resolve(selectInDrafts(adapter!.composeEditors(document), message.text));
    if (isConfigCommand(message) && withPicks) {
      adapter = withPicks(message.picks, builtIn);
      report();
      return Promise.resolve(true);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onCommand);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onCommand));
}

/** The fields picked on this site (a CRM the user added, or a named host taught by hand), if any. */
async function sitePicks(): Promise<Record<string, string> | undefined> {
  return (await request('custom/config', {}).catch(() => null)) ?? undefined;
}

/** A host that changed its layout must never throw into its own page: report what is missing. */
function readSafely(adapter: HostAdapter): PageContext {
  try {
    return adapter.read(document, location.href);
  } catch (error) {
    return {
      host: adapter.id,
      hostLabel: adapter.label,
      url: location.href,
      composeCount: 0,
      missing: [`the page layout (${error instanceof Error ? error.message.slice(0, 120) : 'unreadable'})`],
    };
  }
}

/** Selects the first `text` in the open drafts (a gap to type over) and focuses its editor. */
function selectInDrafts(editors: HTMLElement[], text: string): boolean {
  for (const editor of editors) {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      editor.focus();
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}
