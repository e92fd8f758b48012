/**
 * Reading a record by its labels, whatever elements carry them: a known label ("Email",
 * "Became a Customer Date", the import's header names) and the value shown after it in the same
 * container. This is the strategy that still works when a CRM renames its classes, drops its test
 * hooks or moves fields into shadow roots; it reads what the field shows (input values included).
 */
import { isShown, shownText, valueText, walkElements } from './visible';

export interface LabelledValue {
  /** The label as normalised for lookup ("became a customer date"). */
  label: string;
  value: string;
  valueElement: Element;
}

/** "Email:", "NPS Score *", "Close date" -> "email", "nps score", "close date". */
export function normaliseLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/[\s:*：]+$/, '')
    .trim();
}

/** The element's own text (its direct text nodes), where labels live. */
function ownText(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) s += c.nodeValue;
  return s.replace(/\s+/g, ' ').trim();
}

const LABEL_MAX = 48;

/** The label an element states, if it is one we know. Also reads "Email: dana@x" written in one node. */
function labelOf(el: Element, known: (label: string) => boolean): { label: string; inline?: string } | undefined {
  // Tabs, buttons and links named "Email" are controls, not labels.
  if (el.tagName === 'BUTTON' || el.tagName === 'A' || /^(tab|button|link|menuitem|option)$/.test(el.getAttribute('role') ?? '')) return undefined;
  let own = ownText(el);
  // <label><span>Email</span></label> and similar: a short label split over one inline child.
  if (!own && el.childElementCount === 1 && (el.tagName === 'LABEL' || el.tagName === 'DT' || el.tagName === 'TH')) own = shownText(el);
  if (!own || own.length > 200) return undefined;
  const inline = /^([^:：]{1,48})[:：]\s*(\S.*)$/.exec(own);
  if (inline && known(normaliseLabel(inline[1]!))) return { label: normaliseLabel(inline[1]!), inline: inline[2]!.trim() };
  if (own.length > LABEL_MAX) return undefined;
  const label = normaliseLabel(own);
  return label && known(label) ? { label } : undefined;
}

/** Elements a value may hold: more is a part of the page, not one field's value. */
const VALUE_ELEMENTS = 200;

/** A value holds no label we know, and is not a whole part of the page. */
function valueLike(el: Element, known: (label: string) => boolean): boolean {
  const inside = el.getElementsByTagName('*');
  if (inside.length > VALUE_ELEMENTS) return false;
  for (const d of inside) if (labelOf(d, known)) return false;
  return true;
}

/** The value that follows a label: its `for` field, else the next sibling showing something, climbing a little. */
function valueAfter(labelEl: Element, known: (label: string) => boolean): Element | undefined {
  if (labelEl.tagName === 'LABEL') {
    const id = labelEl.getAttribute('for');
    const root = labelEl.getRootNode() as Document | ShadowRoot;
    const field = id ? root.getElementById?.(id) : labelEl.querySelector('input, textarea, select');
    if (field) return field;
  }
  let from: Element | null = labelEl;
  for (let level = 0; from && level < 3; level++) {
    for (let sib = from.nextElementSibling; sib; sib = sib.nextElementSibling) {
      // The next label, or a part holding one (the next field's row): this label has no value.
      if (labelOf(sib, known) || !valueLike(sib, known)) return undefined;
      if (shownText(sib)) return sib;
    }
    // The label sits alone in a wrapper (<div><span>Email</span></div><div>value</div>): look beside the wrapper.
    const parent: Element | null = from.parentElement;
    if (!parent || shownText(parent) !== shownText(from)) break;
    from = parent;
  }
  return undefined;
}

/**
 * Every shown label we know under `root` (shadow roots included) with the value beside it.
 * `known` tells a normalised label we read. A label may appear several times (two records on
 * screen): every occurrence is returned, so the caller can see the conflict.
 */
export function labelledValues(root: ParentNode, known: (label: string) => boolean): LabelledValue[] {
  const found: LabelledValue[] = [];
  for (const el of walkElements(root)) {
    const label = labelOf(el, known);
    if (!label) continue;
    if (!isShown(el)) continue;
    if (label.inline) {
      found.push({ label: label.label, value: label.inline, valueElement: el });
      continue;
    }
    const valueElement = valueAfter(el, known);
    if (!valueElement || !isShown(valueElement)) continue;
    const value = valueText(valueElement);
    if (value) found.push({ label: label.label, value, valueElement });
  }
  return found;
}
