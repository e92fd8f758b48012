/**
 * The list the popup opens to: the first page of open asks, what needs action first. Saved
 * (`saved-view.ts`) so a popup opened after the service worker slept reads one row instead of
 * every ask; any other filter, search or page is computed when asked.
 */
import type { Store, StoreChange } from '@/lib/db/store';
import type { AskRow } from '@/lib/asks/pipeline';
import { askRows } from './handlers/asks';
import { SavedView } from './saved-view';

export const FIRST_PAGE = { filter: 'open', query: '', limit: 100 } as const;
type Options = NonNullable<Parameters<typeof askRows>[2]>;
type Page = { rows: AskRow[]; total: number };

export class OpenAsks {
  private readonly view: SavedView<Page>;
  /** The people on the saved page: a change to anyone else's contact leaves it as it is. */
  private shown = new Set<string>();

  constructor(private readonly store: Store) {
    this.view = new SavedView(store, 'open-asks', async (now) => {
      const page = await askRows(store, now, FIRST_PAGE);
      this.shown = new Set(page.rows.map((r) => r.ask.email));
      // Until the next follow-up falls due, which asks need action does not change within the day.
      return { value: page, until: await store.nextFollowUpAfter(now.toISOString()) };
    });
  }

  list(now: Date, options: Options = {}): Promise<Page> {
    const { filter = 'open', query = '', limit = 100 } = options;
    const first = filter === FIRST_PAGE.filter && query === FIRST_PAGE.query && limit === FIRST_PAGE.limit;
    return first ? this.view.get(now) : askRows(this.store, now, options);
  }

  /** Asks, settings (templates' names, the stall days) or a shown person's name or company changed. */
  async changed(change: StoreChange): Promise<void> {
    const shown = change.emails === 'all' || change.emails.some((e) => this.shown.has(e));
    if (change.asks || change.settings || (change.contacts && shown)) await this.view.drop();
  }
}
