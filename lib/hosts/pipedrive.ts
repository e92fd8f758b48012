/**
 * Pipedrive person pages (`<company>.pipedrive.com/person/<id>`). Read as label/value rows of the
 * person's details panel; the shapes here come from our fixture and public descriptions of the
 * page (2026-11), not from a live account: the first place to look when Pipedrive reads wrong.
 */
import { crmAdapter, emailsOf, pairsIn } from './crm-adapter';
import { text } from './dom';
import type { Person } from '../identity';
import { queryShown } from './visible';

export function isPipedrivePerson(url: string): boolean {
  return /^https:\/\/[a-z0-9-]+\.pipedrive\.com\/person\/\d+/.test(url);
}

/** A deal page: the person to ask is the deal's person, shown in its side panel (issue 32). */
export function isPipedriveDeal(url: string): boolean {
  return /^https:\/\/[a-z0-9-]+\.pipedrive\.com\/deal\/\d+/.test(url);
}

/** A side-panel section of a deal by what it is titled ("Person", "Organization"): its label, else its heading. */
function section(doc: Document, title: string): Element | undefined {
  return queryShown(doc, 'section, [role="region"], [data-testid$="-section"]').find(
    (el) => el.getAttribute('aria-label')?.trim().toLowerCase() === title || text(el.querySelector('h2, h3, h4')).toLowerCase() === title,
  );
}

export const PIPEDRIVE = {
  /** The person's name: the test id (2023), the details view heading (2021), else the page's first heading (2025-2026). */
  name: '[data-testid="header-title"], .detailView h1, h1',
  field: '[data-testid="field"], .fieldsList .item',
  fieldLabel: '[data-testid="field-label"], .key',
  fieldValue: '[data-testid="field-value"], .value',
  composeRoot: '[data-testid="mail-composer"], .mailComposer',
  composeBody: '[data-testid="mail-composer"] [contenteditable="true"], .mailComposer [contenteditable="true"]',
  subjectInput: 'input[name="subject"]',
} as const;

const record = crmAdapter(
  'pipedrive',
  'Pipedrive',
  {
    name: PIPEDRIVE.name,
    fields: (doc) => pairsIn(doc, PIPEDRIVE.field, PIPEDRIVE.fieldLabel, PIPEDRIVE.fieldValue),
    composeBody: PIPEDRIVE.composeBody,
    composeRoot: PIPEDRIVE.composeRoot,
    subjectInput: PIPEDRIVE.subjectInput,
  },
  (url) => isPipedrivePerson(url) || isPipedriveDeal(url),
);

export const pipedrive: typeof record = {
  ...record,
  read(doc, url) {
    const context = record.read.call(this, doc, url);
    if (!isPipedriveDeal(url)) return context;
    // A deal is about an account: its person section names whom to ask (one is the person, several a
    // choice); the deal's own fields give only its won time, as the account's customer-since day.
    const person = section(doc, 'person');
    const name = person ? text(person.querySelector('a[href*="/person/"]')) || undefined : undefined;
    const org = section(doc, 'organization');
    // The organization is its link's text, never the section's other lines.
    const company = org ? text(org.querySelector('a[href*="/organization/"]')) || undefined : undefined;
    const people: Person[] = (person ? emailsOf(person) : []).map((email) => ({
      email,
      ...(name ? { name } : {}),
      ...(company ? { company } : {}),
      seen: 'associated' as const,
    }));
    const customerSince = context.shown?.values.customerSince;
    return {
      ...context,
      people,
      shown: { values: customerSince ? { customerSince } : {}, dates: context.shown?.dates },
      readBy: people.length ? { email: 'label' } : {},
      missing: people.length ? context.missing.filter((m) => !m.startsWith("the contact's email")) : ["the deal's person (its Person section shows no email)"],
    };
  },
};
