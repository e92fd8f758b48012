/**
 * The list the popup opens to: the first page of open asks, what needs action first. Saved
 * (`saved-view.ts`) so a popup opened after the service worker slept reads one row instead of
 * every ask; any other filter, search or page is computed when asked.
 */
import type { Store, StoreChange } from '@/lib/db/store';
import type { AskRow } from '@/lib/asks/pipeline';
import { askRows } from './ask-rules';
import { FIRST_ASKS, FIRST_SCREEN, isFirstAsks, type FirstScreen } from '@/lib/messaging/popup-views';
import { FIRST_ASKS_SCREEN, removePref, setPref } from '@/lib/prefs';
import { SavedView, type Mirror } from './saved-view';

type Options = NonNullable<Parameters<typeof askRows>[2]>;
type Page = { rows: AskRow[]; total: number };

/**
 * The page's first screen, kept in `storage.local` beside the saved page (issue 35): the popup
 * draws it before React loads and before this worker wakes. Removed whenever the page is.
 */
const firstScreen: Mirror<Page> = {
  save: ({ day, until, value }) => {
    const screen: FirstScreen = { day, ...(until ? { until } : {}), total: value.total, rows: value.rows.slice(0, FIRST_SCREEN) };
    return setPref(FIRST_ASKS_SCREEN, screen);
  },
  drop: () => removePref(FIRST_ASKS_SCREEN),
};

export class OpenAsks {
  private readonly view: SavedView<Page>;

  constructor(
    private readonly store: Store,
    clock: () => Date = () => new Date(),
  ) {
    this.view = new SavedView(
      store,
      'open-asks',
      async (now) => {
        const page = await askRows(store, now, FIRST_ASKS);
        // Until the next follow-up falls due, which asks need action does not change within the day.
        return { value: page, until: await store.nextFollowUpAfter(now.toISOString()) };
      },
      clock,
      firstScreen,
    );
  }

  list(now: Date, options: Options = {}): Promise<Page> {
    return isFirstAsks(options) ? this.view.get(now) : askRows(this.store, now, options);
  }

  /** Asks, settings (templates' names, the stall days) or a shown person's name or company changed. */
  async changed(change: StoreChange): Promise<void> {
    if (change.asks || change.settings || (change.contacts && this.shows(change.emails))) await this.view.drop();
  }

  /**
   * Whether the page shows any of these people. Read from the page itself, so a worker that
   * restarted and read the saved page knows it too; when this worker does not hold the page
   * (a saved copy may be in the database), it must assume so.
   */
  private shows(emails: StoreChange['emails']): boolean {
    const page = this.view.peek();
    if (emails === 'all' || !page) return true;
    const changed = new Set(emails);
    return page.rows.some((r) => changed.has(r.ask.email));
  }
}
