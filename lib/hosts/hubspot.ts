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
  name: '[data-selenium-test="highlightTitle"], [data-selenium-test="contact-highlight-title"], [data-test-id="record-highlight-title"], [data-test-id*="highlight" i] h1, [data-selenium-test*="highlight" i] h1',
  /**
   * The contact's company as the record shows it (2025-2026 layout): the Companies association
   * card (its first, primary company), else the highlight subtitle's link to a company record.
   */
  company:
    '[data-test-id="associations-card-companies"] a[href*="/record/0-2/"], [data-selenium-test="associations-card-companies"] a[href*="/record/0-2/"], [data-test-id$="highlight-subtitle"] a[href*="/record/0-2/"], [data-selenium-test$="highlight-subtitle"] a[href*="/record/0-2/"]',
  /** On deal (0-3) and company (0-2) records: the associations card, then each contact in it (its cards may sit in shadow roots). */
  associations: '[data-selenium-test="associations-card-contacts"]',
  associatedContact: '[data-selenium-test="association-card"]',
  /** A property: the 2022 input rows and the 2024 highlight-card details. */
  property: '[data-selenium-test^="property-input-"], [data-selenium-test$="-highlight-details"] > *',
  propertyLabel: 'label, [data-selenium-test="property-label"]',
  propertyValue: '[data-selenium-test="property-value"], input, textarea, select, [role="button"]',
  /** The 2022 composer panel; since 2025 the email opens in a dialog (found by what it holds, `crm-adapter.ts`). */
  composeRoot: '[data-selenium-test="email-composer"], [role="dialog"]',
  composeBody: '[data-selenium-test="email-composer"] [contenteditable="true"], [data-selenium-test="rich-text-editor"] [contenteditable="true"]',
  subjectInput: 'input[data-selenium-test="email-subject"], input[name="subject" i], input[aria-label*="subject" i], input[placeholder*="subject" i]',
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
    if (!isHubSpotDealOrCompany(url)) {
      // No "Company name" property shown: the company the record associates (issue 32), never a guess from the domain.
      const company = context.people?.[0]?.company ? undefined : text(queryShown(doc, HUBSPOT.company)[0]) || undefined;
      if (!company) return context;
      return { ...context, people: context.people?.map((p) => ({ ...p, company })), readBy: { ...context.readBy, company: 'hooks' } };
    }
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
    const customerSince = context.shown?.values.customerSince;
    return {
      ...context,
      people,
      // A won deal's close date is when the account became a customer; its other fields are the deal's.
      shown: { values: customerSince ? { customerSince } : {}, dates: context.shown?.dates },
      readBy: people.length ? { email: 'hooks' } : {},
      // With no one associated, the record reader has said what is missing (its email).
      missing: people.length ? [] : context.missing,
    };
  },
};
