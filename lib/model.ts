/**
 * The account manager's world, as stored and exchanged: contacts with facts that know where
 * they came from, asks and their history, templates, the user's own profile.
 * Every record that crosses a boundary (message, import, backup) is parsed with these schemas.
 */
import { z } from 'zod';

// Extension pages forbid eval: tell zod not to probe for it (its JIT would only fall back anyway).
z.config({ jitless: true });

/** A calendar date as the user means it ("customer since 2026-05-14"), never a timestamp. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** An instant: ISO 8601 with time and zone, as produced by `Date#toISOString`. */
export const IsoInstant = z.string().datetime({ offset: true });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.string().email('not an email address'));

/** A page the extension may open ("Open thread", "Open record"): https only, never data: or file: (issue 21). */
export const HttpsUrl = z
  .string()
  .max(4_000)
  .url()
  .refine((u) => /^https:\/\//i.test(u), 'only https pages can be opened');

/** Where a fact was seen: on a host page, in an import, typed by the user. */
export const FactSource = z.object({
  kind: z.enum(['page', 'crm', 'import', 'manual']),
  /** Human words for the source: "HubSpot", "contacts-2026-11.csv", "Gmail thread". */
  label: z.string().max(200).optional(),
  /** When the fact was observed (page visit, import time, edit time). */
  observedAt: IsoInstant,
});
export type FactSource = z.infer<typeof FactSource>;

import { TEXT_LIMITS } from './limits';

export { TEXT_LIMITS };

const fact = <T extends z.ZodTypeAny>(value: T) => z.object({ value, source: FactSource });

export const ContactFacts = z.object({
  customerSince: fact(IsoDate).optional(),
  /** Latest NPS answer, 0-10, with the day it was given when known. */
  nps: fact(z.object({ score: z.number().int().min(0).max(10), answeredOn: IsoDate.optional() })).optional(),
  /** CSAT as a percentage 0-100 (a 1-5 answer is stored as its percentage). */
  csat: fact(z.number().min(0).max(100)).optional(),
  openTickets: fact(z.number().int().min(0).max(10_000)).optional(),
  /** Spend over the last 90 days, in the account's currency. */
  spend90d: fact(z.number().min(0)).optional(),
  /** Lifetime spend ("Total Spend" in exports): shown, never taken for a 90-day figure. */
  spendTotal: fact(z.number().min(0)).optional(),
  /** IANA time zone, e.g. "Europe/Paris". */
  timeZone: fact(z.string().min(1).max(TEXT_LIMITS.timeZone)).optional(),
  segment: fact(z.string().trim().min(1).max(TEXT_LIMITS.segment)).optional(),
  /** What the client achieved with us, for the ask ("cut onboarding time by 40%"). */
  results: fact(z.string().trim().min(1).max(TEXT_LIMITS.results)).optional(),
  product: fact(z.string().trim().min(1).max(TEXT_LIMITS.product)).optional(),
  lifecycleStage: fact(z.string().trim().min(1).max(TEXT_LIMITS.lifecycleStage)).optional(),
});
export type ContactFacts = z.infer<typeof ContactFacts>;
export type FactKey = keyof ContactFacts;
export type FactValue<K extends FactKey> = NonNullable<ContactFacts[K]>['value'];

export const Contact = z.object({
  email: Email,
  name: z.string().max(TEXT_LIMITS.name).default(''),
  company: z.string().max(TEXT_LIMITS.company).default(''),
  facts: ContactFacts.default({}),
  neverAsk: z.boolean().default(false),
  /** No advice to ask before this day. */
  snoozedUntil: IsoDate.optional(),
  /** Last time we saw this person in a webmail thread or CRM record. */
  lastSeenAt: IsoInstant.optional(),
  /**
   * The latest messages of the last thread seen with them (their text; ours as dates only), so the
   * queue, the popup and the badge judge them on the same signals as the sidebar (issue 17).
   */
  recentMessages: z
    .array(z.object({ mine: z.boolean(), date: IsoInstant.optional(), text: z.string().max(2_000) }))
    .max(12)
    .optional(),
  /** Their record in the CRM, where we last saw it (for "open record"). */
  recordUrl: HttpsUrl.optional(),
  updatedAt: IsoInstant,
});
export type Contact = z.infer<typeof Contact>;

import { ASK_STATUSES } from './ask-status';

export { ASK_STATUSES };
export const AskStatus = z.enum(ASK_STATUSES);
export type AskStatus = z.infer<typeof AskStatus>;

export const Ask = z.object({
  id: z.string().min(1),
  email: Email,
  templateId: z.string(),
  status: AskStatus,
  askedAt: IsoInstant,
  /** Where the ask was written: the webmail thread or CRM record. */
  threadUrl: HttpsUrl.optional(),
  threadId: z.string().optional(),
  history: z.array(z.object({ status: AskStatus, at: IsoInstant, note: z.string().optional() })),
  referral: z.object({ name: z.string(), email: z.string() }).partial().optional(),
  followUpAt: IsoInstant.optional(),
  /** The user dismissed the follow-up reminder. */
  followUpDismissed: z.boolean().optional(),
  /** When a follow-up was drafted for this ask. */
  followedUpAt: IsoInstant.optional(),
  /** Discarded (undone in the editor, or by the user in the popup): not open, not counted as asked. */
  discardedAt: IsoInstant.optional(),
  /** A line of the inserted text, to recognise the sent message in the thread. */
  snippet: z.string().max(200).optional(),
  /** The contact's segment when asked, for KPIs per segment. */
  segment: z.string().max(60).optional(),
});
export type Ask = z.infer<typeof Ask>;
