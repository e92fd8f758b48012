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
export type PickedReader = (doc: Document, url: string) => Pick<PageContext, 'people' | 'contact' | 'facts'>;

export function withPicks(base: HostAdapter, readPicked: PickedReader): HostAdapter {
  return {
    ...base,
    read(doc, url) {
      const page = base.read(doc, url);
      const mine = readPicked(doc, url);
      const picked = mine.people ?? [];
      const readBy = { ...page.readBy };
      for (const [key, value] of Object.entries({ ...mine.contact, ...mine.facts })) if (value !== undefined) readBy[key] = 'picked';
      if (picked.length) readBy.email = 'picked';
      // With a picked email, what was missing about the person (their email, the thread, which one) is found.
      const found = (m: string) => /email|thread|conversation|which |pick/i.test(m);
      // The pick is one more reading of the person: the identity decision weighs it against the page's own.
      return {
        ...page,
        people: [...(page.people ?? []), ...picked],
        contact: { ...page.contact, ...definedOnly(mine.contact ?? {}) },
        facts: { ...page.facts, ...definedOnly(mine.facts ?? {}) },
        readBy,
        missing: picked.length ? page.missing.filter((m) => !found(m)) : page.missing,
      };
    },
  };
}

/** On a webmail: the picked name and email only (its facts come from the CRMs and imports). */
export function withMailPicks(base: HostAdapter, picks: CustomPicks): HostAdapter {
  if (!picks.email && !picks.name) return base;
  const at = (doc: Document, selector?: string, apart = false) => {
    if (!selector) return '';
    try {
      const el = queryShown(doc, selector)[0];
      return el ? shownText(el, apart) : '';
    } catch {
      return ''; // A stored selector that no longer parses reads as nothing.
    }
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
