/**
 * Refresh on change (issue 13): the store announces every committed write, and this one subscriber
 * turns it into what shows it — the queue cache, the badge, and every open sidebar showing an
 * affected contact. Handlers write; they never decide what to refresh.
 */
import type { Store, StoreChange } from '@/lib/db/store';
import { refreshFollowUps } from './follow-ups';
import type { OpenAsks } from './open-asks';
import type { QueueCache } from './queue-cache';
import type { SidebarHub } from './sidebar-hub';
import type { CrmOutbox } from './crm-outbox';

type Shown = { hub: SidebarHub; queue: QueueCache; openAsks: OpenAsks; outbox?: CrmOutbox };

export function refreshOnChange(store: Store, shown: Shown): () => void {
  return store.onChange((change) => void refresh(store, shown, change));
}

async function refresh(store: Store, { hub, queue, openAsks, outbox }: Shown, change: StoreChange): Promise<void> {
  try {
    // Both forget what they saved at once (before anything awaits): the next request computes afresh.
    const dropped = Promise.all([queue.changed(change), openAsks.changed(change)]);
    if (change.asks) await refreshFollowUps(store);
    // An ask's stage changed: the connected CRM hears of it (nothing happens when none is connected).
    if (change.asks && outbox) void outbox.changed(change.emails).catch((e) => console.error('[referral-window] CRM outbox', e));
    if (change.emails === 'all') await hub.refreshAll();
    else for (const email of new Set(change.emails)) await hub.refresh(email);
    await dropped;
  } catch (error) {
    // A refresh that fails (a sidebar closing meanwhile) must not break the write that caused it.
    console.error('[referral-window] refresh failed', error);
  }
}
