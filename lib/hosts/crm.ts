/**
 * What a CRM record page says, from its label/value pairs ("Became a Customer Date: 05/14/2026").
 * Labels are matched by the same names the CSV import recognises, so a field reads the same
 * whether it comes from a page or an export.
 */
import { FACT_BY_KEY, isFactKey, type PageFactKey } from '../facts';
import { fieldForLabel, type ImportField } from '../import/headers';
import { addressIn } from '../identity';
import type { PageContext, ShownValues } from './types';
import type { DateOrder } from '../import/formats';

const OWNER_LABELS = new Set(['contact owner', 'owner', 'account owner']);

export type CrmField = ImportField | 'owner';

/** The field a record label names ("Became a Customer Date" -> customerSince), if we read it. */
export function crmFieldOf(label: string): CrmField | undefined {
  return fieldForLabel(label) ?? (OWNER_LABELS.has(label.toLowerCase().trim()) ? 'owner' : undefined);
}

export const isKnownCrmLabel = (label: string) => crmFieldOf(label) !== undefined;

/**
 * The day/month order a page declares by its own locale (`<html lang="en-US">`, "de", "fr-FR"),
 * as the CRM formats its dates in it (issue 31: a date order comes from evidence). A bare "en"
 * (American and British alike) or no language declares none.
 */
export function pageDateOrder(doc: Document): DateOrder | undefined {
  const lang = doc.documentElement.lang.trim();
  if (!lang || /^en$/i.test(lang)) return undefined;
  try {
    const parts = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(2026, 10, 22));
    const day = parts.findIndex((p) => p.type === 'day');
    const month = parts.findIndex((p) => p.type === 'month');
    return day < month ? 'dmy' : 'mdy';
  } catch {
    return undefined;
  }
}

/**
 * The contact and the page facts a record's label/value pairs name, as the page writes them: the
 * values are read (dates, numbers, percentages) in the background by `settlePage`, so the script
 * injected into CRM pages carries no cell parser (issue 35: its size budget).
 */
export function crmRecordFields(fields: Map<string, string>): { contact: NonNullable<PageContext['contact']>; values: ShownValues } {
  const contact: NonNullable<PageContext['contact']> = {};
  const values: ShownValues = {};
  let first = '';
  let last = '';
  for (const [label, raw] of fields) {
    const field = crmFieldOf(label);
    if (field === 'email') contact.email ??= addressIn(raw)?.toLowerCase();
    else if (field === 'name') contact.name ??= raw;
    else if (field === 'firstName') first ||= raw;
    else if (field === 'lastName') last ||= raw;
    else if (field === 'company') contact.company ??= raw;
    else if (field && isFactKey(field) && FACT_BY_KEY[field].page) values[field as PageFactKey] ??= raw;
  }
  if (!contact.name && (first || last)) contact.name = `${first} ${last}`.trim();
  return { contact, values };
}
