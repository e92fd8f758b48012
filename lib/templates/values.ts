import type { Contact } from '../model';
import type { Values } from './render';
import type { Profile } from './schema';

/** Text a spreadsheet would run as a formula (=, +, -, @ first): never a greeting. */
export const looksLikeFormula = (s: string) => /^[=+\-@\t\r]/.test(s.trim());

/** "Ada Lovelace" -> "Ada"; "lovelace, ada" -> "ada"; empty (or formula-like) stays empty (and is marked missing). */
export function firstName(name: string): string {
  const trimmed = name.trim();
  if (looksLikeFormula(trimmed)) return '';
  if (trimmed.includes(',')) return trimmed.split(',')[1]?.trim().split(/\s+/)[0] ?? '';
  return trimmed.split(/\s+/)[0] ?? '';
}

/** Everything a template can say about this contact and about you. */
export function templateValues(contact: Contact, profile: Profile): Values {
  return {
    firstName: firstName(contact.name),
    company: contact.company,
    product: contact.facts.product?.value ?? profile.product,
    results: contact.facts.results?.value ?? '',
    myName: profile.name,
    myTitle: profile.title,
    myCompany: profile.company,
    myEmail: profile.email,
    myPhone: profile.phone,
    myLinks: profile.links,
    incentive: profile.incentive,
    friendOffer: profile.friendOffer,
    // Known when thanking for an intro (the ask's referral); empty elsewhere.
    referralName: '',
    referralOutcome: '',
  };
}
