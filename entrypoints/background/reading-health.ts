/**
 * How well each host was read lately, kept local for the options page: when it last read a
 * contact, which strategy found each field, and the last failure with what was missing. Written
 * only when that summary changes, so page visits do not write the database each time.
 */
import type { Store } from '@/lib/db/store';
import type { PageContext } from '@/lib/hosts/types';
import type { ReadingHealth } from '@/lib/messaging/protocol';

const KEY = 'readingHealth' as const;

export class ReadingHealthLog {
  private cache?: ReadingHealth;

  constructor(private readonly store: Store) {}

  async all(): Promise<ReadingHealth> {
    this.cache ??= await this.store.value(KEY);
    return this.cache;
  }

  async record(page: PageContext, now: Date): Promise<void> {
    const all = await this.all();
    const before = all[page.host] ?? { hostLabel: page.hostLabel, readBy: {} };
    const next = { ...before, hostLabel: page.hostLabel };
    const problems = page.missing.filter((m) => !m.startsWith('your own address'));
    if (page.contact?.email) {
      next.readBy = { ...page.readBy };
      // To the hour: the log says "today at 10", not every visit.
      next.lastReadAt = now.toISOString().slice(0, 13);
    }
    if (problems.length) next.lastFailure = { at: now.toISOString().slice(0, 13), missing: problems };
    if (JSON.stringify(next) === JSON.stringify(before)) return;
    this.cache = { ...all, [page.host]: next };
    await this.store.setValue(KEY, this.cache);
  }
}
