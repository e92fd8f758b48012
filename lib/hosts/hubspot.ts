/**
 * HubSpot contact records (app.hubspot.com and regional app-eu1...). Class names are generated,
 * so properties are read as label/value text from the `data-selenium-test` hooks HubSpot keeps
 * for its own tests; the name from `highlightTitle` (the team's host notes, seen 2026-11).
 */
import { crmAdapter, emailsOf, pairsIn } from './crm-adapter';
import { text } from './dom';
import type { Person } from '../identity';
import { queryShown } from './visible';

/** Contact (0-1) records, and deal (0-3) / company (0-2) records showing an associated contact. */
export function isHubSpotRecord(url: string): boolean {
  return /^https:\/\/app(-[a-z]{2}\d)?\.hubspot\.com\/contacts\/\d+\/(record\/0-[123]|contact|company|deal)\/\d+/.test(url);
}

/** HubSpot's own test hooks, by the layout they were seen in (2022 properties sidebar, 2024 highlight card). */
export const HUBSPOT = {
  name: '[data-selenium-test="highlightTitle"], [data-selenium-test="contact-highlight-title"], [data-test-id="record-highlight-title"]',
  /** On deal (0-3) and company (0-2) records: the associations card, then each contact in it (its cards may sit in shadow roots). */
  associations: '[data-selenium-test="associations-card-contacts"]',
  associatedContact: '[data-selenium-test="association-card"]',
  /** A property: the 2022 input rows and the 2024 highlight-card details. */
  property: '[data-selenium-test^="property-input-"], [data-selenium-test$="-highlight-details"] > *',
  propertyLabel: 'label, [data-selenium-test="property-label"]',
  propertyValue: '[data-selenium-test="property-value"], input, textarea, select, [role="button"]',
  composeRoot: '[data-selenium-test="email-composer"], [role="dialog"]',
  composeBody: '[data-selenium-test="email-composer"] [contenteditable="true"], [data-selenium-test="rich-text-editor"] [contenteditable="true"]',
  subjectInput: 'input[data-selenium-test="email-subject"], input[name="subject"]',
} as const;

const contactRecord = crmAdapter(
  'hubspot',
  'HubSpot',
  {
    name: HUBSPOT.name,
    // Input values are read as shown (lib/hosts/visible.ts shownText), whatever element holds them.
    fields: (doc) => pairsIn(doc, HUBSPOT.property, HUBSPOT.propertyLabel, HUBSPOT.propertyValue),
    composeBody: HUBSPOT.composeBody,
    composeRoot: HUBSPOT.composeRoot,
    subjectInput: HUBSPOT.subjectInput,
  },
  isHubSpotRecord,
);

/** Deal and company records are about an account; the person to ask is their associated contact. */
export function isHubSpotDealOrCompany(url: string): boolean {
  return /\/record\/0-[23]\/|\/(deal|company)\//.test(url);
}

export const hubspot: typeof contactRecord = {
  ...contactRecord,
  read(doc, url) {
    const context = contactRecord.read.call(this, doc, url);
    if (!isHubSpotDealOrCompany(url)) return context;
    // Every associated contact shown: one is the person to ask, several are the user's choice.
    // Every address the associations card shows is a person (a contact whose card lost its hook
    // included), named from its card where it has one: one is the person to ask, several a choice.
    const people: Person[] = queryShown(doc, HUBSPOT.associations).flatMap((section) =>
      emailsOf(section).map((email) => {
        const card = queryShown(section, HUBSPOT.associatedContact).find((c) => emailsOf(c).includes(email));
        const name = text(card?.querySelector('.name, a:not([href^="mailto:"])')) || undefined;
        return { email, ...(name ? { name } : {}), seen: 'associated' as const };
      }),
    );
    const { customerSince } = context.facts ?? {};
    return {
      ...context,
      people,
      // A won deal's close date is when the account became a customer; its other fields are the deal's.
      facts: customerSince ? { customerSince } : {},
      readBy: people.length ? { email: 'hooks' } : {},
      // With no one associated, the record reader has said what is missing (its email).
      missing: people.length ? [] : context.missing,
    };
  },
};
