/**
 * Salesforce Lightning Contact and Lead records. Lightning renders fields as
 * `.test-id__field-label` / `.test-id__field-value` pairs inside `.slds-form-element`, and the
 * name in the page header's `lightning-formatted-name` (the team's host notes, seen 2026-11).
 */
import { crmAdapter, pairsIn } from './crm-adapter';
import { queryDeep } from './visible';

export function isSalesforceRecord(url: string): boolean {
  return /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.lightning\.force\.com\/lightning\/r\/(Contact|Lead)\/[A-Za-z0-9]{15,18}\/view/.test(url);
}

/**
 * Salesforce's hooks, the synthetic-shadow layout (2019-2025: .test-id__ classes in the light
 * DOM) beside the native-shadow one (API v66, 2026: `records-record-layout-item[field-label]`
 * hosts with their content in open shadow roots; Salesforce's own UI tests moved to these).
 */
export const SALESFORCE = {
  name: '.slds-page-header__title lightning-formatted-name, records-highlights2 .slds-page-header__title, lightning-formatted-name[slot="primaryField"], h1 lightning-formatted-name, .slds-page-header lightning-formatted-name, lightning-formatted-name',
  field: '.slds-form-element',
  fieldLabel: '.test-id__field-label',
  fieldValue: '.test-id__field-value',
  /** The native-shadow layout item: its label is an attribute, its value the item's shown text. */
  layoutItem: 'records-record-layout-item[field-label]',
  /** The email composer (2019-2025), the docked email action (2026: lightning-input-rich-text with a Quill body, found by what it holds). */
  composeRoot: '.forceEmailEmailComposer, .emailuiEmailComposer, [data-component-id*="email"], .forceDockingPanel, [role="dialog"]',
  composeBody: '.slds-rich-text-editor__textarea[contenteditable="true"], .slds-rich-text-area__content [contenteditable="true"]',
  subjectInput: 'input[name="subject" i], .subjectInput input, input[aria-label*="subject" i], input[placeholder*="subject" i]',
} as const;

function* salesforceFields(doc: Document): Iterable<[string, Element | null]> {
  yield* pairsIn(doc, SALESFORCE.field, SALESFORCE.fieldLabel, SALESFORCE.fieldValue);
  for (const item of queryDeep(doc, SALESFORCE.layoutItem)) {
    const label = item.getAttribute('field-label') ?? '';
    // The value is what the item shows after its label; a value element is found inside when marked.
    const marked = queryDeep(
      item.shadowRoot ?? item,
      `${SALESFORCE.fieldValue}, lightning-formatted-email, lightning-formatted-text, lightning-formatted-date-time, lightning-formatted-number, lightning-formatted-phone`,
    )[0];
    yield [label, marked ?? item];
  }
}

export const salesforce = crmAdapter(
  'salesforce',
  'Salesforce',
  {
    name: SALESFORCE.name,
    fields: salesforceFields,
    composeBody: SALESFORCE.composeBody,
    composeRoot: SALESFORCE.composeRoot,
    subjectInput: SALESFORCE.subjectInput,
  },
  isSalesforceRecord,
);
