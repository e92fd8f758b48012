/**
 * Connecting the CRM's API (issue 34, tier 2): the options page asks the browser for that one API
 * origin in the user's click, then sends the token here; it is checked with one harmless read and
 * kept in the database, never sent to a page. Disconnect forgets it and gives the origin back.
 */
import { browser } from 'wxt/browser';
import { API_LABELS, API_ORIGINS, checkRequest, readAnswer, type ApiCrm } from '@/lib/crm/api';
import type { CrmStatus } from '@/lib/messaging/protocol';
import type { Handlers } from '../router';
import type { Deps } from './deps';

async function status({ outbox }: Pick<Deps, 'outbox'>): Promise<CrmStatus> {
  const connection = await outbox.connection();
  return {
    ...(connection
      ? {
          connection: {
            crm: connection.crm,
            connectedAt: connection.connectedAt,
            withText: connection.withText,
            ...(connection.refused ? { refused: connection.refused } : {}),
          },
        }
      : {}),
    entries: await outbox.entries(),
  };
}

export function crmHandlers(deps: Deps): Pick<Handlers, 'crm/connect' | 'crm/disconnect' | 'crm/status' | 'crm/retry'> {
  const { store, outbox, now } = deps;
  return {
    async 'crm/connect'({ crm, token, withText }) {
      const origin = `${API_ORIGINS[crm]}/*`;
      if (!(await browser.permissions.contains({ origins: [origin] }))) {
        throw new Error(`The browser has not allowed ${API_ORIGINS[crm]}: press Connect again and allow it.`);
      }
      const check = checkRequest({ crm, token });
      let answer;
      try {
        const response = await outbox.fetcher(check.url, check.init);
        answer = readAnswer(crm, response.status, response.headers.get('retry-after'), await response.json().catch(() => null));
      } catch {
        throw new Error(`${API_LABELS[crm]} could not be reached: check your connection and try again. Nothing was saved.`);
      }
      if (!answer.ok) throw new Error(`${answer.why.replace(/: connect again in the settings\.$/, '')}. Nothing was saved.`);
      // One CRM at a time: connecting another replaces the first (its origin is given back).
      const before = await outbox.connection();
      if (before && before.crm !== crm) {
        await release(before.crm);
        await store.setValue('crmOutbox', []);
      }
      await store.setValue('crmApi', { crm, token, withText, connectedAt: now().toISOString() });
      return status(deps);
    },

    async 'crm/disconnect'() {
      const connection = await outbox.connection();
      await store.setValue('crmApi', null);
      await store.setValue('crmOutbox', []);
      // What was read with that token goes too: colleagues' asks are read again at the next connection.
      await store.setValue('crmTeamAsks', {});
      if (connection) await release(connection.crm);
      return status(deps);
    },

    'crm/status': () => status(deps),

    async 'crm/retry'() {
      await outbox.retry();
      return status(deps);
    },
  };
}

/** Gives the API origin back to the browser (no request can reach it after). */
async function release(crm: ApiCrm): Promise<void> {
  await browser.permissions.remove({ origins: [`${API_ORIGINS[crm]}/*`] }).catch(() => false);
}
