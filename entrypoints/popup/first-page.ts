/**
 * The popup's first request, sent before React loads (issue 16): `main.tsx` imports this first and
 * React only after, so the service worker wakes and reads the saved page while the page parses
 * React. The asks view takes the answer once: when it is already here as React starts (the usual
 * case with a running worker), the view's very first render draws the rows; otherwise the view
 * waits for it.
 */
import { request } from '@/lib/messaging/client';
import type { Responses } from '@/lib/messaging/protocol';
import { FIRST_ASKS, isFirstAsks } from '@/lib/messaging/popup-views';
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

/** The first page if its answer has arrived, once (the view's first render); otherwise undefined. */
export function arrivedFirstPage(): Page | undefined {
  const page = arrived;
  if (page) pending = arrived = undefined;
  return page;
}

/** The early answer, once, when the view asks for exactly the first page; otherwise undefined. */
export function takeFirstPage(options: { filter: string; query: string; limit: number }): Promise<Page> | undefined {
  const early = isFirstAsks(options) ? pending : undefined;
  pending = arrived = undefined;
  return early;
}
