/**
 * The popup's first request, sent before React loads (issue 16): `main.tsx` imports this first and
 * React only after, so the service worker wakes and reads the saved page while the page parses
 * React. The asks view takes the answer once: when it is already here as React starts (the usual
 * case with a running worker), the view's very first render draws the rows; otherwise it draws the
 * first screen already on the page (issue 35) or "Loading…", and takes the answer when it comes.
 */
import { request } from '@/lib/messaging/client';
import type { Responses } from '@/lib/messaging/protocol';
import { DRAWN_FIRST_SCREEN, FIRST_ASKS, isFirstAsks } from '@/lib/messaging/popup-views';
type Page = Responses['asks/list'];

let pending: Promise<Page> | undefined;
let arrived: Page | undefined;

export function requestFirstPage(): void {
  const asked = request('asks/list', FIRST_ASKS);
  pending = asked;
  asked.then(
    (page) => {
      if (pending === asked) arrived = page;
    },
    // Whoever takes it handles a failure; until then it must not surface as unhandled.
    () => undefined,
  );
}

/**
 * What the view's first render draws, once: the first page when its answer has arrived (`final`),
 * else the first screen already drawn from what the worker saved (the answer is still to come).
 */
export function firstPageNow(): { page?: Page; final: boolean } {
  const page = arrived;
  // The first screen drawn before React from what the worker saved (`entrypoints/first-screen.ts`), once.
  const saved = (globalThis as Record<string, unknown>)[DRAWN_FIRST_SCREEN] as Page | undefined;
  delete (globalThis as Record<string, unknown>)[DRAWN_FIRST_SCREEN];
  if (page) {
    pending = arrived = undefined;
    return { page, final: true };
  }
  return { page: saved, final: false };
}

/** The early answer, once, when the view asks for exactly the first page; otherwise undefined. */
export function takeFirstPage(options: { filter: string; query: string; limit: number }): Promise<Page> | undefined {
  const early = isFirstAsks(options) ? pending : undefined;
  pending = arrived = undefined;
  return early;
}
