/**
 * The numbers that say whether the referral program works, over a period (by the day an ask was
 * made). Every rate is over asks that were sent; a status reached counts even if the ask moved on
 * (an ask now "converted" was also accepted and introduced).
 */
import type { Ask, AskStatus } from '../model';

export interface Kpis {
  asks: number;
  sent: number;
  replied: number;
  accepted: number;
  introduced: number;
  converted: number;
  declined: number;
  /** Shares of sent asks, 0-1; null when nothing was sent. */
  replyRate: number | null;
  okRate: number | null;
  conversionRate: number | null;
  /** Median hours from sending to the first reply; null without replies. */
  medianHoursToReply: number | null;
  /** Median days from the ask to the intro, and from the intro to the referral becoming a customer. */
  medianDaysAskToIntro: number | null;
  medianDaysIntroToCustomer: number | null;
  /** Rewards of converted referrals, each side counted: owed (not given yet) and given. */
  rewardsOwed: number;
  rewardsGiven: number;
}

const REACHES: Record<AskStatus, AskStatus[]> = {
  drafted: ['drafted'],
  sent: ['drafted', 'sent'],
  'no-response': ['drafted', 'sent', 'no-response'],
  declined: ['drafted', 'sent', 'declined'],
  accepted: ['drafted', 'sent', 'accepted'],
  introduced: ['drafted', 'sent', 'accepted', 'introduced'],
  converted: ['drafted', 'sent', 'accepted', 'introduced', 'converted'],
};

/** Every status this ask has been through, implied ones included (converted implies sent). */
export function reached(ask: Pick<Ask, 'status' | 'history'>): Set<AskStatus> {
  const all = new Set<AskStatus>();
  for (const s of [ask.status, ...ask.history.map((h) => h.status)]) for (const r of REACHES[s]) all.add(r);
  return all;
}

const REPLY: AskStatus[] = ['accepted', 'introduced', 'converted', 'declined'];

export function hoursToReply(ask: Pick<Ask, 'askedAt' | 'history'>): number | undefined {
  const sentAt = ask.history.find((h) => h.status === 'sent')?.at ?? ask.askedAt;
  const reply = ask.history.find((h) => REPLY.includes(h.status));
  if (!reply) return undefined;
  return Math.max(0, (new Date(reply.at).getTime() - new Date(sentAt).getTime()) / 3_600_000);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function inPeriod(asks: Ask[], from?: string, to?: string): Ask[] {
  return asks.filter((a) => (!from || a.askedAt >= from) && (!to || a.askedAt <= to));
}

export function kpis(asks: Ask[]): Kpis {
  const count = (s: AskStatus) => asks.filter((a) => reached(a).has(s)).length;
  const sent = count('sent');
  const replied = asks.filter((a) => REPLY.some((s) => reached(a).has(s))).length;
  const accepted = count('accepted');
  const converted = count('converted');
  const rate = (n: number) => (sent ? n / sent : null);
  return {
    asks: asks.length,
    sent,
    replied,
    accepted,
    introduced: count('introduced'),
    converted,
    declined: count('declined'),
    replyRate: rate(replied),
    okRate: rate(accepted),
    conversionRate: rate(converted),
    medianHoursToReply: median(asks.flatMap((a) => hoursToReply(a) ?? [])),
    medianDaysAskToIntro: median(asks.flatMap((a) => daysBetween(a.askedAt, reachedAt(a, 'introduced')) ?? [])),
    medianDaysIntroToCustomer: median(asks.flatMap((a) => daysBetween(reachedAt(a, 'introduced'), reachedAt(a, 'converted')) ?? [])),
    rewardsOwed: asks.reduce((n, a) => n + (['client', 'friend'] as const).filter((s) => a.rewards?.[s] && !a.rewards[s]!.givenAt).length, 0),
    rewardsGiven: asks.reduce((n, a) => n + (['client', 'friend'] as const).filter((s) => a.rewards?.[s]?.givenAt).length, 0),
  };
}

const reachedAt = (ask: Pick<Ask, 'history'>, status: AskStatus) => ask.history.find((h) => h.status === status)?.at;
function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  return Math.max(0, (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000);
}

/** The numbers month by month (by the month an ask was made, in the user's calendar), oldest first. */
export function kpisByMonth(asks: Ask[]): Array<{ key: string; kpis: Kpis }> {
  const months = new Map<string, Ask[]>();
  for (const a of asks) {
    const d = new Date(a.askedAt);
    const key = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    months.set(key, [...(months.get(key) ?? []), a]);
  }
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => ({ key, kpis: kpis(list) }));
}

/** KPIs per group (segment, template), largest group first. */
export function kpisBy(asks: Ask[], key: (ask: Ask) => string): Array<{ key: string; kpis: Kpis }> {
  // "Enterprise" and "enterprise" are one group, shown as first seen.
  const groups = new Map<string, { label: string; asks: Ask[] }>();
  for (const a of asks) {
    const label = key(a).trim();
    const group = groups.get(label.toLowerCase()) ?? { label, asks: [] };
    group.asks.push(a);
    groups.set(label.toLowerCase(), group);
  }
  return [...groups.values()].map((g) => ({ key: g.label, kpis: kpis(g.asks) })).sort((a, b) => b.kpis.asks - a.kpis.asks || a.key.localeCompare(b.key));
}

/** The numbers for a period: overall, per segment, per template. */
export interface KpiReport {
  overall: Kpis;
  byMonth: Array<{ key: string; kpis: Kpis }>;
  bySegment: Array<{ key: string; kpis: Kpis }>;
  byTemplate: Array<{ key: string; kpis: Kpis }>;
}
