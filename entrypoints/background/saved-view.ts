/**
 * A list the popup opens to (the open asks, the referral queue), computed ahead and kept twice: in
 * memory while the service worker runs, and in the database's `views` table for when it slept (MV3
 * stops it after ~30 s idle). A popup opened cold then reads one row instead of thousands (issue 16).
 *
 * It is never shown stale: each saved value says until when it holds (the day it was computed for,
 * and the next instant it changes by itself, such as a follow-up falling due), and `drop()` removes
 * it on every write it depends on (`refresh.ts`). A moment later, while nobody waits, it is computed
 * and saved again, so the next popup finds it ready.
 */
import { browser } from 'wxt/browser';
import { toDay } from '@/lib/day';
import type { Store } from '@/lib/db/store';

export interface Computed<T> {
  value: T;
  /** The first instant it may differ without any write (ISO); absent: the end of the day. */
  until?: string;
}

export interface Saved<T> extends Computed<T> {
  day: string;
}

/** A copy kept elsewhere with the saved one: written when it is saved, removed when it is. */
export interface Mirror<T> {
  save(saved: Saved<T>): Promise<void>;
  drop(): Promise<void>;
}

/** How long after the last change the view is computed again (writes come in bursts). */
export const REBUILD_AFTER_MS = 2_000;

export class SavedView<T> {
  private memory?: Saved<T>;
  /** Bumped by every drop: a computation that started before one must not be saved. */
  private generation = 0;
  private timer?: ReturnType<typeof setTimeout>;
  /** The computation under way, for this generation: a second reader waits for it instead of starting another. */
  private building?: { generation: number; day: string; value: Promise<T> };
  /** A change to work into the value from what is in memory, when next read (`mend`). */
  private mending?: () => Promise<Computed<T> | undefined>;
  /** Mends in order: a reader waits for the last one. */
  private updating: Promise<unknown> = Promise.resolve();
  /**
   * Whether a copy may be in the database. Unknown when the worker starts (the last one may have
   * saved); false once deleted and not saved since, so a burst of writes deletes it once, not once
   * a write (a sidebar switching contacts writes each visit).
   */
  private persisted: boolean | undefined;

  constructor(
    private readonly store: Store,
    private readonly key: string,
    private readonly compute: (now: Date) => Promise<Computed<T>>,
    private readonly clock: () => Date = () => new Date(),
    private readonly mirror?: Mirror<T>,
  ) {}

  async get(now = this.clock()): Promise<T> {
    await this.applyMend();
    if (holds(this.memory, now)) return this.memory.value;
    const generation = this.generation;
    const saved = (await this.store.savedView(this.key)) as Saved<T> | undefined;
    if (saved !== undefined) this.persisted ??= true;
    if (generation === this.generation && holds(saved, now)) {
      this.memory = saved;
      return saved.value;
    }
    return this.build(now);
  }

  /** What it was computed from changed: forget it everywhere, and compute it again soon. */
  drop(): Promise<void> {
    this.generation++;
    this.memory = undefined;
    this.mending = undefined;
    this.soon();
    return this.unsave();
  }

  /**
   * The value as this worker holds it now, when it is sure of it: in memory, good for `now`, with
   * no change waiting to be worked in and no computation under way. Undefined means unknown (a
   * saved copy may still be in the database): a caller deciding whether a change touches the view
   * must then assume it does.
   */
  peek(now = this.clock()): T | undefined {
    if (this.mending || this.building || !holds(this.memory, now)) return undefined;
    return this.memory.value;
  }

  /**
   * The value is out of date in a way `mend` works out from what is in memory (one contact's row
   * in the queue), cheaper than computing it all again. It is worked in when next read, or after a
   * pause: never on the path of the write that caused it (a sidebar switching contacts). The saved
   * copy is removed at once, so a worker stopped meanwhile leaves nothing stale. `mend` answering
   * undefined (it cannot) drops the view.
   */
  mend(mend: () => Promise<Computed<T> | undefined>): Promise<void> {
    this.generation++;
    this.mending = mend;
    this.soon();
    return this.unsave();
  }

  /** Deletes the saved copy, unless it is known that there is none. */
  private async unsave(): Promise<void> {
    if (this.persisted === false) return;
    this.persisted = false;
    try {
      await Promise.all([this.store.dropView(this.key), this.mirror?.drop()]);
    } catch (error) {
      this.persisted = undefined;
      throw error;
    }
  }

  private async save(value: Saved<T>): Promise<void> {
    this.persisted = true;
    await Promise.all([this.store.saveView(this.key, value), this.mirror?.save(value)]);
  }

  /** Computed (or mended) again after the last change, while nobody waits. */
  private soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.get().catch(() => undefined), REBUILD_AFTER_MS);
  }

  private applyMend(): Promise<unknown> {
    const mend = this.mending;
    if (!mend) return this.updating;
    this.mending = undefined;
    const generation = this.generation;
    this.updating = this.updating
      .then(async () => {
        const next = await mend();
        // Changed again meanwhile: the next reader mends (from what this one left) or computes.
        if (generation !== this.generation) return;
        if (!next) {
          this.memory = undefined;
          return;
        }
        this.memory = { ...next, day: toDay(this.clock()) };
        await this.save(this.memory);
      })
      .catch(() => {
        this.memory = undefined;
      });
    return this.updating;
  }

  private build(now: Date): Promise<T> {
    const day = toDay(now);
    if (this.building?.generation === this.generation && this.building.day === day) return this.building.value;
    const value = this.computeAndSave(now).finally(() => {
      if (this.building?.value === value) this.building = undefined;
    });
    this.building = { generation: this.generation, day, value };
    return value;
  }

  private async computeAndSave(now: Date): Promise<T> {
    const generation = this.generation;
    const computed = await this.compute(now);
    const saved: Saved<T> = { ...computed, day: toDay(now) };
    if (generation === this.generation) {
      this.memory = saved;
      await this.save(saved);
    }
    return computed.value;
  }
}

function holds<T>(saved: Saved<T> | undefined, now: Date): saved is Saved<T> {
  return !!saved && typeof saved === 'object' && saved.day === toDay(now) && (!saved.until || now.toISOString() < saved.until);
}

/** Wakes the worker just after midnight, when every saved view turns stale with the day. */
export const NEW_DAY_ALARM = 'views:new-day';

/** One minute past the next local midnight (a one-off alarm, set again each time: days are not all 24 hours). */
export function nextDayStart(now: Date): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1).getTime();
}

/**
 * Keeps the saved views ready without anyone waiting: computed again just after midnight, and
 * whenever `alsoOn` fires (the hourly follow-up check, which catches a follow-up falling due).
 * Each `warm` computes only what no longer holds.
 */
export function keepViewsReady(warm: Array<() => Promise<unknown>>, alsoOn: string[], now: () => Date = () => new Date()): void {
  const schedule = () => browser.alarms.create(NEW_DAY_ALARM, { when: nextDayStart(now()) });
  void schedule();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NEW_DAY_ALARM) void schedule();
    if (alarm.name === NEW_DAY_ALARM || alsoOn.includes(alarm.name)) for (const view of warm) void view().catch(() => undefined);
  });
}
