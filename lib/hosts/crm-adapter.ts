/**
 * The shape every CRM record adapter shares: read the record's label/value pairs and name, turn
 * them into contact and facts; find the record's email composer.
 */
import { readCrmFields, todayLocal } from './crm';
import { labelValueMap, text } from './dom';
import type { HostAdapter, HostId, PageContext } from './types';

export interface CrmSelectors {
  /** The record's display name. */
  name: string;
  /** Each property: returns [label element, value element] pairs. */
  fields: (doc: Document) => Iterable<[Element, Element | null]>;
  /** Rich-text editors of the record's email composer. */
  composeBody: string;
  composeRoot: string;
  subjectInput: string;
}

export function crmAdapter(id: HostId, label: string, s: CrmSelectors, isRecord: (url: string) => boolean): HostAdapter {
  return {
    id,
    label,
    read(doc, url): PageContext {
      const missing: string[] = [];
      if (!isRecord(url)) {
        return { host: id, hostLabel: label, url, composeCount: this.composeEditors(doc).length, missing: ['a contact record (open one)'] };
      }
      const { contact, facts } = readCrmFields(labelValueMap(s.fields(doc)), todayLocal());
      const name = text(doc.querySelector(s.name));
      if (name) contact.name = name;
      if (!contact.email) missing.push(`the contact's email on this ${label} record`);
      return { host: id, hostLabel: label, url, contact, facts, composeCount: this.composeEditors(doc).length, missing };
    },
    composeEditors(doc) {
      return [...doc.querySelectorAll<HTMLElement>(s.composeBody)];
    },
    subjectInput(editor) {
      return editor.closest(s.composeRoot)?.querySelector<HTMLInputElement>(s.subjectInput) ?? null;
    },
  };
}

/** Pairs of [label, value] for containers holding one label and one value element each. */
export function* pairsIn(doc: Document, container: string, label: string, value: string): Iterable<[Element, Element | null]> {
  for (const el of doc.querySelectorAll(container)) {
    const l = el.querySelector(label);
    if (l) yield [l, el.querySelector(value)];
  }
}
