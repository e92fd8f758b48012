/**
 * How satisfied a client seems, 0-100, and why. The score is 50 plus the sum of the reasons'
 * contributions, clamped to 0..100, so every point on screen is explained by a reason.
 */
import { formatDistanceStrict } from 'date-fns';
import { calendarDays, dayNumber, dayNumberOf, formatDay, todayOf } from './calendar';
import type { ContactFacts } from '../model';
import { parseDay } from './relationship';
import type { EngineSettings } from './settings';
import { toneOf, type MessageTone, type ThreadMessage } from './tone';
import { LANGUAGE_NAMES, type OtherLanguage } from './languages';

export const BASE_SCORE = 50;

export type ReasonKind = 'nps' | 'csat' | 'tickets' | 'tone' | 'moment' | 'complaint' | 'recency' | 'latency' | 'spend';

export interface Reason {
  kind: ReasonKind;
  /** In the account manager's words: "NPS 10 (promoter), 3 weeks ago". */
  label: string;
  /** Signed points added to the score. */
  contribution: number;
  /** True when this reason alone means "fix the relationship first". */
  blocking?: boolean;
}

export interface Satisfaction {
  /** 0-100, or null when there is no evidence of satisfaction at all. */
  score: number | null;
  /** Where every score starts: the reasons add to it, then it is kept within 0-100 (shown whole, issue 33). */
  base: number;
  confidence: 'low' | 'medium' | 'high';
  reasons: Reason[];
  /** A positive moment in the last days: the best time to ask. */
  positiveMoment?: { label: string; date?: string };
  lastClientMessageAt?: string;
}

export interface SatisfactionInput {
  facts: ContactFacts;
  /** Messages the client wrote (not ours), any order. */
  clientMessages: ThreadMessage[];
  /** When we wrote to them (ISO instants), to measure how fast they answer. */
  ourMessageDates?: string[];
  now: Date;
  settings: EngineSettings;
}

export function npsPoints(score: number): number {
  if (score >= 10) return 35;
  if (score === 9) return 30;
  if (score === 8) return 10;
  if (score === 7) return 5;
  return -(20 + (6 - score) * 4);
}

export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * "3 days ago", "2 months ago": `days` is the calendar days from `date` to `now`; `date` is an
 * instant or a YYYY-MM-DD (read only when the words need more than the days).
 */
function agoDays(days: number, date: Date | string, now: Date): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (distances.now !== now.getTime() || distances.words.size > 5_000) distances = { now: now.getTime(), words: new Map() };
  const key = typeof date === 'string' ? date : date.getTime();
  let text = distances.words.get(key);
  if (text === undefined) {
    text = `${formatDistanceStrict(typeof date === 'string' ? parseDay(date) : date, now, { roundingMethod: 'floor' })} ago`;
    distances.words.set(key, text);
  }
  return text;
}
/** "3 months ago" for an answer day or instant, for one now: the queue meets the same few answer days thousands of times. */
let distances: { now: number; words: Map<string | number, string> } = { now: NaN, words: new Map() };

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const amounts = new Map<number, string>();
function money(n: number): string {
  let text = amounts.get(n);
  if (text === undefined) {
    if (amounts.size > 5_000) amounts.clear();
    text = dollars.format(n);
    amounts.set(n, text);
  }
  return text;
}

/** Median hours between each of our messages and their next reply; undefined without a pair. */
export function replyLatencyHours(ourDates: string[], theirDates: string[]): number | undefined {
  return latencyHours(
    ourDates.map((d) => Date.parse(d)),
    theirDates.map((d) => Date.parse(d)),
  );
}

/** As `replyLatencyHours`, the instants already read (ms). */
function latencyHours(ours: number[], theirDates: number[]): number | undefined {
  const theirs = [...theirDates].sort((a, b) => a - b);
  const gaps = ours
    .flatMap((sent) => {
      const reply = theirs.find((t) => t > sent);
      return reply === undefined ? [] : [(reply - sent) / 3_600_000];
    })
    .sort((a, b) => a - b);
  if (gaps.length === 0) return undefined;
  const mid = Math.floor(gaps.length / 2);
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1]! + gaps[mid]!) / 2;
}

export function satisfaction({ facts, clientMessages, ourMessageDates = [], now, settings }: SatisfactionInput): Satisfaction {
  const reasons: Reason[] = [];
  let evidence = 0;

  const nps = facts.nps?.value;
  if (nps) {
    // Typed in the sidebar: the latest answer, as of when it was typed. From an export or a CRM page
    // without its date: of unknown age, but never older than the relationship (issue 17), so it is
    // fresh only when the customer is younger than the freshness limit; else it counts as old.
    const source = facts.nps!.source;
    const today = todayOf(now).number;
    const start = facts.customerSince?.value;
    // Calendar days since it was answered, and since the oldest it can be.
    const answeredDays = nps.answeredOn
      ? today - dayNumber(nps.answeredOn)
      : source.kind === 'manual'
        ? calendarDays(now, new Date(source.observedAt))
        : undefined;
    const oldestDays = answeredDays ?? (start ? today - dayNumber(start) : undefined);
    const stale = oldestDays === undefined || oldestDays > settings.npsFreshDays;
    const full = npsPoints(nps.score);
    const category = npsCategory(nps.score);
    const age = answeredDays === undefined ? 'answer date unknown' : agoDays(answeredDays, nps.answeredOn ?? new Date(source.observedAt), now);
    reasons.push({
      kind: 'nps',
      label: `NPS ${nps.score} (${category}), ${age}${stale ? ', old answer counts half' : ''}`,
      contribution: stale ? Math.trunc(full / 2) : full,
      blocking: category === 'detractor',
    });
    evidence += stale ? 1 : 2;
  }

  const csat = facts.csat?.value;
  if (csat !== undefined) {
    const low = csat < settings.csatLowBelow;
    const points = low ? -20 : csat >= 90 ? 15 : csat >= 80 ? 10 : 0;
    reasons.push({ kind: 'csat', label: `CSAT ${Math.round(csat)}%${low ? ' (low)' : ''}`, contribution: points, blocking: low });
    evidence += 1;
  }

  const tickets = facts.openTickets?.value;
  if (tickets !== undefined) {
    reasons.push(
      tickets === 0
        ? { kind: 'tickets', label: 'No open support tickets', contribution: 5 }
        : {
            kind: 'tickets',
            label: `${tickets} open support ticket${tickets === 1 ? '' : 's'}`,
            contribution: -Math.min(25, 10 * tickets),
            blocking: true,
          },
    );
  }

  // Tone, recency and reply speed: from the client's own messages. Most contacts in a queue have
  // no thread stored: nothing of it is worked out (or allocated) for them.
  const fromThread = clientMessages.length ? threadReasons(clientMessages, ourMessageDates, now, settings) : undefined;
  if (fromThread) {
    reasons.push(...fromThread.reasons);
    evidence += fromThread.evidence;
  }

  const spend = facts.spend90d?.value;
  if (spend !== undefined && spend > 0) {
    reasons.push({ kind: 'spend', label: `Spent ${money(spend)} in the last 90 days`, contribution: 5 });
  }

  const sum = reasons.reduce((total, r) => total + r.contribution, 0);
  return {
    score: evidence > 0 ? clampScore(BASE_SCORE + sum) : null,
    base: BASE_SCORE,
    confidence: evidence >= 3 ? 'high' : evidence >= 1.5 ? 'medium' : 'low',
    reasons,
    positiveMoment: fromThread?.positiveMoment,
    lastClientMessageAt: fromThread?.lastClientMessage?.toISOString(),
  };
}

/** What the client's messages say: their tone (a complaint, a good moment), how recently they wrote, how fast they answer. */
function threadReasons(
  clientMessages: ThreadMessage[],
  ourMessageDates: string[],
  now: Date,
  settings: EngineSettings,
): { reasons: Reason[]; evidence: number; positiveMoment?: Satisfaction['positiveMoment']; lastClientMessage?: Date } {
  const reasons: Reason[] = [];
  let evidence = 0;
  const nowMs = now.getTime();
  const today = todayOf(now).number;
  // Each date read once: the messages within the look-back (undated ones count), the latest instant, the reply times.
  const recent: { tone: MessageTone; t?: number; at?: Date }[] = [];
  const theirs: number[] = [];
  let latest: number | undefined;
  for (const m of clientMessages) {
    const t = m.date ? Date.parse(m.date) : undefined;
    if (t === undefined) {
      recent.push({ tone: toneOf(m) });
      continue;
    }
    theirs.push(t);
    // Not yet (a clock ahead), or not a date at all: neither their tone now nor their latest word.
    if (!(t <= nowMs)) continue;
    if (latest === undefined || t > latest) latest = t;
    const at = new Date(t);
    if (today - dayNumberOf(at) <= settings.toneLookbackDays) recent.push({ tone: toneOf(m), t, at });
  }
  // Newest first (undated last).
  const tones = recent.sort((a, b) => (b.t ?? 0) - (a.t ?? 0));
  let positiveMoment: Satisfaction['positiveMoment'];
  if (tones.length > 0) {
    const avg = tones.reduce((sum, t) => sum + t.tone.comparative, 0) / tones.length;
    const points = Math.max(-25, Math.min(15, Math.round(avg * 60)));
    const mood = avg >= 0.05 ? 'sound warm' : avg <= -0.05 ? 'sound negative' : 'sound neutral';
    reasons.push({
      kind: 'tone',
      label: `Their recent emails ${mood} (${tones.length} message${tones.length === 1 ? '' : 's'}${readIn(tones)})`,
      contribution: points,
      blocking: tones.length >= 2 && avg <= -0.15,
    });
    evidence += tones.length >= 3 ? 1 : 0.5;

    const latestComplaint = tones.find((t) => t.tone.complaint);
    const latestMoment = tones.find((t) => t.tone.positiveMoment);
    const momentIsNewer = latestMoment && (!latestComplaint || (latestMoment.t ?? 0) > (latestComplaint.t ?? 0));
    if (latestComplaint && !momentIsNewer) {
      reasons.push({
        kind: 'complaint',
        label: `${capitalize(latestComplaint.tone.complaint!)}${latestComplaint.at ? ` on ${formatDay(latestComplaint.at, 'MMM d')}` : ''}`,
        contribution: -15,
        blocking: true,
      });
    }
    if (latestMoment && momentIsNewer && (!latestMoment.at || today - dayNumberOf(latestMoment.at) <= settings.positiveMomentDays)) {
      const when = latestMoment.at ? ` on ${formatDay(latestMoment.at, 'MMM d')}` : '';
      positiveMoment = { label: `${capitalize(latestMoment.tone.positiveMoment!)}${when}`, date: latestMoment.at?.toISOString() };
      reasons.push({ kind: 'moment', label: `${positiveMoment.label}: a good moment to ask`, contribution: 10 });
    }
  }

  const lastClientMessage = latest === undefined ? undefined : new Date(latest);
  if (lastClientMessage) {
    const days = today - dayNumberOf(lastClientMessage);
    if (days <= 30) reasons.push({ kind: 'recency', label: `Wrote to you ${agoDays(days, lastClientMessage, now)}`, contribution: 5 });
    else if (days > 90)
      reasons.push({ kind: 'recency', label: `No email from them for ${agoDays(days, lastClientMessage, now).replace(' ago', '')}`, contribution: -10 });
  }

  const latency = ourMessageDates.length
    ? latencyHours(
        ourMessageDates.map((d) => Date.parse(d)),
        theirs,
      )
    : undefined;
  if (latency !== undefined && latency <= 24) {
    reasons.push({ kind: 'latency', label: `Answers you within ${latency < 2 ? 'hours' : 'a day'}`, contribution: 5 });
  } else if (latency !== undefined && latency > 7 * 24) {
    reasons.push({ kind: 'latency', label: `Slow to answer you (about ${Math.round(latency / 24)} days)`, contribution: -5 });
  }

  return { reasons, evidence, positiveMoment, lastClientMessage };
}

export function clampScore(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

/** The languages the messages were read in, when not all English: ", read in German", ", 2 read in French, 1 in English". */
function readIn(tones: ReadonlyArray<{ tone: { language?: OtherLanguage } }>): string {
  if (!tones.some((t) => t.tone.language)) return '';
  const counts = new Map<string, number>();
  for (const { tone } of tones) counts.set(LANGUAGE_NAMES[tone.language ?? 'en'], (counts.get(LANGUAGE_NAMES[tone.language ?? 'en']) ?? 0) + 1);
  if (counts.size === 1) return `, read in ${[...counts.keys()][0]}`;
  return `, ${[...counts].map(([name, n], i) => `${n} ${i === 0 ? 'read ' : ''}in ${name}`).join(', ')}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
