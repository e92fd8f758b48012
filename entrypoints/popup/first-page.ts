/**
 * The popup's first request, sent before React loads (issue 16): `main.tsx` imports this first and
 * React only after, so the service worker wakes and reads the saved page while the page parses
 * React. The asks view takes the answer once, for its first render.
 */
import { request } from '@/lib/messaging/client';

export const FIRST_PAGE = { filter: 'open', query: '', limit: 100 } as const;

let pending: ReturnType<typeof load> | undefined;
const load = () => request('asks/list', FIRST_PAGE);

export function requestFirstPage(): void {
  pending = load();
  // Whoever takes it handles a failure; until then it must not surface as unhandled.
  pending.catch(() => undefined);
}

/** The early answer, once, when the view asks for exactly the first page; otherwise undefined. */
export function takeFirstPage(options: { filter: string; query: string; limit: number }): ReturnType<typeof load> | undefined {
  const match = options.filter === FIRST_PAGE.filter && options.query === FIRST_PAGE.query && options.limit === FIRST_PAGE.limit;
  const early = match ? pending : undefined;
  pending = undefined;
  return early;
}
