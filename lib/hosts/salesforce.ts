/**
 * Salesforce Lightning Contact and Lead records. Lightning renders fields as
 * `.test-id__field-label` / `.test-id__field-value` pairs inside `.slds-form-element`, and the
 * name in the page header's `lightning-formatted-name` (shared/DESIGN.md, seen 2026-11).
 */
import { crmAdapter, pairsIn } from './crm-adapter';

export function isSalesforceRecord(url: string): boolean {
  return /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.lightning\.force\.com\/lightning\/r\/(Contact|Lead)\/[A-Za-z0-9]{15,18}\/view/.test(url);
}

export function isSalesforce(url: string): boolean {
  return /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.lightning\.force\.com\//.test(url);
}

export const SALESFORCE = {
  name: '.slds-page-header__title lightning-formatted-name, records-highlights2 .slds-page-header__title',
  field: '.slds-form-element',
  fieldLabel: '.test-id__field-label',
  fieldValue: '.test-id__field-value',
  composeRoot: '.forceEmailEmailComposer, .emailuiEmailComposer, [data-component-id*="email"]',
  composeBody: '.slds-rich-text-editor__textarea[contenteditable="true"], .slds-rich-text-area__content [contenteditable="true"]',
  subjectInput: 'input[name="subject"], .subjectInput input',
} as const;

export const salesforce = crmAdapter(
  'salesforce',
  'Salesforce',
  {
    name: SALESFORCE.name,
    fields: (doc) => pairsIn(doc, SALESFORCE.field, SALESFORCE.fieldLabel, SALESFORCE.fieldValue),
    composeBody: SALESFORCE.composeBody,
    composeRoot: SALESFORCE.composeRoot,
    subjectInput: SALESFORCE.subjectInput,
  },
  isSalesforceRecord,
);
