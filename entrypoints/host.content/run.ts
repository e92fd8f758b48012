/**
 * What runs in a host page, shared by the two content scripts (mail: Gmail and Outlook; CRM: the
 * named CRMs and the sites the user added). Small and React-free: it reads the page through its
 * host adapter, reports what changed to the background, mounts the sidebar iframe on the named
 * hosts, and writes into a compose box when the background (never the page) asks it to.
 * Split by host family so a page carries only the readers it needs (the injected-size budget).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { boundPage } from '@/lib/hosts/bounds';
import { CaretMemory, insertIntoCompose, openReplyIfNeeded } from '@/lib/hosts/compose';
import { watchPage } from '@/lib/hosts/observe';
import type { HostAdapter, PageContext } from '@/lib/hosts/types';
import { send as request } from '@/lib/messaging/send';
import { isConfigCommand, isInsertCommand } from '@/lib/messaging/content-commands';
import { mountSidebar } from './sidebar-frame';

export interface HostScript {
  /** The named host's adapter for this URL, if any. */
  builtIn?: HostAdapter;
  /** How picks made on this site (a CRM the user added, or a named host taught by hand) are read; absent: none. */
  withPicks?: (picks: Record<string, string>, builtIn?: HostAdapter) => HostAdapter;
}

export async function runHostScript(ctx: ContentScriptContext, { builtIn, withPicks }: HostScript): Promise<void> {
  if (builtIn) mountSidebar(ctx);
  const picks = withPicks ? await sitePicks() : undefined;
  let adapter: HostAdapter | undefined = picks && withPicks ? withPicks(picks, builtIn) : builtIn;
  if (!adapter) return;

  const caret = new CaretMemory(() => adapter!.composeEditors(document));
  document.addEventListener('selectionchange', () => caret.remember(document), { signal: ctx.signal });

  let lastReport = '';
  let account: string | undefined;
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
  const report = () => {
    checkUndone();
    const context = boundPage(readSafely(adapter!));
    account = context.accountEmail;
    const signature = JSON.stringify(context);
    if (signature === lastReport) return;
    lastReport = signature;
    request('page/context', context).catch(() => {
      // The extension was reloaded or updated: this copy of the script is orphaned.
      lastReport = '';
    });
  };
  report();
  watchPage(window, report, { signal: ctx.signal });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the background may command this script: not the page, not another extension.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    if (isInsertCommand(message)) {
      const { html, text, subject, to, snippet } = message;
      return openReplyIfNeeded(document, adapter!).then(() => {
        const result = insertIntoCompose(document, adapter!, { html, text, subject, to, account }, caret);
        if (result.ok && snippet) {
          // The inserted text's longer lines: the ask is undone only when none of them is left.
          const lines = text.split('\n').map((l) => fold(l).trim()).filter((l) => l.length >= 20 && !l.startsWith('[')).slice(0, 3);
          const editor = adapter!.composeEditors(document).find((e) => lines.some((l) => fold(e.textContent).includes(l)));
          if (editor && lines.length) inserted = { editor, lines, snippet };
        }
        return result;
      });
    }
    if (isConfigCommand(message) && withPicks) {
      adapter = withPicks(message.picks, builtIn);
      report();
      return Promise.resolve(true);
    }
    return undefined;
  });
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
