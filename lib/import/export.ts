import Papa from 'papaparse';
import type { Contact } from '../model';

/** Contacts as CSV, with headers the importer recognises, so an export imports back as it was. */
export function contactsToCsv(contacts: Contact[]): string {
  return Papa.unparse({
    fields: ['Email', 'Name', 'Company', 'Customer Since', 'NPS', 'CSAT', 'Open Tickets', 'Spend 90d', 'Total Spend', 'Time Zone', 'Segment', 'Results', 'Product'],
    data: contacts.map((c) => [
      c.email,
      c.name,
      c.company,
      c.facts.customerSince?.value ?? '',
      c.facts.nps?.value.score ?? '',
      c.facts.csat ? `${c.facts.csat.value}%` : '',
      c.facts.openTickets?.value ?? '',
      c.facts.spend90d?.value ?? '',
      c.facts.spendTotal?.value ?? '',
      c.facts.timeZone?.value ?? '',
      c.facts.segment?.value ?? '',
      c.facts.results?.value ?? '',
      c.facts.product?.value ?? '',
    ]),
  }, { escapeFormulae: true });
}
