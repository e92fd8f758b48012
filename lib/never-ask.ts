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

export function isNeverAsk(contact: { email: string; neverAsk: boolean }, list: NeverAskList): boolean {
  if (contact.neverAsk) return true;
  const email = contact.email.toLowerCase();
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return list.emails.includes(email) || list.domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
