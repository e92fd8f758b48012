/**
 * Recognises the columns of CRM and audience exports (HubSpot, Salesforce, Pipedrive, generic),
 * case-insensitively, ignoring spaces, underscores and punctuation. The facts' names come from
 * the table of facts; the contact's own fields are here.
 */
import { FACTS, type FactKey } from '../facts';

const CONTACT_FIELDS = {
  email: { label: 'Email', aliases: ['email', 'email address', 'e-mail', 'primary email', 'work email', 'person - email', 'email - work'] },
  firstName: { label: 'First name', aliases: ['first name', 'firstname', 'given name'] },
  lastName: { label: 'Last name', aliases: ['last name', 'lastname', 'surname', 'family name'] },
  name: { label: 'Full name', aliases: ['name', 'full name', 'contact name', 'person - name', 'person name'] },
  otherEmails: {
    label: 'Other email addresses',
    aliases: ['other email addresses', 'other emails', 'additional email addresses', 'secondary email', 'other email'],
  },
  company: {
    label: 'Company',
    aliases: ['company', 'company name', 'associated company', 'account name', 'organization', 'organisation', 'organization - name', 'account'],
  },
} as const;

export type ImportField = keyof typeof CONTACT_FIELDS | FactKey;
export type ColumnMapping = Array<ImportField | null>;

/** Every field an import can fill, with the words users read for it. */
// Pure: the CRM reader in host pages uses only the names, and this table is left out of its script.
export const IMPORT_FIELDS = /* @__PURE__ */ Object.fromEntries([
  ...Object.entries(CONTACT_FIELDS).map(([k, f]) => [k, f.label]),
  ...FACTS.map((f) => [f.key, f.label]),
]) as Record<ImportField, string>;

const ALIASES: Array<[ImportField, readonly string[]]> = [
  ...(Object.entries(CONTACT_FIELDS) as Array<[ImportField, { aliases: readonly string[] }]>).map(([k, f]): [ImportField, readonly string[]] => [k, f.aliases]),
  // The label users read is also the export's header: it reads back as its fact.
  ...FACTS.map((f): [ImportField, readonly string[]] => [f.key, [...f.aliases, f.label]]),
];

const normalise = (h: string) =>
  h
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/^\ufeff/, '')
    .trim();

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of ALIASES) {
  for (const n of names) if (!LOOKUP.has(normalise(n))) LOOKUP.set(normalise(n), field);
}

/** The field a header or a page label names, if any ("Became a Customer Date" -> customerSince). */
export function fieldForLabel(label: string): ImportField | undefined {
  return LOOKUP.get(normalise(label));
}

/**
 * An email column and how much it is the contact's own address: Pipedrive exports one column per
 * kind ("Person - Email - Work", "- Home", "- Other"); HubSpot an "Email" and "Additional email
 * addresses". The work address is the contact's (issue 31), whatever the columns' order.
 */
export function emailRank(header: string): number | undefined {
  const m = /^(?:person - )?(?:primary |work )?e-?mail(?: address)?(?: - (work|main|other|home))?$/.exec(normalise(header));
  if (!m) return undefined;
  return m[1] === 'home' ? 2 : m[1] === 'other' ? 1 : 0;
}

/** The field a header names: as written, else without the record prefix Pipedrive exports put on every column ("Person - NPS"). */
function fieldOfHeader(header: string): ImportField | undefined {
  const h = normalise(header);
  return LOOKUP.get(h) ?? LOOKUP.get(h.replace(/^(person|contact) - /, ''));
}

/**
 * One field per column (null: not imported); a field is taken by its first column only, except the
 * email, which is the best-ranked email column (work before other before home): the other email
 * columns, and every column of other addresses, are the contact's other addresses.
 */
export function recognizeHeaders(headers: string[]): ColumnMapping {
  const ranks = headers.map(emailRank);
  const best = Math.min(...ranks.map((r) => r ?? Infinity));
  const emailAt = ranks.findIndex((r) => r === best);
  const taken = new Set<ImportField>(emailAt >= 0 ? ['email'] : []);
  return headers.map((h, i) => {
    if (i === emailAt) return 'email';
    if (ranks[i] !== undefined) return 'otherEmails';
    const field = fieldOfHeader(h);
    if (field === 'otherEmails') return field;
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/**
 * What an export's columns are, as a key: the same export from the same CRM gives the same key,
 * so the columns the user mapped by hand are offered again next time (issue 31).
 */
export const shapeOf = (headers: readonly string[]): string => headers.map(normalise).join('|').slice(0, 2_000);
