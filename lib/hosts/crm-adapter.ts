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
import { crmFieldOf, isKnownCrmLabel, readCrmFields } from './crm';
import { findEmail } from './dom';
import { labelledValues, normaliseLabel } from './labels';
import { draftRecipients } from './compose';
import type { Ambiguity, HostAdapter, HostId, PageContext, ReadStrategy } from './types';
import { hasSize, isShown, queryDeep, queryShown, shownText } from './visible';

export interface CrmSelectors {
  /** The record's display name, alternatives in order (current layout first). */
  name: string;
  /** Each property the host's hooks mark: [label, value] pairs (labels may be attribute text). */
  fields: (doc: Document) => Iterable<[string, Element | null]>;
  /** Elements that are an email by what they are (mailto links, formatted-email components). */
  emailValue?: string;
  /** Rich-text editors of the record's email composer. */
  composeBody: string;
  composeRoot: string;
  subjectInput: string;
}

const EMAIL_VALUE = 'a[href^="mailto:" i], lightning-formatted-email';

/** The address of a shown mailto link in (or being) `el`: what the value is, over how its text runs. */
function mailtoIn(el: Element): string | undefined {
  const link = el.matches('a[href^="mailto:" i]') ? el : queryShown(el.shadowRoot ?? el, 'a[href^="mailto:" i]')[0];
  const href = link?.getAttribute('href') ?? '';
  let address = href;
  try {
    address = decodeURIComponent(href);
  } catch {
    // A malformed escape in the page's link: read it as written.
  }
  return findEmail(address.replace(/^mailto:/i, '').split('?')[0]);
}

/** Distinct values in first-seen order. */
const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))];

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
      for (const [rawLabel, valueEl] of s.fields(doc)) {
        if (!valueEl || !isShown(valueEl)) continue;
        if (crmFieldOf(normaliseLabel(rawLabel)) === 'email' && !hasSize(valueEl)) continue;
        const key = normaliseLabel(rawLabel);
        if (!key) continue;
        // A value read from the whole field item starts with the label it shows: drop it.
        let value = crmFieldOf(key) === 'email' ? (mailtoIn(valueEl) ?? shownText(valueEl)) : shownText(valueEl);
        if (rawLabel && value.toLowerCase().startsWith(rawLabel.toLowerCase())) value = value.slice(rawLabel.length).replace(/^[\s:*]+/, '');
        if (key && value) hooked.set(key, [...(hooked.get(key) ?? []), value]);
      }
      // Layer 3: labels by proximity (computed once; it also fills fields the hooks lack).
      const labelled = new Map<string, string[]>();
      for (const { label: key, value, valueElement } of labelledValues(doc, isKnownCrmLabel)) {
        const read = crmFieldOf(key) === 'email' ? (mailtoIn(valueElement) ?? value) : value;
        labelled.set(key, [...(labelled.get(key) ?? []), read]);
      }

      const first = (m: Map<string, string[]>) => new Map([...m].map(([k, v]) => [k, v[0]!]));
      const fromHooks = readCrmFields(first(hooked));
      const fields = first(hooked);
      for (const [key, values] of labelled) if (!fields.has(key)) fields.set(key, values[0]!);
      const { contact, facts } = readCrmFields(fields);
      for (const key of Object.keys(facts)) readBy[key] = key in fromHooks.facts ? 'hooks' : 'label';
      if (contact.company) readBy.company = fromHooks.contact.company ? 'hooks' : 'label';

      // The email, by every layer, so that disagreement shows.
      const emailsIn = (m: Map<string, string[]>) => distinct([...m].flatMap(([key, values]) => (crmFieldOf(key) === 'email' ? values.map(findEmail) : [])));
      const byHooks = emailsIn(hooked);
      const byLabel = emailsIn(labelled);
      const byValue = distinct(queryShown(doc, s.emailValue ?? EMAIL_VALUE).map((el) => findEmail(el.getAttribute('href') ?? '') ?? findEmail(shownText(el))));
      const missing: string[] = [];
      let ambiguous: Ambiguity | undefined;
      let email: string | undefined;
      const stated = distinct([...byHooks, ...byLabel]);
      if (stated.length > 1) ambiguous = { what: 'email', candidates: stated.map((e) => ({ email: e })) };
      else if (stated.length === 1) {
        email = stated[0];
        readBy.email = byHooks.length ? 'hooks' : 'label';
      } else if (byValue.length === 1) {
        email = byValue[0];
        readBy.email = 'value';
      } else if (byValue.length > 1) ambiguous = { what: 'email', candidates: byValue.map((e) => ({ email: e })) };

      // Alternatives in their order (current layout first), not in document order.
      let name: string | undefined;
      for (const alternative of s.name.split(',')) {
        name = queryShown(doc, alternative.trim()).map(shownText).find(Boolean);
        if (name) break;
      }
      if (name) {
        contact.name = name;
        readBy.name = 'hooks';
      } else if (contact.name) readBy.name = 'label';

      if (ambiguous) {
        // The candidates themselves travel in `ambiguous`: the sidebar lists them to choose from.
        missing.push(`which person this ${label} page is about`);
        return { host: id, hostLabel: label, url, composeCount, ambiguous, readBy, missing };
      }
      if (!email) missing.push(`the contact's email on this ${label} record`);
      return { host: id, hostLabel: label, url, contact: { ...contact, email }, facts, readBy, composeCount, missing };
    },
    composeEditors(doc) {
      return queryDeep<HTMLElement>(doc, s.composeBody).filter(isShown);
    },
    recipients(editor, account) {
      return draftRecipients(editor, s.composeRoot, account);
    },
    subjectInput(editor) {
      return editor.closest(s.composeRoot)?.querySelector<HTMLInputElement>(s.subjectInput) ?? null;
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
