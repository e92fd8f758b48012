/**
 * Any other CRM: the user clicked, once per site, the element holding each field; those picks
 * are CSS selectors stored for the origin. Read like any CRM record; insert into the page's
 * rich-text editor if it has one.
 */
import { draftRecipients } from './compose';
import { isWhereToWrite, pickReadAs, type CustomPicks } from './custom-fields';
import { pickedIn, withPicks } from './picks';
import { crmRecordFields, pageDateOrder } from './crm';
import { isShown, queryShown, shownText } from './visible';
import { addressIn, type Person } from '../identity';
import type { HostAdapter, PageContext } from './types';

function valueOf(el: Element | null): string {
  return el ? shownText(el) : '';
}

export function customAdapter(siteLabel: string, picks: CustomPicks): HostAdapter {
  return {
    id: 'custom',
    label: siteLabel,
    read(doc, url): PageContext {
      const fields = new Map<string, string>();
      const missing: string[] = [];
      for (const [field, selector] of Object.entries(picks) as Array<[keyof CustomPicks, string]>) {
        if (isWhereToWrite(field)) continue;
        const { el, moved } = pickedIn(doc, selector);
        const value = field === 'email' && el ? (addressIn(shownText(el, true)) ?? '') : valueOf(el ?? null);
        if (value) fields.set(pickReadAs(field), value);
        else missing.push(`${pickReadAs(field)} (picked element ${moved ?? 'not found'}: pick the fields again)`);
      }
      if (!picks.email) missing.unshift('the email field (pick the fields from the toolbar button)');
      const {
        contact: { email, ...named },
        values,
      } = crmRecordFields(fields);
      // The picked email, whole as the page shows it: the one identity decision says whether it is a person.
      const people: Person[] = email ? [{ email, ...named, seen: 'picked' }] : [];
      return {
        host: 'custom',
        hostLabel: siteLabel,
        url,
        contact: named,
        people,
        shown: { values, dates: pageDateOrder(doc) },
        composeCount: this.composeEditors(doc).length,
        missing,
      };
    },
    composeEditors(doc) {
      // The editor the user picked (the page may also have note fields), else every rich-text editor.
      if (picks.composer) {
        let picked: Element[] = [];
        try {
          picked = queryShown(doc, picks.composer);
        } catch {
          // A stored selector that no longer parses: no editor, said when inserting.
        }
        return picked.flatMap((el) => {
          const editor = el.closest('[contenteditable="true"]') ?? el.querySelector('[contenteditable="true"]');
          return editor instanceof HTMLElement && isShown(editor) ? [editor] : [];
        });
      }
      return [...doc.querySelectorAll<HTMLElement>('[contenteditable="true"]')].filter(isShown);
    },
    recipients(editor) {
      return draftRecipients(editor, { root: 'form, [role="dialog"], body' }, this.composeEditors(editor.ownerDocument));
    },
    subjectInput(editor) {
      return editor.closest('form')?.querySelector<HTMLInputElement>('input[name*="subject" i]') ?? null;
    },
  };
}

/** A named CRM taught by the user: its picks read like any CRM record (facts included), tried first. */
export function withCrmPicks(base: HostAdapter, picks: CustomPicks): HostAdapter {
  if (!Object.keys(picks).length) return base;
  const picked = customAdapter(base.label, picks);
  return withPicks(base, (doc, url) => picked.read(doc, url));
}
