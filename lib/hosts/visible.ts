/**
 * What the user can see, and the tree as the browser renders it (open shadow roots included).
 * Every adapter reads through these so that a thread kept in the DOM off screen, a closed preview
 * pane, a cached record tab or a <template> is never taken for the contact on screen
 * (issue 14: a hidden earlier thread once gave the wrong person).
 *
 * Cost: attribute checks walk ancestors (no style); `checkVisibility` needs computed style, which
 * the browser already has after a settled mutation burst; `getClientRects` (layout) is asked only
 * of the few candidate elements an adapter is about to trust, never of every element.
 */

/** The parent in the rendered (flat) tree: the slot an element is assigned to, else its parent, else the shadow host. */
function flatParent(el: Element): Element | null {
  const slot = (el as HTMLElement).assignedSlot;
  if (slot) return slot;
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
}

const HIDING_ATTRIBUTE = (el: Element) =>
  el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert') || el.tagName === 'TEMPLATE';

/** Hidden by markup on itself or an ancestor (cheap: attributes only, no style or layout). */
export function hiddenByMarkup(el: Element): boolean {
  for (let n: Element | null = el; n; n = flatParent(n)) if (HIDING_ATTRIBUTE(n)) return true;
  return false;
}

/** Hidden by style on itself or an ancestor: display, visibility, content-visibility. */
function hiddenByStyle(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    // Asked of the element and of each shadow host above it: engines differ on crossing roots.
    for (let n: Element | null = el; n; n = ((n.getRootNode() as ShadowRoot).host as Element | undefined) ?? null) {
      if (!check.call(n, { visibilityProperty: true, contentVisibilityAuto: true })) return true;
    }
    return false;
  }
  // Environments without checkVisibility (tests' DOM): walk computed display/visibility.
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  for (let n: Element | null = el; n; n = flatParent(n)) {
    if (view.getComputedStyle(n).display === 'none') return true;
  }
  // visibility is inherited: the element's own computed value already says it.
  const visibility = view.getComputedStyle(el).visibility;
  return visibility === 'hidden' || visibility === 'collapse';
}

/** Zero-sized (collapsed to nothing). Layout is read here, so call it for candidates only. */
function zeroSized(el: Element): boolean {
  // Test DOMs lay nothing out (even the root has no width): only trust sizes where a layout engine runs.
  if (!el.ownerDocument.documentElement.getBoundingClientRect().width) return false;
  const rects = el.getClientRects();
  if (rects.length === 0) return true;
  for (const r of rects) if (r.width > 0 && r.height > 0) return false;
  return true;
}

/**
 * Rendered for the user: not hidden by markup or by style. Style is what the browser already
 * computed after the mutations settled; layout is not forced here (a 20,000-node page under a
 * mutation storm measured 3 % of a core with a per-read layout, against a 0.5 % budget), so a box
 * collapsed to zero size with visible style counts as shown: `hasSize` checks that, for the one
 * element about to be trusted.
 */
export function isShown(el: Element): boolean {
  return !hiddenByMarkup(el) && !hiddenByStyle(el);
}

/** Has a box of some size (forces layout: call it once per read, for the candidate chosen). */
export function hasSize(el: Element): boolean {
  return !zeroSized(el);
}

/** Bounds for walking a page: a host page is never walked without a limit. */
export interface WalkBudget {
  /** Elements visited at most (the walk stops quietly past it). */
  nodes: number;
  /** Shadow roots entered at most, nested. */
  depth: number;
}
export const DEFAULT_BUDGET: WalkBudget = { nodes: 40_000, depth: 6 };

/**
 * Every element under `root`, entering open shadow roots (Salesforce LWC, custom elements),
 * in document order, within the budget.
 */
export function* walkElements(root: ParentNode, budget: WalkBudget = DEFAULT_BUDGET): Generator<Element> {
  let visited = 0;
  function* walk(node: ParentNode, depth: number): Generator<Element> {
    for (let child = node.firstElementChild; child; child = child.nextElementSibling) {
      if (++visited > budget.nodes) return;
      yield child;
      const shadow = child.shadowRoot;
      if (shadow && depth < budget.depth) yield* walk(shadow, depth + 1);
      if (child.tagName !== 'TEMPLATE') yield* walk(child, depth);
    }
  }
  yield* walk(root, 0);
}

/** `querySelectorAll` that also looks inside open shadow roots (only when the page has any). */
export function queryDeep<E extends Element = Element>(root: ParentNode, selector: string, budget: WalkBudget = DEFAULT_BUDGET): E[] {
  const found = [...root.querySelectorAll<E>(selector)];
  if (!hasShadowRoots(root)) return found;
  const seen = new Set<Element>(found);
  for (const el of walkElements(root, budget)) {
    if (el.shadowRoot)
      for (const inner of queryDeep<E>(el.shadowRoot, selector, { ...budget, depth: budget.depth - 1 })) {
        if (!seen.has(inner)) {
          seen.add(inner);
          found.push(inner);
        }
      }
  }
  return found;
}

/** Shown elements under `root` matching `selector` (light DOM). */
export function allShown<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  return [...root.querySelectorAll<E>(selector)].filter(isShown);
}

/** The first shown element under `root` matching `selector` (light DOM). */
export function firstShown<E extends Element = Element>(root: ParentNode, selector: string): E | undefined {
  for (const el of root.querySelectorAll<E>(selector)) if (isShown(el)) return el;
  return undefined;
}

/** Shown elements matching `selector`, shadow roots included. */
export function queryShown<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  return queryDeep<E>(root, selector).filter(isShown);
}

/** Whether any element under `root` has an open shadow root (one walk, stops at the first). */
function hasShadowRoots(root: ParentNode): boolean {
  for (const el of walkElements(root, { nodes: DEFAULT_BUDGET.nodes, depth: 0 })) if (el.shadowRoot) return true;
  return false;
}

const CONTROL_WORD = /^(edit|copy|change|remove|delete|clear|more|show|hide|open|close|details|actions)\b/i;
const INLINE_HIDDEN = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;
// Buttons stay: inline-edit values sit in them; their "Edit" labels are assistive text, skipped below.
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);
const ASSISTIVE = /(^|\s)(slds-assistive-text|assistiveText|sr-only|visually-hidden|screen-reader-only)(\s|$)/;

/** A badge's class: "cui5-badge", "slds-pill__label", "private-tag", "chip" (not "stage", not "tagline"). */
const BADGE_CLASS = /(^|[\s_-])(badge|pill|chip|tag)s?([\s_-]|$)/i;

/**
 * A field's value as shown, without the badges beside it (issue 32: Pipedrive's "Work" after an
 * address, "Customer" after an organization, "Promoter" after an NPS): a badge at the start or end
 * of the value's text is not part of it, unless it is all the value shows ("Label: [Customer]").
 */
export function valueText(el: Element): string {
  let value = shownText(el).trim();
  for (const badge of el.querySelectorAll('[class]')) {
    if (!BADGE_CLASS.test(badge.getAttribute('class') ?? '')) continue;
    const t = shownText(badge).trim();
    if (!t || t === value) continue;
    if (value.endsWith(t)) value = value.slice(0, -t.length).trim();
    else if (value.startsWith(t)) value = value.slice(t.length).trim();
  }
  return value;
}

/**
 * The text an element shows, through shadow roots and slots, without buttons ("Edit Email"),
 * assistive-only text, scripts or hidden parts. Whitespace folded. With `apart`, each element's
 * text stands apart from its neighbours' (a "Work" badge beside an address is not glued to it).
 * Descendants matching `skip` are left out (a feed inside a record's row is not its value).
 */
export function shownText(el: Element, apart = false, skip?: string): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const element = node as Element;
    if (node.nodeType === 1 && node !== el) {
      // Inside the element asked about, controls and hidden parts are not its value.
      if (SKIP_TEXT.has(element.tagName.toUpperCase())) return;
      // A control ("Edit", "Copy") is not the value; a button holding the value (inline edit) is.
      if (element.tagName === 'BUTTON' && CONTROL_WORD.test(shownText(element))) return;
      if (ASSISTIVE.test(element.getAttribute('class') ?? '') || HIDING_ATTRIBUTE(element) || INLINE_HIDDEN.test(element.getAttribute('style') ?? '')) return;
      // Parts the caller says are not the value (a feed inside a record's row).
      if (skip && element.matches(skip)) return;
    }
    if (node.nodeType === 1) {
      if (element.tagName === 'SLOT') {
        const assigned = (element as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
        for (const n of assigned.length ? assigned : [...element.childNodes]) walk(n);
        return;
      }
      if (element.shadowRoot) {
        // Light children show through the shadow tree's slots (handled above), or not at all.
        walk(element.shadowRoot);
        return;
      }
      if (isField(element)) {
        out += ` ${fieldValue(element)} `;
        return;
      }
    }
    if (apart) out += ' ';
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (apart) out += ' ';
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

function isField(el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

function fieldValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  if (el.tagName === 'INPUT' && /^(hidden|password|checkbox|radio|button|submit|file)$/i.test((el as HTMLInputElement).type)) return '';
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    return select.selectedOptions?.[0]?.textContent?.trim() ?? select.value;
  }
  return el.value;
}
