/** What the pages show: page reads from content scripts, the sidebar's frame and contact, a tab's view, reading health. */
import { browser } from 'wxt/browser';
import { censoredSkeleton } from '@/lib/hosts/diagnostic';
import type { PageContext } from '@/lib/hosts/types';
import type { Handlers } from '../router';
import { detectConversion, detectFromPage } from '../ask-rules';
import type { Deps } from './deps';

type PageHandlers = Pick<
  Handlers,
  'page/context' | 'sidebar/frame' | 'sidebar/contact' | 'sidebar/template' | 'tab/view' | 'page/diagnostic' | 'reading/health'
>;

export function pageHandlers({ store, hub, health, sites, panel, now }: Deps): PageHandlers {
  const inFlight = new Map<number, { next?: PageContext }>();

  /** Runs `work` for a tab's page read; reads arriving meanwhile are coalesced into the newest one. */
  async function latestPerTab(tabId: number, page: PageContext, work: (page: PageContext) => Promise<void>): Promise<null> {
    const running = inFlight.get(tabId);
    if (running) {
      running.next = page;
      return null;
    }
    const slot: { next?: PageContext } = {};
    inFlight.set(tabId, slot);
    try {
      let current: PageContext | undefined = page;
      while (current) {
        await work(current);
        current = slot.next;
        slot.next = undefined;
      }
    } finally {
      inFlight.delete(tabId);
    }
    return null;
  }

  return {
    'page/context': (page, { tabId }) =>
      // One read per tab at a time, the newest kept: a page changing faster than reads are
      // handled never queues work that other requests wait behind (issue 21).
      latestPerTab(tabId, page, async (read) => {
        // A site whose access the user withdrew is not read, whatever its script still sends.
        if (!(await hub.allowed(read.url))) return hub.forget(tabId);
        // From here on only the page as the identity decision gave it: what the content script
        // proposed about the person is never read (issue 30).
        const decided = await hub.setPage(tabId, read);
        await panel.pageRead(tabId, decided.host);
        await health.record(decided, now());
        await detectFromPage(store, decided, now().toISOString());
        await detectConversion(store, decided, now().toISOString());
      }),

    async 'sidebar/frame'({ key }, { tabId }) {
      await hub.registerFrame(tabId, key);
      return null;
    },

    async 'sidebar/contact'({ email, name }, { tabId }) {
      await hub.choose(tabId, { email, name });
      return null;
    },

    async 'sidebar/template'({ templateId }, { tabId }) {
      await hub.pickTemplate(tabId, templateId);
      return null;
    },

    'tab/view': (_, { tabId }) => hub.view(tabId),

    async 'page/diagnostic'(_, { tabId }) {
      const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: censoredSkeleton });
      if (typeof result?.result !== 'string') throw new Error('The page did not answer: reload it and try again.');
      return result.result;
    },

    async 'reading/health'() {
      return { hosts: await health.all(), hostPicks: await sites.hostPicks() };
    },
  };
}
