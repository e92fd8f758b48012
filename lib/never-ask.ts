import { z } from 'zod';

/** People and whole domains the user never wants to ask for referrals (a competitor, a partner...). */
export const NeverAskList = z.object({
  emails: z.array(z.string().trim().toLowerCase().email()).max(10_000).default([]),
  domains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((d) => d.replace(/^@/, ''))
        .pipe(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'not a domain')),
    )
    .max(10_000)
    .default([]),
});
export type NeverAskList = z.infer<typeof NeverAskList>;
export const EMPTY_NEVER_ASK: NeverAskList = { emails: [], domains: [] };

/** Each list's lookup, built once: the queue asks for every contact (a list may hold 10,000 entries). */
const lookups = new WeakMap<NeverAskList, (email: string) => boolean>();

export function isNeverAsk(contact: { email: string; neverAsk: boolean }, list: NeverAskList): boolean {
  if (contact.neverAsk) return true;
  let listed = lookups.get(list);
  if (!listed) {
    listed = lookupOf(list);
    lookups.set(list, listed);
  }
  return listed(contact.email);
}

/** An email on the list, or at a listed domain or any of its subdomains ("acme.com" covers "eu.acme.com"). */
function lookupOf(list: NeverAskList): (email: string) => boolean {
  if (!list.emails.length && !list.domains.length) return () => false;
  const emails = new Set(list.emails);
  const domains = new Set(list.domains);
  return (address) => {
    const email = address.toLowerCase();
    if (emails.has(email)) return true;
    for (let domain = email.slice(email.lastIndexOf('@') + 1); domain;) {
      if (domains.has(domain)) return true;
      const dot = domain.indexOf('.');
      domain = dot < 0 ? '' : domain.slice(dot + 1);
    }
    return false;
  };
}
