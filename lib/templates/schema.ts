import { z } from 'zod';

/** The variables a template may use, with the words the editor shows for each. */
export const VARIABLES = {
  firstName: "the client's first name",
  company: "the client's company",
  product: 'the product or service they use',
  results: 'the results they got (from their "results" fact)',
  myName: 'your name',
  myTitle: 'your title',
  myCompany: 'your company',
  myEmail: 'your email',
  myPhone: 'your phone',
  myLinks: 'your bio/profile links',
  incentive: 'what your client gets for an intro',
  friendOffer: 'what the friend they introduce gets',
  referralName: 'the person they introduced',
  referralOutcome: 'how the intro went ("they are now a customer")',
} as const;
export type VariableName = keyof typeof VARIABLES;

/** ask, follow-up, re-activation: asking; thanks and update: closing the loop with the client after an intro (issue 19). */
export const TemplateKind = z.enum(['ask', 'follow-up', 'reactivation', 'thanks', 'update']);
export type TemplateKind = z.infer<typeof TemplateKind>;

export const Template = z.object({
  id: z.string().min(1).max(80),
  name: z.string().trim().min(1, 'give the template a name').max(120),
  kind: TemplateKind,
  /** The contact segment it is for ("B2B", "B2C", "Enterprise"...); empty = any segment. */
  segment: z.string().trim().max(60).default(''),
  incentive: z.boolean().default(false),
  /**
   * Double opt-in (issue 19): the note the client forwards only asks their peer "may I connect
   * you?", with no contact details; once the peer agrees, the intro with your details follows.
   */
  doubleOptIn: z.boolean().default(false),
  subject: z.string().max(300).default(''),
  /** Part 1: the ask to the client. */
  ask: z.string().trim().min(1, 'the ask to the client is empty').max(10_000),
  /** The one line that introduces the forwardable part. */
  leadIn: z.string().max(500).default('Here is a short note you can forward as is:'),
  /** Part 2: the intro the client forwards to a peer. Empty for a follow-up. */
  intro: z.string().max(10_000).default(''),
  builtIn: z.boolean().default(false),
});
export type Template = z.infer<typeof Template>;

export const Profile = z.object({
  name: z.string().max(200).default(''),
  title: z.string().max(200).default(''),
  company: z.string().max(200).default(''),
  email: z.string().max(320).default(''),
  /** The user's other addresses (aliases, a second account): never taken for a client (issue 30). */
  aliases: z.array(z.string().max(320)).max(20).default([]),
  /** The user's organisation's mail domains: people there are colleagues, never taken for a client silently. */
  orgDomains: z.array(z.string().max(253)).max(20).default([]),
  phone: z.string().max(60).default(''),
  /** Bio and profile links (http, https or mailto). */
  links: z.array(z.string().max(500)).max(10).default([]),
  /** What the client uses, when the contact has no "product" fact. */
  product: z.string().max(200).default(''),
  /** What the client gets for an intro ("a $100 credit"): the advocate's side of a two-sided incentive. */
  incentive: z.string().max(300).default(''),
  /** What the friend they introduce gets ("their first month free"): told in the intro they forward. */
  friendOffer: z.string().max(300).default(''),
  /** Intros ask the peer first (double opt-in): the client checks with them before sharing your details. */
  peerFirst: z.boolean().default(false),
  /** Every ask in the window names the incentive (issue 33), not only the re-activation past it. */
  incentiveInAsk: z.boolean().default(false),
});
export type Profile = z.infer<typeof Profile>;

/** Each profile field as the options page labels it, with an example (and as error messages name it). */
export const PROFILE_LABELS: Record<keyof Profile, [label: string, example: string]> = {
  name: ['Your name', 'Alex Moreau'],
  title: ['Your title', 'Account Manager'],
  company: ['Your company', 'Northwind'],
  email: ['Your email', 'alex@northwind.example'],
  aliases: ['Your other addresses, one per line (never taken for a client)', 'alex.moreau@northwind.example'],
  orgDomains: ["Your organisation's mail domains, each on its own line: colleagues there are never taken for a client", 'northwind.example'],
  phone: ['Your phone', '+1 555 0100'],
  links: ['Bio and profile links, one per line (https:// or mailto:)', ''],
  product: ['What clients use (when a contact has no "product" fact)', 'Northwind Routing'],
  incentive: ['What your client gets for an intro', 'a $100 credit'],
  friendOffer: ['What the friend they introduce gets', 'their first month free'],
  peerFirst: ['Intros ask the peer first (double opt-in): your details only once they agree', ''],
  incentiveInAsk: ['Name the incentive in every ask (needs what your client gets)', ''],
};

/** How to write a profile field, where its words are turned for whoever reads them (issue 33). */
export const PROFILE_HINTS: Partial<Record<keyof typeof PROFILE_LABELS, string>> = {
  incentive: 'As your client reads it in your ask ("you will get a $100 credit"). Written "their …", it is turned to "your …" for them.',
  friendOffer:
    'e.g. "their first month free": your ask tells your client "they will get their first month free", and the note the friend reads says "your first month free".',
};

/** Each template field as the editor labels it. */
export const TEMPLATE_LABELS: Record<string, string> = {
  name: 'Name',
  kind: 'Used for',
  segment: 'Segment (empty: any)',
  subject: "Subject (set only when the draft's subject is empty)",
  ask: 'Part 1: the ask to your client',
  leadIn: 'Lead-in line',
  intro: 'Part 2: the note they forward',
  doubleOptIn: 'Double opt-in: the note asks the peer first, without your details',
};
export const EMPTY_PROFILE: Profile = Profile.parse({});
