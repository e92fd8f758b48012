/**
 * A named host taught by the user (issue 14: where a field cannot be read, pick it once): the
 * fields picked on its pages are tried first, the adapter's own reading fills the rest. Apart from
 * the CRM reader so that the webmails' content script carries only the name-and-email reader.
 */
import type { CustomPicks } from './custom-fields';
import { addressIn } from '../identity';
import type { HostAdapter, PageContext } from './types';
import { queryShown, shownText } from './visible';

/** Reads what the user picked on this page: the picked person (`seen: 'picked'`), a picked name alone, and on CRMs its facts. */
export type PickedReader = (doc: Document, url: string) => Pick<PageContext, 'people' | 'contact' | 'shown'>;

export function withPicks(base: HostAdapter, readPicked: PickedReader): HostAdapter {
  return {
    ...base,
    read(doc, url) {
      const page = base.read(doc, url);
      const mine = readPicked(doc, url);
      const picked = mine.people ?? [];
      const readBy = { ...page.readBy };
      for (const [key, value] of Object.entries({ ...mine.contact, ...mine.shown?.values })) if (value !== undefined) readBy[key] = 'picked';
      if (picked.length) readBy.email = 'picked';
      // With a picked email, what was missing about the person (their email, the thread, which one) is found.
      const found = (m: string) => /email|thread|conversation|which |pick/i.test(m);
      // The pick is one more reading of the person: the identity decision weighs it against the page's own.
      return {
        ...page,
        people: [...(page.people ?? []), ...picked],
        contact: { ...page.contact, ...definedOnly(mine.contact ?? {}) },
        ...(page.shown || mine.shown
          ? { shown: { values: { ...page.shown?.values, ...definedOnly(mine.shown?.values ?? {}) }, dates: page.shown?.dates ?? mine.shown?.dates } }
          : {}),
        readBy,
        missing: picked.length ? page.missing.filter((m) => !found(m)) : page.missing,
      };
    },
  };
}

/**
 * The email pick is stored with the label the user saw beside it ("E-mail"), after a NUL (no CSS
 * selector holds one), and read only where the picked element still sits beside that label: a
 * position that points at another field on another record is not another person (issue 30).
 */
export const packPick = (selector: string, label?: string): string => (label ? `${selector}\0${label}` : selector);
/** The label shown just before `el` in its row (or an enclosing one), when it names an email field. */
export function emailLabelBeside(el: Element): string | undefined {
  for (let n: Element | null = el; n?.parentElement; n = n.parentElement) {
    const text = n.previousElementSibling?.textContent?.trim().toLowerCase();
    if (text) return text.length < 40 && /mail|correo|courriel|e-?post/.test(text) ? text : undefined;
  }
  return undefined;
}

/**
 * The element a stored pick points at on this page: the first shown match (a hidden stale copy is
 * never read); for the email, only while it sits beside the label it was picked beside (`moved`
 * says where it is not). Nothing for a selector that no longer parses.
 */
export function pickedIn(doc: Document, value: string | undefined): { el?: Element; moved?: string } {
  if (!value) return {};
  const [selector = '', label] = value.split('\0');
  let el: Element | undefined;
  try {
    el = queryShown(doc, selector)[0];
  } catch {
    return {};
  }
  return el && label && emailLabelBeside(el) !== label ? { moved: `no longer sits beside "${label}"` } : { el };
}

/** On a webmail: the picked name and email only (its facts come from the CRMs and imports). */
export function withMailPicks(base: HostAdapter, picks: CustomPicks): HostAdapter {
  if (!picks.email && !picks.name) return base;
  const at = (doc: Document, pick?: string, apart = false) => {
    const { el } = pickedIn(doc, pick);
    return el ? shownText(el, apart) : '';
  };
  return withPicks(base, (doc) => {
    const email = addressIn(at(doc, picks.email, true))?.toLowerCase();
    const name = at(doc, picks.name) || undefined;
    return {
      people: email ? [{ email, ...(name ? { name } : {}), seen: 'picked' }] : [],
      contact: name ? { name } : undefined,
    };
  });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
