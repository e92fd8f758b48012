/**
 * The only script that runs in host pages. Small and React-free: it reads the page through its
 * host adapter, reports what changed to the background, mounts the sidebar iframe, and writes
 * into a compose box when the background (never the page) asks it to.
 * On a CRM site the user added, it is registered at run time and reads the fields picked there;
 * such sites get no sidebar iframe (it is web-accessible only on the named hosts): their
 * contact shows in the toolbar popup.
 */
import { browser } from 'wxt/browser';
import { CaretMemory, insertIntoCompose, openReplyIfNeeded } from '@/lib/hosts/compose';
import { customAdapter } from '@/lib/hosts/custom';
import { adapterFor } from '@/lib/hosts';
import { ALL_HOST_MATCHES } from '@/lib/hosts/matches';
import { watchPage } from '@/lib/hosts/observe';
import type { HostAdapter, PageContext } from '@/lib/hosts/types';
import { isConfigCommand, isInsertCommand } from '@/lib/messaging/content-commands';
import { mountSidebar } from './sidebar-frame';

export default defineContentScript({
  matches: ALL_HOST_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const builtIn = adapterFor(location.href);
    let adapter: HostAdapter | undefined = builtIn ?? (await customSite());
    if (!adapter) return;
    if (builtIn) mountSidebar(ctx);

    const caret = new CaretMemory(() => adapter!.composeEditors(document));
    document.addEventListener('selectionchange', () => caret.remember(document), { signal: ctx.signal });

    let lastReport = '';
    const report = () => {
      const context = readSafely(adapter!);
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
      // Only the background may command this script: not the page, not another extension.
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      if (isInsertCommand(message)) {
        const { html, text, subject } = message;
        return openReplyIfNeeded(document, adapter!).then(() => insertIntoCompose(document, adapter!, { html, text, subject }, caret));
      }
      if (isConfigCommand(message) && !builtIn) {
        adapter = customAdapter(location.hostname, message.picks);
        report();
        return Promise.resolve(true);
      }
      return undefined;
    });
  },
});

/** On a CRM site the user added: its picks (possibly none yet), else nothing to do here. */
async function customSite(): Promise<HostAdapter | undefined> {
  const reply = (await browser.runtime.sendMessage({ type: 'custom/config', payload: {} }).catch(() => undefined)) as
    | { ok: boolean; value?: Record<string, string> | null }
    | undefined;
  return reply?.ok && reply.value ? customAdapter(location.hostname, reply.value) : undefined;
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
