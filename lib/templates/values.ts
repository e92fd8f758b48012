import type { Contact } from '../model';
import type { Values } from './render';
import type { Profile } from './schema';
import { asClient, offerFor, toClient } from './voice';

/** Text a spreadsheet would run as a formula (=, +, -, @ first): never a greeting. */
export const looksLikeFormula = (s: string) => /^[=+\-@\t\r]/.test(s.trim());

/** "Ada Lovelace" -> "Ada"; "lovelace, ada" -> "ada"; empty (or formula-like) stays empty (and is marked missing). */
export function firstName(name: string): string {
  const trimmed = name.trim();
  if (looksLikeFormula(trimmed)) return '';
  if (trimmed.includes(',')) return trimmed.split(',')[1]?.trim().split(/\s+/)[0] ?? '';
  return trimmed.split(/\s+/)[0] ?? '';
}

/**
 * What the note the client forwards says in the client's own voice, to the peer who reads it: the
 * client's result as they said it, and the peer's offer as theirs ("your first month free").
 */
export function noteValues(contact: Contact, profile: Pick<Profile, 'friendOffer'>): Values {
  return { results: asClient(contact.facts.results?.value ?? ''), friendOffer: offerFor(profile.friendOffer, 'you') };
}

/** Everything a template can say about this contact and about you. */
export function templateValues(contact: Contact, profile: Profile): Values {
  return {
    firstName: firstName(contact.name),
    company: contact.company,
    product: contact.facts.product?.value ?? profile.product,
    // Kept as the client said it; the ask says it to them (`voice.ts`), their note as they would.
    results: toClient(contact.facts.results?.value ?? ''),
    myName: profile.name,
    myTitle: profile.title,
    myCompany: profile.company,
    myEmail: profile.email,
    myPhone: profile.phone,
    myLinks: profile.links,
    // The ask speaks to the client: their reward is "yours", the friend's is "theirs".
    incentive: offerFor(profile.incentive, 'you'),
    friendOffer: offerFor(profile.friendOffer, 'them'),
    // Known when thanking for an intro (the ask's referral); empty elsewhere.
    referralName: '',
    referralOutcome: '',
  };
}
