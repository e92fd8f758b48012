/**
 * The account manager's world, as stored and exchanged: contacts with facts that know where
 * they came from, asks and their history, templates, the user's own profile.
 * Every record that crosses a boundary (message, import, backup) is parsed with these schemas.
 */
import { z } from 'zod';
import { NUMBER_LIMITS, TEXT_LIMITS } from './limits';
import { DAY_SPAN, isPlausibleDay, toDay } from './day';
import { isValidTimeZone } from './time-zone';
import { FACTS, type FactKey, type FactKind, type FactKindOf, type FactSpec } from './facts';
import { VERDICT_KINDS } from './engine/verdicts';
import { ASK_STATUSES } from './ask-status';

// Extension pages forbid eval: tell zod not to probe for it (its JIT would only fall back anyway).
z.config({ jitless: true });

// Each schema is built the first time something is checked with it (`z.lazy`, `once`): built as
// the module loaded, they were ~9 ms of every service worker start (issue 35), and a wake that
// answers the popup checks none of them.

/** A calendar date as the user means it ("customer since 2026-05-14"), never a timestamp. */
export const IsoDate = z.lazy(() =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (write it as 2026-05-14)')
    .refine(isPlausibleDay, `is not a real day between ${DAY_SPAN.from} and ${DAY_SPAN.to}`),
);
/** An instant: ISO 8601 with time and zone, as produced by `Date#toISOString`. */
export const IsoInstant = z.lazy(() => z.string().datetime({ offset: true }));

export const Email = z.lazy(() => z.string().trim().toLowerCase().pipe(z.string().email('not an email address')));

/** A page the extension may open ("Open thread", "Open record"): https only, never data: or file: (issue 21). */
export const HttpsUrl = z.lazy(() =>
  z
    .string()
    .max(4_000)
    .url()
    .refine((u) => /^https:\/\//i.test(u), 'only https pages can be opened'),
);

/** Where a fact was seen: on a host page, in an import, typed by the user. */
export const FactSource = z.lazy(() =>
  z.object({
    kind: z.enum(['page', 'crm', 'import', 'manual']),
    /** Human words for the source: "HubSpot", "contacts-2026-11.csv", "Gmail thread". */
    label: z.string().max(200).optional(),
    /** When the fact was observed (page visit, import time, edit time). */
    observedAt: IsoInstant,
  }),
);
export type FactSource = z.infer<typeof FactSource>;

export { TEXT_LIMITS };

const fact = <T extends z.ZodTypeAny>(value: T) => z.object({ value, source: FactSource });

/** A value built the first time it is asked for, then kept. */
const once = <T>(build: () => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

/** How each kind of fact is stored and checked (the table of facts is `facts.ts`). */
const stored = once(
  () =>
    ({
      date: IsoDate,
      /** The latest answer, with the day it was given when known. */
      nps: z.object({ score: z.number().int().min(0).max(10), answeredOn: IsoDate.optional() }),
      /** A CSAT of 1-5 is stored as its percentage. */
      percent: z.number().min(0).max(100),
      count: z.number().int().min(0).max(NUMBER_LIMITS.count),
      amount: z.number().min(0).max(NUMBER_LIMITS.amount),
      zone: z.string().min(1).max(TEXT_LIMITS.timeZone),
      text: z.string().trim().min(1),
    }) satisfies Record<FactKind, z.ZodTypeAny>,
);
type Stored = ReturnType<typeof stored>;

type FactsShape = { [K in FactKey]: z.ZodOptional<z.ZodObject<{ value: Stored[FactKindOf<K>]; source: typeof FactSource }>> };

/** Every fact of the table, each with its value and where it was seen. */
export const ContactFacts = z.lazy(() => {
  const kinds = stored();
  return z.object(
    Object.fromEntries(FACTS.map((f: FactSpec) => [f.key, fact(f.kind === 'text' ? kinds.text.max(f.max ?? 200) : kinds[f.kind]).optional()])) as FactsShape,
  );
});
export type ContactFacts = z.infer<typeof ContactFacts>;
export type { FactKey };

/** A fact's value as a page, an import or an input gives it (an NPS is its score alone), checked by kind. */
const plain = once(() => {
  const kinds = stored();
  return {
    ...kinds,
    nps: kinds.nps.shape.score,
    // A fact a page shows or the user types happened by now (a day's grace for time zones).
    date: kinds.date.refine((d) => d <= toDay(new Date(Date.now() + 86_400_000)), 'is in the future'),
    // What a page or a user gives must be a zone the engine can use (stored ones were checked when written).
    zone: kinds.zone.refine(isValidTimeZone, 'not a time zone (use e.g. Europe/Paris)'),
  } satisfies Record<FactKind, z.ZodTypeAny>;
});
const plainFact = (f: FactSpec) => (f.kind === 'text' ? plain().text.max(f.max ?? 200) : plain()[f.kind]);
type Plain = ReturnType<typeof plain>;

/** What the user types in the sidebar for a contact: any fact of the table; `null` clears one. */
export const ManualEdit = z.lazy(() =>
  z.object({
    ...(Object.fromEntries(FACTS.map((f: FactSpec) => [f.key, plainFact(f).nullable().optional()])) as {
      [K in FactKey]: z.ZodOptional<z.ZodNullable<Plain[FactKindOf<K>]>>;
    }),
    npsAnsweredOn: IsoDate.nullable().optional(),
    neverAsk: z.boolean().optional(),
    snoozedUntil: IsoDate.nullable().optional(),
    name: z.string().max(TEXT_LIMITS.name).optional(),
    company: z.string().max(TEXT_LIMITS.company).optional(),
  }),
);
export type ManualEdit = z.infer<typeof ManualEdit>;
export type FactValue<K extends FactKey> = NonNullable<ContactFacts[K]>['value'];

/** One change of verdict: which, when, and the change that caused it, in words. */
export const VerdictLogEntry = z.lazy(() =>
  z.object({
    kind: z.enum(VERDICT_KINDS),
    headline: z.string().max(200),
    at: IsoInstant,
    because: z.string().max(300),
  }),
);
export type VerdictLogEntry = z.infer<typeof VerdictLogEntry>;

export const Contact = z.lazy(() =>
  z.object({
    email: Email,
    name: z.string().max(TEXT_LIMITS.name).default(''),
    company: z.string().max(TEXT_LIMITS.company).default(''),
    /**
     * The contact's other addresses (a Pipedrive export's Home and Other columns, HubSpot's
     * additional addresses): a page showing one of them offers this contact (issue 31).
     */
    otherEmails: z.array(Email).max(10).optional(),
    /** The company is only a guess from the email's domain (no page or file named one): shown as such, replaced by the first real one. */
    companyGuessed: z.boolean().optional(),
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
      .array(
        z.object({
          mine: z.boolean(),
          date: IsoInstant.optional(),
          text: z.string().max(2_000),
          /** The text's tone when it was stored (`engine/tone.ts` storedTone), so the queue need not score it again. */
          tone: z
            .object({
              v: z.number().int(),
              comparative: z.number().min(-1).max(1),
              positiveMoment: z.string().max(100).optional(),
              complaint: z.string().max(100).optional(),
              language: z.enum(['de', 'fr', 'es']).optional(),
            })
            .optional(),
        }),
      )
      .max(12)
      .optional(),
    /** The verdicts the user was shown, newest last, each with what changed it (`engine/verdict-log.ts`). */
    verdictLog: z.array(VerdictLogEntry).max(8).optional(),
    /** Their record in the CRM, where we last saw it (for "open record"). */
    recordUrl: HttpsUrl.optional(),
    updatedAt: IsoInstant,
  }),
);
export type Contact = z.infer<typeof Contact>;

export { ASK_STATUSES };
export const AskStatus = z.enum(ASK_STATUSES);
export type AskStatus = z.infer<typeof AskStatus>;

/** Who a client introduced: a name, an address, or both; an address is a real one (issue 31). */
export const Referral = z.lazy(() =>
  z.object({ name: z.string().trim().max(300), email: z.union([z.literal(''), z.string().trim().toLowerCase().max(320).pipe(Email)]) }).partial(),
);

export const Ask = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    email: Email,
    templateId: z.string(),
    status: AskStatus,
    askedAt: IsoInstant,
    /** Where the ask was written: the webmail thread or CRM record. */
    threadUrl: HttpsUrl.optional(),
    threadId: z.string().optional(),
    history: z.array(z.object({ status: AskStatus, at: IsoInstant, note: z.string().optional() })),
    referral: Referral.optional(),
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
    /** Asked with a double opt-in template: the peer agrees (`peerAgreedAt`) before the intro with the user's details goes. */
    doubleOptIn: z.boolean().optional(),
    peerAgreedAt: IsoInstant.optional(),
    /** Closing the loop (issue 19): the client thanked for the intro, then told how it went. */
    thankedAt: IsoInstant.optional(),
    loopClosedAt: IsoInstant.optional(),
    /** Two-sided rewards, owed once the referral converts: what each side gets, and when it was given. */
    rewards: z
      .object({
        client: z.object({ what: z.string().max(300), givenAt: IsoInstant.optional() }).optional(),
        friend: z.object({ what: z.string().max(300), givenAt: IsoInstant.optional() }).optional(),
      })
      .optional(),
  }),
);
export type Ask = z.infer<typeof Ask>;
