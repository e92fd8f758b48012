/**
 * What a CRM record page says, from its label/value pairs ("Became a Customer Date: 05/14/2026").
 * Labels are matched by the same names the CSV import recognises, so a field reads the same
 * whether it comes from a page or an export.
 */
import { recognizeHeaders, type ImportField } from '../import/headers';
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

export function readCrmFields(fields: Map<string, string>, today: string): { contact: NonNullable<PageContext['contact']>; facts: PageFacts } {
  const labels = [...fields.keys()];
  const mapping = recognizeHeaders(labels);
  const contact: NonNullable<PageContext['contact']> = {};
  const facts: PageFacts = {};
  let first = '';
  let last = '';
  labels.forEach((label, i) => {
    const raw = fields.get(label)!;
    const field: ImportField | null = mapping[i] ?? null;
    if (field === 'email') contact.email = findEmail(raw);
    else if (field === 'name') contact.name = raw;
    else if (field === 'firstName') first = raw;
    else if (field === 'lastName') last = raw;
    else if (field === 'company') contact.company = raw;
    else if (field && field in ({ customerSince: 1, nps: 1, csat: 1, openTickets: 1, spend90d: 1, timeZone: 1, segment: 1 } as const)) {
      const reading = readField(field, raw, today);
      if ('value' in reading) (facts as Record<string, unknown>)[field] = reading.value;
    } else if (EXTRA_LABELS[label] === 'lifecycleStage') facts.lifecycleStage = raw;
  });
  if (!contact.name && (first || last)) contact.name = `${first} ${last}`.trim();
  return { contact, facts };
}

export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
