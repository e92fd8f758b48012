import { useEffect, useState } from 'react';

/** How long the panel must have been fully visible before a click on it acts (issue 30). */
export const STEADY_MS = 600;

/**
 * Whether this panel has been visibly unobstructed where it is shown, without a break, for
 * `STEADY_MS`: not covered by the host page, not made transparent, transformed or filtered by it
 * (IntersectionObserver v2, `trackVisibility`). A page could otherwise hide the sidebar under a
 * decoy and have the user click Insert unknowingly (issue 21), or take the decoy away between the
 * two presses of a double click, or just before a click it expects (issue 30): a click counts only
 * on a panel the user has had in view for a moment. Where the browser cannot tell (no `isVisible`,
 * as in Firefox), the panel counts as visible: say so rather than block every insert.
 */
export function useUnobstructed(target: () => Element | null): boolean {
  const canTell = typeof IntersectionObserver !== 'undefined' && typeof window !== 'undefined' && window.top !== window;
  const [steady, setSteady] = useState(!canTell);
  useEffect(() => {
    const el = target();
    if (!el || !canTell) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let observer: IntersectionObserver;
    try {
      observer = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
          if (typeof entry?.isVisible !== 'boolean') {
            setSteady(true); // This browser cannot tell.
            return;
          }
          clearTimeout(timer);
          timer = undefined;
          if (!entry.isVisible) setSteady(false);
          else timer = setTimeout(() => setSteady(true), STEADY_MS);
        },
        { trackVisibility: true, delay: 100, threshold: [0, 1] } as IntersectionObserverInit,
      );
    } catch {
      setSteady(true); // No v2 options in this browser.
      return;
    }
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, []);
  return steady;
}
