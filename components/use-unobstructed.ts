import { useEffect, useState } from 'react';

/**
 * Whether this panel is visibly unobstructed where it is shown: not covered by the host page, not
 * made transparent, transformed or filtered by it (IntersectionObserver v2, `trackVisibility`).
 * A page could otherwise hide the sidebar under a decoy and have the user click Insert unknowingly
 * (issue 21). Where the browser cannot tell (no `isVisible`, as in Firefox), the panel counts as
 * visible: say so rather than block every insert.
 */
export function useUnobstructed(target: () => Element | null): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = target();
    if (!el || typeof IntersectionObserver === 'undefined' || window.top === window) return;
    let observer: IntersectionObserver;
    try {
      observer = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
          if (typeof entry?.isVisible === 'boolean') setVisible(entry.isVisible);
        },
        { trackVisibility: true, delay: 100, threshold: [0, 1] } as IntersectionObserverInit,
      );
    } catch {
      return; // No v2 options in this browser.
    }
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return visible;
}
