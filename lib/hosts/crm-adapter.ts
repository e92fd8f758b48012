/**
 * The shape every CRM record adapter shares. A record is read in layers, first hit wins, each
 * layer named so the reading health can say how a field was found:
 *   1. `hooks`: the host's own stable hooks (test ids, field-label attributes), as dated selector
 *      sets, current and legacy side by side;
 *   2. `value`: what a value is (a `mailto:` link, `lightning-formatted-email`);
 *   3. `label`: a known label followed by its value in the same container, whatever the elements
 *      (lib/hosts/labels.ts).
 * Only what is shown is read (lib/hosts/visible.ts), through open shadow roots. When two readings
 * of the email disagree, or two shown records compete, the page is ambiguous: no contact is
 * chosen and the user picks (precision over recall: never the wrong person).
 */
import { crmFieldOf, crmRecordFields, isKnownCrmLabel, pageDateOrder } from './crm';
import { addressIn, addressTokens, type Person } from '../identity';
import { labelledValues, normaliseLabel } from './labels';
import { closestAcross, draftRecipients, isEmailEditor } from './compose';
import type { HostAdapter, HostId, PageContext, ReadStrategy } from './types';
import { hasSize, isShown, queryDeep, queryShown, shownText, valueText } from './visible';

/** A rich-text editing area: Draft.js (HubSpot), Quill (Salesforce's lightning-input-rich-text), any editable textbox. */
const RICH_TEXT = '[contenteditable="true"][role="textbox"], .public-DraftEditor-content[contenteditable="true"], .ql-editor[contenteditable="true"]';

export interface CrmSelectors {
  /** The record's display name, alternatives in order (current layout first). */
  name: string;
  /** Each property the host's hooks mark: [label, value] pairs (labels may be attribute text). */
  fields: (doc: Document) => Iterable<[string, Element | null]>;
  /** Rich-text editors of the record's email composer. */
  composeBody: string;
  composeRoot: string;
  subjectInput: string;
}

/**
 * Where a page shows what happened around a record (activity feeds, timelines, emails logged):
 * the people named there are not the record's, so its labels are not read as the record's fields.
 */
const NOT_THE_RECORD =
  '[role=feed],[role=log],[data-testid*="timeline" i],[data-selenium-test*="timeline" i],[class*="timeline" i],[class*="activity" i],[class*="feed" i]';

/**
 * The addresses a record's email value shows, whole: its mailto links' (none inside a feed), else
 * those its text holds, a badge beside them apart. Two are two people: a choice, never the first.
 */
export function emailsOf(el: Element): string[] {
  const links = el.matches('a[href^="mailto:" i]') ? [el] : queryShown(el.shadowRoot ?? el, 'a[href^="mailto:" i]').filter((l) => !l.closest(NOT_THE_RECORD));
  const found = links.length
    ? links.map((link) => {
        let href = link.getAttribute('href') ?? '';
        try {
          href = decodeURIComponent(href);
        } catch {
          // A malformed escape in the page's link: read it as written.
        }
        return addressIn(href.split('?')[0]) ?? '';
      })
    : addressTokens(shownText(el, true, NOT_THE_RECORD));
  return [...new Set(found.filter(Boolean).map((a) => a.toLowerCase()))];
}

export function crmAdapter(id: HostId, label: string, s: CrmSelectors, isRecord: (url: string) => boolean): HostAdapter {
  return {
    id,
    label,
    read(doc, url): PageContext {
      const composeCount = this.composeEditors(doc).length;
      if (!isRecord(url)) {
        return { host: id, hostLabel: label, url, composeCount, missing: ['a contact record (open one)'] };
      }
      const readBy: Record<string, ReadStrategy> = {};
      // Layer 1: hooks. Every shown occurrence is kept, to see two records competing.
      const hooked = new Map<string, string[]>();
      const hookedEmails: string[] = [];
      for (const [rawLabel, valueEl] of s.fields(doc)) {
        if (!valueEl || !isShown(valueEl)) continue;
        const key = normaliseLabel(rawLabel);
        if (!key) continue;
        if (crmFieldOf(key) === 'email') {
          if (!hasSize(valueEl)) continue;
          hookedEmails.push(...emailsOf(valueEl));
          continue;
        }
        // A value read from the whole field item starts with the label it shows: drop it.
        let value = valueText(valueEl);
        if (rawLabel && value.toLowerCase().startsWith(rawLabel.toLowerCase())) value = value.slice(rawLabel.length).replace(/^[\s:*]+/, '');
        if (value) hooked.set(key, [...(hooked.get(key) ?? []), value]);
      }
      // Layer 3: labels by proximity, never inside a feed or timeline (it also fills fields the hooks lack).
      const labelled = new Map<string, string[]>();
      const labelledEmails: string[] = [];
      for (const { label: key, value, valueElement } of labelledValues(doc, isKnownCrmLabel)) {
        // Feeds and drafts are not the record: a compose's To beside a label is not its email.
        if (valueElement.closest(NOT_THE_RECORD) || valueElement.querySelector('[contenteditable="true"]')) continue;
        if (crmFieldOf(key) === 'email') labelledEmails.push(...emailsOf(valueElement));
        else labelled.set(key, [...(labelled.get(key) ?? []), value]);
      }

      const first = (m: Map<string, string[]>) => new Map([...m].map(([k, v]) => [k, v[0]!]));
      const fromHooks = crmRecordFields(first(hooked));
      const fields = first(hooked);
      for (const [key, values] of labelled) if (!fields.has(key)) fields.set(key, values[0]!);
      const { contact, values } = crmRecordFields(fields);
      for (const key of Object.keys(values)) readBy[key] = key in fromHooks.values ? 'hooks' : 'label';
      if (contact.company) readBy.company = fromHooks.contact.company ? 'hooks' : 'label';

      // Alternatives in their order (current layout first), not in document order.
      let name: string | undefined;
      for (const alternative of s.name.split(',')) {
        name = queryShown(doc, alternative.trim())
          .map((el) => shownText(el))
          .find(Boolean);
        if (name) break;
      }
      if (name) {
        contact.name = name;
        readBy.name = 'hooks';
      } else if (contact.name) readBy.name = 'label';

      // The record's own email fields, every reading of them: two different is a choice, none is nobody.
      const person = { name: contact.name, company: contact.company, seen: 'record' as const };
      const people: Person[] = [...new Set([...hookedEmails, ...labelledEmails])].map((email) => ({ ...person, email }));
      if (people.length) readBy.email = hookedEmails.length ? 'hooks' : 'label';
      const missing = people.length ? [] : [`the contact's email on this ${label} record`];
      return { host: id, hostLabel: label, url, people, shown: { values, dates: pageDateOrder(doc) }, readBy, composeCount, missing };
    },
    composeEditors(doc) {
      // One walk of the page (shadow roots included) for both: the host's hooked composer, and the
      // record's email dialog or action found by what it is (a shown rich-text editor with a
      // subject and recipients around it, whatever hooks the host gives it this year).
      const shown = queryDeep<HTMLElement>(doc, `${s.composeBody}, ${RICH_TEXT}`).filter(isShown);
      const hooked = shown.filter((e) => e.matches(s.composeBody));
      const editable = shown.filter((e) => !hooked.some((h) => h === e || h.contains(e)));
      const editors = [...hooked, ...editable.filter((e) => !editable.some((o) => o !== e && o.contains(e)))];
      const shape = { root: s.composeRoot, notThisDraft: NOT_THE_RECORD, subject: s.subjectInput };
      return [...hooked, ...editors.slice(hooked.length).filter((e) => isEmailEditor(e, shape, editors))];
    },
    recipients(editor) {
      return draftRecipients(editor, { root: s.composeRoot, notThisDraft: NOT_THE_RECORD }, this.composeEditors(editor.ownerDocument));
    },
    subjectInput(editor) {
      return closestAcross(editor, s.composeRoot)?.querySelector<HTMLInputElement>(s.subjectInput) ?? null;
    },
  };
}

/** Pairs of [label text, value] for containers holding one label and one value element each. */
export function* pairsIn(doc: Document, container: string, label: string, value: string): Iterable<[string, Element | null]> {
  for (const el of queryDeep(doc, container)) {
    const l = el.querySelector(label);
    if (l) yield [shownText(l), el.querySelector(value)];
  }
}
