import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';

/** A link that opens in a new tab from an extension popup (a plain link would navigate the popup). */
export function TabLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        // Only web pages: a stored data: or file: address never opens (issue 21).
        if (/^https:\/\//i.test(href)) void browser.tabs.create({ url: href });
      }}
    >
      {children}
    </a>
  );
}
