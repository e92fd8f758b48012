/**
 * HubSpot contact records (app.hubspot.com and regional app-eu1...). Class names are generated,
 * so properties are read as label/value text from the `data-selenium-test` hooks HubSpot keeps
 * for its own tests; the name from `highlightTitle` (shared/DESIGN.md, seen 2026-11).
 */
import { crmAdapter, pairsIn } from './crm-adapter';

/** Contact (0-1) records, and deal (0-3) / company (0-2) records showing an associated contact. */
export function isHubSpotRecord(url: string): boolean {
  return /^https:\/\/app(-[a-z]{2}\d)?\.hubspot\.com\/contacts\/\d+\/(record\/0-[123]|contact|company|deal)\/\d+/.test(url);
}

export function isHubSpot(url: string): boolean {
  return /^https:\/\/app(-[a-z]{2}\d)?\.hubspot\.com\//.test(url);
}

export const HUBSPOT = {
  name: '[data-selenium-test="highlightTitle"]',
  property: '[data-selenium-test^="property-input-"]',
  propertyLabel: 'label, [data-selenium-test="property-label"]',
  propertyValue: '[data-selenium-test="property-value"], input, textarea, [role="button"]',
  composeRoot: '[data-selenium-test="email-composer"], [role="dialog"]',
  composeBody: '[data-selenium-test="email-composer"] [contenteditable="true"], [data-selenium-test="rich-text-editor"] [contenteditable="true"]',
  subjectInput: 'input[data-selenium-test="email-subject"], input[name="subject"]',
} as const;

export const hubspot = crmAdapter(
  'hubspot',
  'HubSpot',
  {
    name: HUBSPOT.name,
    fields: (doc) => {
      // An <input>'s text is its value attribute: label/value pairs read what the field shows.
      const pairs: Array<[Element, Element | null]> = [];
      for (const [label, value] of pairsIn(doc, HUBSPOT.property, HUBSPOT.propertyLabel, HUBSPOT.propertyValue)) {
        if (value instanceof HTMLInputElement || value instanceof HTMLTextAreaElement) {
          const span = doc.createElement('span');
          span.textContent = value.value;
          pairs.push([label, span]);
        } else pairs.push([label, value]);
      }
      return pairs;
    },
    composeBody: HUBSPOT.composeBody,
    composeRoot: HUBSPOT.composeRoot,
    subjectInput: HUBSPOT.subjectInput,
  },
  isHubSpotRecord,
);
