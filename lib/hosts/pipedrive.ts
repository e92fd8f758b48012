/**
 * Pipedrive person pages (`<company>.pipedrive.com/person/<id>`). Read as label/value rows of the
 * person's details panel; the shapes here come from our fixture and public descriptions of the
 * page (2026-11), not from a live account: the first place to look when Pipedrive reads wrong.
 */
import { crmAdapter, pairsIn } from './crm-adapter';

export function isPipedrivePerson(url: string): boolean {
  return /^https:\/\/[a-z0-9-]+\.pipedrive\.com\/person\/\d+/.test(url);
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

export const pipedrive = crmAdapter(
  'pipedrive',
  'Pipedrive',
  {
    name: PIPEDRIVE.name,
    fields: (doc) => pairsIn(doc, PIPEDRIVE.field, PIPEDRIVE.fieldLabel, PIPEDRIVE.fieldValue),
    composeBody: PIPEDRIVE.composeBody,
    composeRoot: PIPEDRIVE.composeRoot,
    subjectInput: PIPEDRIVE.subjectInput,
  },
  isPipedrivePerson,
);
