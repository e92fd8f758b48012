/**
 * The popup's tabs, declared once: each tab's label and the request it opens with. The popup sends
 * exactly these first (`popup/first-page.ts`, `QueueView`), and the worker keeps their answers
 * saved ahead (`open-asks.ts`, `queue-cache.ts`), serving from the saved copy only a request equal
 * to one of these: the two cannot drift apart.
 */
import type { AskRow } from '../asks/pipeline';
import { timeAgo, toDay } from '../day';

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

/** Rows drawn before the rest of the page: more than a popup shows without scrolling (issue 16). */
export const FIRST_SCREEN = 12;

/**
 * The first screen of open asks as the worker last saved it (issue 35), kept in `storage.local`
 * (`prefs.ts` FIRST_ASKS_SCREEN) so the popup draws it before React and before any worker wakes.
 * It holds on `day` until `until`, like the saved page it is cut from (`saved-view.ts`).
 */
export interface FirstScreen {
  day: string;
  until?: string;
  total: number;
  rows: AskRow[];
}

/**
 * Where in `storage.local` the first screen is kept (`prefs.ts` FIRST_ASKS_SCREEN). Declared here,
 * not there, so the popup's first script reads it without loading the WebExtension polyfill.
 */
export const FIRST_SCREEN_KEY = 'popup:first-asks';

/** Whether a stored value is a first screen that holds now (else nothing is drawn from it). */
export function firstScreenHolds(value: unknown, now: Date): value is FirstScreen {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<FirstScreen>;
  return s.day === toDay(now) && (!s.until || now.toISOString() < s.until) && typeof s.total === 'number' && Array.isArray(s.rows);
}

/** What one row of asks says (the popup's first screen and its asks view say it alike): its name, its line, its next step. */
export function rowWords({ ask, name, company, templateName, nextStep }: AskRow, now: Date): { who: string; line: string; next: string } {
  return {
    who: name || ask.email,
    line: `${company || ask.email} · ${templateName} · asked ${timeAgo(ask.askedAt, now)}`,
    next: ask.discardedAt ? 'Discarded: not counted as asked' : nextStep.label,
  };
}

/** Where the first screen, once drawn, leaves its rows for the asks view to start from (`first-screen.ts`). */
export const DRAWN_FIRST_SCREEN = 'referralWindowFirstScreen';
/**
 * Where the first screen leaves the promise of its attempt (drawn or not), so React's first render
 * waits for it instead of taking the page's only thread while the saved rows are on their way.
 */
export const FIRST_SCREEN_SETTLED = 'referralWindowFirstScreenSettled';
/** How long React waits for the first screen at most (a storage read that never answers). */
export const FIRST_SCREEN_WAIT_MS = 150;
