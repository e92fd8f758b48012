/**
 * Recognises the columns of CRM and audience exports (HubSpot, Salesforce, Pipedrive, generic),
 * case-insensitively, ignoring spaces, underscores and punctuation.
 */
export const IMPORT_FIELDS = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  name: 'Full name',
  company: 'Company',
  customerSince: 'Customer since',
  nps: 'NPS',
  csat: 'CSAT',
  openTickets: 'Open tickets',
  spend90d: 'Spend, last 90 days',
  spendTotal: 'Total spend (lifetime)',
  timeZone: 'Time zone',
  segment: 'Segment',
  results: 'Results they got',
  product: 'Product',
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
export type ColumnMapping = Array<ImportField | null>;

const ALIASES: Record<ImportField, string[]> = {
  email: ['email', 'email address', 'e-mail', 'primary email', 'work email', 'person - email', 'email - work'],
  firstName: ['first name', 'firstname', 'given name'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
  name: ['name', 'full name', 'contact name', 'person - name', 'person name'],
  company: ['company', 'company name', 'associated company', 'account name', 'organization', 'organisation', 'organization - name', 'account'],
  customerSince: ['customer since', 'became a customer date', 'close date', 'first purchase date', 'won time', 'deal - won time', 'first order date'],
  nps: ['nps', 'nps score', 'net promoter score', 'latest nps'],
  csat: ['csat', 'csat score', 'customer satisfaction'],
  openTickets: ['open tickets', 'open support tickets', 'number of open tickets', 'tickets open'],
  spend90d: ['spend 90d', 'spend last 90 days', 'revenue 90d', 'spend (90d)', 'spend 90 days', 'last 90 days spend'],
  // A lifetime total is not a 90-day figure (issue 17): its own fact.
  spendTotal: ['total spend', 'lifetime spend', 'lifetime value', 'ltv', 'total revenue', 'spend', 'total amount'],
  timeZone: ['time zone', 'timezone', 'tz'],
  segment: ['segment', 'customer segment', 'tier', 'plan'],
  results: ['results', 'outcome', 'milestone'],
  product: ['product', 'product name', 'plan name'],
};

const normalise = (h: string) => h.toLowerCase().replace(/[_\s]+/g, ' ').replace(/^\ufeff/, '').trim();

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(ALIASES) as Array<[ImportField, string[]]>) {
  for (const n of names) LOOKUP.set(normalise(n), field);
}

/** The field a header or a page label names, if any ("Became a Customer Date" -> customerSince). */
export function fieldForLabel(label: string): ImportField | undefined {
  return LOOKUP.get(normalise(label));
}

/** One field per column (null: not imported); a field is taken by its first column only. */
export function recognizeHeaders(headers: string[]): ColumnMapping {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    const field = LOOKUP.get(normalise(h));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
