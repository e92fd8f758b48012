/**
 * What a CRM record page says, from its label/value pairs ("Became a Customer Date: 05/14/2026").
 * Labels are matched by the same names the CSV import recognises, so a field reads the same
 * whether it comes from a page or an export.
 */
import { fieldForLabel, type ImportField } from '../import/headers';
import { readField } from '../import/values';
import { findEmail } from './dom';
import type { PageContext, PageFacts } from './types';

const EXTRA_LABELS: Record<string, 'lifecycleStage' | 'owner'> = {
  'lifecycle stage': 'lifecycleStage',
  'lead status': 'lifecycleStage',
  stage: 'lifecycleStage',
  'contact owner': 'owner',
  owner: 'owner',
  'account owner': 'owner',
};

export type CrmField = ImportField | 'lifecycleStage' | 'owner';

/** The field a record label names ("Became a Customer Date" -> customerSince), if we read it. */
export function crmFieldOf(label: string): CrmField | undefined {
  return fieldForLabel(label) ?? EXTRA_LABELS[label.toLowerCase().trim()];
}

export const isKnownCrmLabel = (label: string) => crmFieldOf(label) !== undefined;

const PAGE_FACTS = new Set<CrmField>(['customerSince', 'nps', 'csat', 'openTickets', 'spend90d', 'timeZone', 'segment']);

export function readCrmFields(fields: Map<string, string>, today = todayLocal()): { contact: NonNullable<PageContext['contact']>; facts: PageFacts } {
  const contact: NonNullable<PageContext['contact']> = {};
  const facts: PageFacts = {};
  let first = '';
  let last = '';
  for (const [label, raw] of fields) {
    const field = crmFieldOf(label);
    if (field === 'email') contact.email ??= findEmail(raw);
    else if (field === 'name') contact.name ??= raw;
    else if (field === 'firstName') first ||= raw;
    else if (field === 'lastName') last ||= raw;
    else if (field === 'company') contact.company ??= raw;
    else if (field === 'lifecycleStage') facts.lifecycleStage ??= raw;
    else if (field && PAGE_FACTS.has(field) && (facts as Record<string, unknown>)[field] === undefined) {
      const reading = readField(field, raw, today);
      if ('value' in reading) (facts as Record<string, unknown>)[field] = reading.value;
    }
  }
  if (!contact.name && (first || last)) contact.name = `${first} ${last}`.trim();
  return { contact, facts };
}

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
