/**
 * Asks, from the moment they are recorded: inserted, detected as sent or answered in the thread,
 * moved by hand, followed up, discarded, deleted and restored; listed, counted and exported.
 * Every write goes through the store, which announces it (`refresh.ts` updates what shows it).
 */
import type { Handlers } from '../router';
import type { Deps } from './deps';
import { asksToCsv, referralsToCsv } from '@/lib/asks/asks-csv';
import { inPeriod, kpis, kpisBy, kpisByMonth } from '@/lib/asks/kpis';
import { askRows, followUpAction, setStatus } from '../ask-rules';

type AskHandlers = Pick<
  Handlers,
  | 'asks/list'
  | 'ask/status'
  | 'ask/follow-up'
  | 'ask/undone'
  | 'ask/discard'
  | 'ask/delete'
  | 'ask/restore'
  | 'ask/reward'
  | 'ask/peer-agreed'
  | 'kpis'
  | 'asks/export-csv'
  | 'asks/referrals-csv'
>;

export function askHandlers({ store, hub, openAsks, now }: Deps): AskHandlers {
  const at = () => now().toISOString();
  return {
    'asks/list': (options) => openAsks.list(now(), options),

    async 'ask/status'({ id, status, note, referral }) {
      const asked = await store.getAsk(id);
      if (referral?.email && asked && referral.email === asked.email) {
        throw new Error(`Not saved: ${referral.email} is the client's own address; enter the person they introduced.`);
      }
      await setStatus(store, id, status, at(), note ?? 'set by you', referral);
      return null;
    },

    async 'ask/follow-up'({ id, action }) {
      // The sidebar's verdict and the template Insert would use change with it (issue 13, bug 1): the store announces it.
      await followUpAction(store, id, action, now());
      return null;
    },

    async 'ask/undone'({ snippet }, { tabId }) {
      const email = await hub.contactEmail(tabId);
      if (!email) return null;
      const drafted = (await store.asksFor(email)).filter((a) => a.status === 'drafted' && !a.discardedAt && a.snippet === snippet);
      const latest = drafted.sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
      if (latest)
        await store.updateAsk(latest.id, (a) => ({
          ...a,
          discardedAt: at(),
          history: [...a.history, { status: a.status, at: at(), note: 'undone in the editor: discarded' }],
        }));
      return null;
    },

    async 'ask/discard'({ id, undo }) {
      await store.updateAsk(id, (a) => {
        const { discardedAt: _was, ...rest } = a;
        return undo
          ? { ...rest, history: [...a.history, { status: a.status, at: at(), note: 'discard undone' }] }
          : { ...a, discardedAt: at(), history: [...a.history, { status: a.status, at: at(), note: 'discarded by you' }] };
      });
      return null;
    },

    'ask/delete': ({ id }) => store.deleteAsk(id),

    async 'ask/reward'({ id, side, given }) {
      await store.updateAsk(id, (a) => {
        const reward = a.rewards?.[side];
        if (!reward) throw new Error('That ask owes no such reward.');
        const { givenAt: _was, ...what } = reward;
        return { ...a, rewards: { ...a.rewards, [side]: given ? { ...what, givenAt: at() } : what } };
      });
      return null;
    },

    async 'ask/peer-agreed'({ id, agreed }) {
      await store.updateAsk(id, (a) => {
        const { peerAgreedAt: _was, ...rest } = a;
        const note = agreed ? 'their peer agreed to be introduced' : 'peer agreement taken back';
        return { ...(agreed ? { ...a, peerAgreedAt: at() } : rest), history: [...a.history, { status: a.status, at: at(), note }] };
      });
      return null;
    },

    async 'asks/referrals-csv'() {
      return referralsToCsv((await askRows(store, now(), { filter: 'all', limit: 100_000 })).rows);
    },

    async 'ask/restore'({ ask }) {
      await store.putAsk(ask);
      return null;
    },

    async kpis({ from, to }) {
      const [asks, templates] = await Promise.all([store.allAsks(), store.templates()]);
      // A discarded ask was never an ask; a draft never sent was never asked either.
      const period = inPeriod(
        asks.filter((a) => !a.discardedAt),
        from,
        to,
      );
      const names = new Map(templates.map((t) => [t.id, t.name]));
      return {
        overall: kpis(period),
        byMonth: kpisByMonth(period),
        bySegment: kpisBy(period, (a) => a.segment || 'No segment'),
        byTemplate: kpisBy(period, (a) => names.get(a.templateId) ?? a.templateId),
      };
    },

    async 'asks/export-csv'() {
      return asksToCsv((await askRows(store, now(), { filter: 'all', limit: 10_000 })).rows);
    },
  };
}
