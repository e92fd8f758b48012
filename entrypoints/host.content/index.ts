/**
 * The only script that runs in host pages. Small and React-free: it reads the page through its
 * host adapter, reports what changed to the background, mounts the sidebar iframe, and writes
 * into a compose box when the background (never the page) asks it to.
 */
import { browser } from 'wxt/browser';
import { CaretMemory, insertIntoCompose } from '@/lib/hosts/compose';
import { adapterFor } from '@/lib/hosts';
import { ALL_HOST_MATCHES } from '@/lib/hosts/matches';
import { watchPage } from '@/lib/hosts/observe';
import { isInsertCommand } from '@/lib/messaging/content-commands';
import type { HostAdapter, PageContext } from '@/lib/hosts/types';
import { mountSidebar } from './sidebar-frame';

export default defineContentScript({
  matches: ALL_HOST_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterFor(location.href);
    if (!adapter) return;

    mountSidebar(ctx);

    const caret = new CaretMemory(() => adapter.composeEditors(document));
    document.addEventListener('selectionchange', () => caret.remember(document), { signal: ctx.signal });

    let lastReport = '';
    const report = () => {
      const context = readSafely(adapter);
      const signature = JSON.stringify(context);
      if (signature === lastReport) return;
      lastReport = signature;
      browser.runtime.sendMessage({ type: 'page/context', payload: context }).catch(() => {
        // The extension was reloaded or updated: this copy of the script is orphaned.
        lastReport = '';
      });
    };
    report();
    watchPage(window, report, { signal: ctx.signal });

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      // Only the background may ask for an insert: not the page, not another extension.
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      if (!isInsertCommand(message)) return undefined;
      const { html, text, subject } = message;
      return Promise.resolve(insertIntoCompose(document, adapter, { html, text, subject }, caret));
    });
  },
});

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
