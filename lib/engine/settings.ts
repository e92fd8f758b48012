/**
 * Every number the engine decides with. Tuned by the user in options, never in code.
 * Stored versioned: a future shape adds a version and a migration in `parseSettings`.
 */
import { z } from 'zod';

export const EngineSettings = z
  .object({
    /** The referral window, in calendar months after the customer start date. */
    windowOpensAfterMonths: z.number().int().min(0).max(36).default(3),
    windowClosesAfterMonths: z.number().int().min(1).max(60).default(6),
    /** Score at or above which a client counts as satisfied enough to ask. */
    satisfiedScore: z.number().min(0).max(100).default(70),
    /** No new ask within this many days of the last one. */
    askCooldownDays: z.number().int().min(1).max(365).default(90),
    /** Follow up once when there is no reply after this many business days. */
    followUpBusinessDays: z.number().int().min(1).max(30).default(5),
    /** "Snooze" on a follow-up reminder moves it this many business days later. */
    snoozeBusinessDays: z.number().int().min(1).max(30).default(2),
    /** Spend over 90 days above which a client is a priority for a hands-on ask. */
    highValueSpend90d: z.number().min(0).default(500),
    /** An NPS answer older than this counts for half. */
    npsFreshDays: z.number().int().min(1).default(180),
    /** Emails from the client considered for tone and positive moments. */
    toneLookbackDays: z.number().int().min(1).default(60),
    positiveMomentDays: z.number().int().min(1).default(14),
    /** CSAT (percent) under which the relationship needs fixing first. */
    csatLowBelow: z.number().min(0).max(100).default(60),
    /** The client's business hours, in their own time zone. */
    businessHours: z.object({ startHour: z.number().int().min(0).max(23), endHour: z.number().int().min(1).max(24) }).default({ startHour: 9, endHour: 17 }),
    /** ISO weekdays the client works: 1 = Monday ... 7 = Sunday. */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    /** The queue shows contacts whose window opens within this many days. */
    queueLookaheadDays: z.number().int().min(0).max(60).default(7),
    /** An intro with no conversion after this many days has stalled: tell the client how it went. */
    referralStallDays: z.number().int().min(1).max(365).default(30),
  })
  // One rule for every path (issue 31): a restore could store a window closing before it opened,
  // which the rules form then could never save again.
  .refine((s) => s.windowClosesAfterMonths > s.windowOpensAfterMonths, {
    message: 'must be after the month the window opens',
    path: ['windowClosesAfterMonths'],
  });
export type EngineSettings = z.infer<typeof EngineSettings>;

/** Each number as the options page labels it (and as error messages name it). */
export const SETTING_LABELS: Record<Exclude<keyof EngineSettings, 'businessHours' | 'workingDays'>, string> = {
  windowOpensAfterMonths: 'Referral window opens, months after the first purchase',
  windowClosesAfterMonths: 'Referral window closes, months after the first purchase',
  satisfiedScore: 'Satisfaction score needed to ask (0-100)',
  askCooldownDays: 'Days before asking the same client again',
  followUpBusinessDays: 'Business days without a reply before a follow-up is due',
  snoozeBusinessDays: 'Business days a snoozed follow-up reminder waits',
  highValueSpend90d: 'Spend over 90 days that makes a client high value',
  csatLowBelow: 'CSAT (%) below which to fix the relationship first',
  npsFreshDays: 'Days an NPS answer counts in full',
  toneLookbackDays: 'Days of their emails read for tone',
  positiveMomentDays: 'Days a positive moment stays "recent"',
  queueLookaheadDays: 'Queue: days ahead to show windows about to open',
  referralStallDays: 'Days after an intro before telling the client how it went',
};

/** The bounds the schema sets on a number, for the input that edits it (the same limits on screen as in the check). */
export function settingBounds(key: keyof typeof SETTING_LABELS): { min?: number; max?: number } {
  const field = EngineSettings.shape[key] as unknown as { unwrap?: () => { minValue?: number | null; maxValue?: number | null } };
  const inner = field.unwrap?.() ?? (field as { minValue?: number | null; maxValue?: number | null });
  return { min: inner.minValue ?? undefined, max: Number.isFinite(inner.maxValue) ? (inner.maxValue ?? undefined) : undefined };
}

export const DEFAULT_SETTINGS: EngineSettings = EngineSettings.parse({});

/** Reads stored settings; unknown or invalid fields fall back to their defaults. */
export function parseSettings(stored: unknown): EngineSettings {
  const result = EngineSettings.safeParse(stored ?? {});
  if (result.success) return result.data;
  const fallback: Record<string, unknown> = {};
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      const field = EngineSettings.shape[key as keyof EngineSettings];
      if (field && field.safeParse(value).success) fallback[key] = value;
    }
  }
  // A window that closes before it opens: both months fall back together.
  if (!EngineSettings.safeParse(fallback).success) {
    delete fallback.windowOpensAfterMonths;
    delete fallback.windowClosesAfterMonths;
  }
  return EngineSettings.parse(fallback);
}
