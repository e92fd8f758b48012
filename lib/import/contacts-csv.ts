import Papa from 'papaparse';
import { FACTS } from '../facts';
import type { Contact } from '../model';

/** A stored fact as its export cell: what the import reads back to the same value. */
function cell(contact: Contact, key: (typeof FACTS)[number]['key']): string | number {
  const fact = contact.facts[key];
  if (!fact) return '';
  const value = fact.value;
  if (typeof value === 'object') return value.score; // an NPS answer
  return FACTS.find((f) => f.key === key)!.kind === 'percent' ? `${value}%` : value;
}

/** Contacts as CSV, one column per fact of the table, under headers the importer recognises, so an export imports back as it was. */
export function contactsToCsv(contacts: Contact[]): string {
  return Papa.unparse(
    {
      fields: ['Email', 'Other email addresses', 'Name', 'Company', ...FACTS.map((f) => f.label)],
      data: contacts.map((c) => [c.email, (c.otherEmails ?? []).join('; '), c.name, c.company, ...FACTS.map((f) => cell(c, f.key))]),
    },
    { escapeFormulae: true },
  );
}
