/**
 * The tone of what the client wrote: AFINN-165 lexicon scoring with negation ("not bad" is
 * positive) from the `sentiment` package, plus phrase detection for the two events an account
 * manager cares about: a positive moment (it worked, goal reached, problem solved, thanks) and a
 * complaint. German, French and Spanish are read too (lib/engine/languages.ts), and the message
 * keeps the language it was read in, for the sidebar to say.
 */
import { asSaid, toClient } from '../templates/voice';
import Sentiment from 'sentiment';
import { comparativeIn, complaintsIn, languageOf, momentsIn, speaksIn, type OtherLanguage } from './languages';

const analyzer = new Sentiment();

export interface ThreadMessage {
  /** Sender's address, lower case. */
  from: string;
  fromName?: string;
  /** ISO instant when known. */
  date?: string;
  text: string;
  /** Its tone as worked out when it was stored (`storedTone`): the queue reads it instead of scoring the text again. */
  tone?: StoredTone;
}

export interface MessageTone {
  date?: string;
  /** AFINN score per word, clamped to -1..1; warm business email is around +0.1 to +0.3. */
  comparative: number;
  positiveMoment?: string;
  complaint?: string;
  /** The language it was read in, when not English. */
  language?: OtherLanguage;
}

// "Positive moments" and complaints are events, not vocabulary: a lexicon scores "thanks" but
// cannot tell "it finally works" from "it works, mostly". These phrases are the events; each
// pattern is matched on one sentence so that a later "but" does not borrow an earlier win.
const POSITIVE_MOMENTS: ReadonlyArray<[RegExp, string]> = [
  [/\b(it|this|that|everything)\s+(now\s+|finally\s+)?(works|worked|is working)\b/i, 'said it worked'],
  [/\b(problem|issue|bug)\s+(is\s+|was\s+|has been\s+)?(solved|fixed|resolved|gone)\b/i, 'confirmed a problem was solved'],
  [/\b(hit|reached|met|beat|exceeded|smashed)\s+(our|the|their|my)\s+(\w+\s+)?(goal|target|quota|numbers|kpis?|milestone)\b/i, 'reached a goal'],
  [/\b(went live|launched|are live|is live|go-live)\b/i, 'went live'],
  [/\b(thank you|thanks|grateful|appreciate)\b/i, 'thanked you'],
  [/\b(love|loving|loves)\s+(it|the product|your|working with)\b/i, 'said they love it'],
  [/\b(saved us|saves us|saving us)\b/i, 'said it saved them time or money'],
];

/** An outcome with a measure: "we cut our close from five days to two", "doubled our bookings". */
const MEASURED_OUTCOME =
  /\b(cut|cutting|reduced|halved|doubled|tripled|increased|grew|boosted|improved|lowered|dropped|shortened|saved|sped up)\b[^.!?]{0,80}(\d|\b(half|twice|double|triple|one|two|three|four|five|six|seven|eight|nine|ten|hours?|days?|weeks?)\b)/i;

/** The moments that are a result the client got (not a thanks, not a feeling): what {{results}} is for. */
const RESULTS = [MEASURED_OUTCOME, ...POSITIVE_MOMENTS.filter(([, label]) => !/thanked|love/.test(label)).map(([pattern]) => pattern)];

/**
 * How strong a result is to quote (issue 33: "the go-live went really well, thank you" was
 * proposed over "we cut our month-end close from five days to two"): a measured outcome first,
 * then a goal reached, then the rest; a sentence that is mostly thanks or "went well" last.
 */
function strength(sentence: string): number {
  let n = 0;
  if (MEASURED_OUTCOME.test(sentence)) n += 4;
  if (/\d|%/.test(sentence)) n += 2;
  if (/\b(hit|reached|met|beat|exceeded)\b/i.test(sentence)) n += 2;
  if (/\b(thank|thanks|went (really |so )?well|great|amazing|awesome)\b/i.test(sentence)) n -= 2;
  return n;
}

export interface ResultSuggestion {
  /** The sentence as the client wrote it. */
  said: string;
  /** The same, in the account manager's voice: "we hit our target" -> "you hit your target". */
  result: string;
  /** What is kept as the contact's result: their words as said ("we hit our target"), turned per reader when written. */
  kept: string;
  date?: string;
}

/** Their words, turned to face them: "we hit our target" -> "you hit your target" (`templates/voice.ts`). */
export function inYourWords(sentence: string): string {
  return toClient(asSaid(sentence));
}

/**
 * The sentences where the client said what worked ("we hit our quarterly target two weeks early"),
 * newest first, at most `limit`: proposed for a contact's {{results}} (issue 19).
 */
export function resultSuggestions(messages: readonly Pick<ThreadMessage, 'text' | 'date'>[], limit = 3): ResultSuggestion[] {
  const found: ResultSuggestion[] = [];
  const best = () => found.sort((a, b) => strength(b.said) - strength(a.said)).slice(0, limit);
  const newestFirst = [...messages].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  for (const message of newestFirst) {
    const sentences = ownWords(message.text).split(/(?<=[.!?])\s+|\n+/);
    for (const said of sentences.map((x) => x.trim())) {
      if (said.length < 12 || said.length > 200 || !RESULTS.some((p) => p.test(said))) continue;
      if (COMPLAINTS.some(([p]) => p.test(said)) || found.some((f) => f.said === said)) continue;
      found.push({ said, result: inYourWords(said), kept: asSaid(said), ...(message.date ? { date: message.date } : {}) });
      if (found.length === limit * 3) return best();
    }
  }
  return best();
}

const COMPLAINTS: ReadonlyArray<[RegExp, string]> = [
  [/\b(still|keeps?|again)\s+(not working|broken|failing|crashing|down)\b/i, 'reported something still broken'],
  [/\b(not|isn't|isnt|doesn't|doesnt|don't|dont)\s+(working|work)\b/i, 'reported something not working'],
  [/\b(cancel|cancell?ing|cancellation|terminate|churn)\b/i, 'mentioned cancelling'],
  [/\b(refund|chargeback)\b/i, 'asked for a refund'],
  [/\b(escalat\w*|unacceptable|disappointed|frustrat\w*|furious|fed up)\b/i, 'sounded frustrated'],
  [/\b(complain\w*|complaint)\b/i, 'complained'],
];

function firstMatch(sentences: string[], table: ReadonlyArray<[RegExp, string]>): string | undefined {
  for (const [pattern, label] of table) {
    if (sentences.some((s) => pattern.test(s))) return label;
  }
  return undefined;
}

/** Strips quoted replies ("> ..." lines and "On ... wrote:" tails) so we score only their words. */
export function ownWords(text: string): string {
  // Where what they quote or forward begins: "On … wrote:", "-----Original Message-----", a
  // forwarded message's banner, or an earlier message's header ("From: … Sent:"/"Date:").
  const cut = text.search(
    /\n\s*On .{0,200}wrote:|\n-{2,}\s*Original Message|\n-{2,}\s*Forwarded message|\nBegin forwarded message:|\n\s*From:\s*[^\n]{1,200}\n\s*(Sent|Date):/i,
  );
  const body = cut >= 0 ? text.slice(0, cut) : text;
  return body
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .slice(0, 5_000);
}

/**
 * Bumped whenever the lexicon, the phrases or the scoring change: a tone stored under another
 * version is worked out again from the text.
 */
export const TONE_VERSION = 2;

/** A message's tone kept with it on the contact (issue 16: the queue re-reads thousands of stored threads). */
export interface StoredTone {
  v: number;
  comparative: number;
  positiveMoment?: string;
  complaint?: string;
  language?: OtherLanguage;
}

/** What to store with a message's text. */
export function storedTone(text: string): StoredTone {
  const { comparative, positiveMoment, complaint, language } = messageTone({ text });
  return {
    v: TONE_VERSION,
    comparative,
    ...(positiveMoment ? { positiveMoment } : {}),
    ...(complaint ? { complaint } : {}),
    ...(language ? { language } : {}),
  };
}

/** The message's tone: the stored one when it was worked out by this version, else from its text. */
export function toneOf(message: Pick<ThreadMessage, 'text' | 'date' | 'tone'>): MessageTone {
  const stored = message.tone;
  if (stored?.v !== TONE_VERSION) return messageTone(message);
  return { date: message.date, comparative: stored.comparative, positiveMoment: stored.positiveMoment, complaint: stored.complaint, language: stored.language };
}

/**
 * Tones worked out lately, by text: a sidebar builds its view again on every change of the page or
 * the contact, and the thread on screen is scored from its text each time (0.3 ms a message, most
 * of it telling the language). At most `REMEMBERED` texts, the oldest forgotten first.
 */
const remembered = new Map<string, Omit<MessageTone, 'date'>>();
const REMEMBERED = 256;

export function messageTone(message: Pick<ThreadMessage, 'text' | 'date'>): MessageTone {
  let tone = remembered.get(message.text);
  if (!tone) {
    tone = scoreText(message.text);
    if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(message.text, tone);
  }
  return { date: message.date, ...tone };
}

function scoreText(text: string): Omit<MessageTone, 'date'> {
  const words = ownWords(text);
  const sentences = words.split(/(?<=[.!?])\s+|\n+/).filter(Boolean);
  const english = words.trim() ? analyzer.analyze(words) : undefined;
  const language = languageOf(words, (l) =>
    l === 'en'
      ? Boolean(english?.positive.length || english?.negative.length || firstMatch(sentences, [...COMPLAINTS, ...POSITIVE_MOMENTS]))
      : speaksIn(l, words),
  );
  const other = language === 'en' ? undefined : language;
  // A message's events in its language, and in English (a German thread quoting "cancel" is still one).
  const complaints = other ? [...complaintsIn(other), ...COMPLAINTS] : COMPLAINTS;
  const moments = other ? [...momentsIn(other), ...POSITIVE_MOMENTS] : POSITIVE_MOMENTS;
  const complaint = firstMatch(sentences, complaints);
  // A complaint in the same message outweighs a polite "thanks" at its end.
  const positiveMoment = complaint ? undefined : firstMatch(sentences, moments);
  const comparative = other ? comparativeIn(other, words) : (english?.comparative ?? 0);
  return { comparative: clamp(comparative, -1, 1), positiveMoment, complaint, ...(other ? { language: other } : {}) };
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
