/**
 * The popup's tabs, declared once: each tab's label and the request it opens with. The popup sends
 * exactly these first (`popup/first-page.ts`, `QueueView`), and the worker keeps their answers
 * saved ahead (`open-asks.ts`, `queue-cache.ts`), serving from the saved copy only a request equal
 * to one of these: the two cannot drift apart.
 */
/** Asks listed at once: the popup opens fast with thousands of asks; "Show more" asks for more. */
export const ASKS_PAGE = 100;

/** The asks tab's first request: the open asks, unsearched, one page. */
export const FIRST_ASKS = { filter: 'open', query: '', limit: ASKS_PAGE } as const;

export const POPUP_TABS = [
  { id: 'asks', label: 'Pending asks', first: FIRST_ASKS },
  // The queue has one request and no options: the worker's saved copy serves every one.
  { id: 'queue', label: 'Who to ask' },
  { id: 'kpis', label: 'Numbers' },
  { id: 'page', label: 'This page' },
] as const;

export type PopupTab = (typeof POPUP_TABS)[number]['id'];

/** True when an asks request is the first page the worker keeps saved (absent fields as their defaults). */
export function isFirstAsks({ filter = 'open', query = '', limit = ASKS_PAGE }: { filter?: string; query?: string; limit?: number }): boolean {
  return filter === FIRST_ASKS.filter && query === FIRST_ASKS.query && limit === FIRST_ASKS.limit;
}
