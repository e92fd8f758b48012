/** Where the extension reads: CRM sites the user added, the field picker, picks made on named hosts. */
import { browser } from 'wxt/browser';
import { commandTab } from '@/lib/messaging/client';
import type { Handlers } from '../router';
import type { Deps } from './deps';

type SiteHandlers = Pick<
  Handlers,
  'picker/start' | 'custom-sites/list' | 'host-picks/reset' | 'custom-site/add' | 'custom-site/remove' | 'custom/config' | 'custom/picks'
>;

/** The origin of the page a content script runs on (every content script has one). */
const originOf = (url: string | undefined) => {
  if (!url) throw new Error('This request needs the page it comes from.');
  return new URL(url).origin;
};

export function siteHandlers({ sites }: Deps): SiteHandlers {
  return {
    async 'picker/start'(_, { tabId }) {
      await sites.startPicker(tabId);
      return null;
    },

    'custom-sites/list': () => sites.list(),

    async 'host-picks/reset'({ origin }) {
      await sites.resetHostPicks(origin);
      for (const tab of await browser.tabs.query({ url: `${origin}/*` })) {
        if (tab.id !== undefined) await commandTab(tab.id, { type: 'custom/config', picks: {} }).catch(() => undefined);
      }
      return null;
    },

    async 'custom-site/add'({ origin }) {
      await sites.add(origin);
      return null;
    },

    async 'custom-site/remove'({ origin }) {
      await sites.remove(origin);
      return null;
    },

    // A content script only ever learns, or sets, the picks of the site it runs on.
    'custom/config': (_, { url }) => sites.picks(originOf(url)),

    async 'custom/picks'({ picks }, { url, tabId }) {
      await sites.savePicks(originOf(url), picks);
      await commandTab(tabId, { type: 'custom/config', picks }).catch(() => undefined);
      return null;
    },
  };
}
