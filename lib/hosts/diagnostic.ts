/**
 * A censored skeleton of a page for a bug report, kept local (InboxSDK sends such a thing to its
 * server; we hand it to the user to paste): tag names, class names and the names of attributes,
 * with every text and attribute value replaced, so no person, address or message leaves in it.
 * Self-contained on purpose: the background injects this function into the tab on request, so the
 * content scripts carry none of it.
 */
export function censoredSkeleton(maxNodes = 1500, maxDepth = 14): string {
  const lines: string[] = [];
  let count = 0;
  const HOOK = /^(data-|aria-|role$|email$|name$|field-label$|type$|contenteditable$|g_editable$|hidden$|inert$|slot$)/;
  const walk = (node: Element | ShadowRoot, depth: number): void => {
    for (let el = node.firstElementChild; el; el = el.nextElementSibling) {
      if (++count > maxNodes) return;
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'svg' || tag === 'noscript') continue;
      const classes = [...el.classList].map((c) => `.${c.replace(/[^\w-]/g, '')}`).join('');
      const attrs = el
        .getAttributeNames()
        .filter((a) => HOOK.test(a))
        .map((a) =>
          a === 'role' || a === 'type' || a === 'contenteditable' ? `[${a}=${(el!.getAttribute(a) ?? '').replace(/[^\w-]/g, '').slice(0, 20)}]` : `[${a}]`,
        )
        .join('');
      const textLength = [...el.childNodes].reduce((n, c) => n + (c.nodeType === 3 ? (c.nodeValue ?? '').trim().length : 0), 0);
      lines.push(`${'  '.repeat(depth)}${tag}${classes}${attrs}${textLength ? ` #text(${textLength})` : ''}`);
      if (depth < maxDepth) {
        if (el.shadowRoot) {
          lines.push(`${'  '.repeat(depth + 1)}#shadow-root`);
          walk(el.shadowRoot, depth + 2);
        }
        walk(el, depth + 1);
      }
    }
  };
  walk(document.body, 0);
  if (count > maxNodes) lines.push(`… ${count - maxNodes}+ more elements left out`);
  return `Referral window page skeleton (${new Date().toISOString().slice(0, 10)}): tags, classes and attribute names only; every text and value removed.\n${lines.join('\n')}`;
}
