/**
 * The referral queue, computed from the start-date index and saved (`saved-view.ts`) until
 * something it depends on changes (the store announces every write: `refresh.ts` drops it) or the
 * day turns. A cold computation scores every contact near its window; it runs ahead, after the
 * last write, so a popup opened later (the service worker asleep or not) reads the saved page.
 */
import { subDays } from 'date-fns';
import type { Store } from '@/lib/db/store';
import type { Ask } from '@/lib/model';
import { buildQueue, queueStartRange, type QueueRow } from '@/lib/engine/queue';
import { colleagueAsks } from '@/lib/contacts';
import { SavedView } from './saved-view';

/** Rows sent to the popup at once; the total says how many more there are. */
export const QUEUE_PAGE = 200;

export class QueueCache {
  private readonly view: SavedView<{ rows: QueueRow[]; total: number }>;

  constructor(private readonly store: Store) {
    this.view = new SavedView(store, 'queue', async (now) => {
      const rows = await this.compute(now);
      return { value: { rows: rows.slice(0, QUEUE_PAGE), total: rows.length } };
    });
  }

  /** Something the queue depends on changed (contacts, asks, settings): computed again soon. */
  drop(): Promise<void> {
    return this.view.drop();
  }

  rows(now = new Date()): Promise<{ rows: QueueRow[]; total: number }> {
    return this.view.get(now);
  }

  private async compute(now: Date): Promise<QueueRow[]> {
    const [settings, neverAsk] = await Promise.all([this.store.settings(), this.store.neverAskList()]);
    const range = queueStartRange(now, settings);
    const [contacts, recentAsks] = await Promise.all([
      this.store.contactsStartedBetween(range.from, range.to),
      // Only asks inside the cool-down can keep someone out of the queue.
      this.store.asksSince(subDays(now, settings.askCooldownDays + 1).toISOString()),
    ]);
    const asksByEmail = new Map<string, Ask[]>();
    for (const ask of recentAsks) asksByEmail.set(ask.email, [...(asksByEmail.get(ask.email) ?? []), ask]);
    // One ask per company per cool-down: a colleague asked lately keeps the others out (issue 19).
    const people = await this.store.namesOf([...asksByEmail.keys()]);
    return buildQueue(contacts, asksByEmail, neverAsk, settings, now, colleagueAsks(recentAsks, people));
  }
}
