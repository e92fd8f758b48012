/**
 * One result, two voices (issue 33): the client's words are kept as they said them ("we cut our
 * close to two days") and turned only where they are read. The ask speaks to the client ("you cut
 * your close to two days"); the note the client forwards speaks as the client ("we cut our close
 * to two days"). Where a phrasing cannot be turned safely (it already says "you" to someone), it is
 * quoted as said, never half-turned.
 */

const FIRST_TO_SECOND: Record<string, string> = {
  we: 'you',
  us: 'you',
  our: 'your',
  ours: 'yours',
  ourselves: 'yourselves',
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  "we're": "you're",
  "we've": "you've",
  "we'd": "you'd",
  "we'll": "you'll",
  "i'm": "you're",
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
};
const FIRST = /\b(we're|we've|we'd|we'll|i'm|i've|i'd|i'll|we|us|our|ours|ourselves|i|me|my|mine|myself)\b/gi;
const SECOND = /\b(you|your|yours|yourself|yourselves|you're|you've|you'd|you'll)\b/i;

/** A result as written in the account manager's voice before results were kept as said ("you hit your target"). */
const SECOND_TO_FIRST: Record<string, string> = {
  your: 'our',
  yours: 'ours',
  yourselves: 'ourselves',
  "you're": "we're",
  "you've": "we've",
  "you'd": "we'd",
  "you'll": "we'll",
};

const TO_YOU: Record<string, string> = {
  their: 'your',
  theirs: 'yours',
  them: 'you',
  themselves: 'yourself',
  they: 'you',
  "they're": "you're",
  "they'll": "you'll",
  "they've": "you've",
};
const TO_THEM: Record<string, string> = { your: 'their', yours: 'theirs', you: 'them', yourself: 'themselves', "you're": "they're", "you'll": "they'll" };

/**
 * An offer as its reader reads it (issue 33: the peer was offered "their first month free"): to the
 * one it is for ("your first month free", `you`), or about them ("their first month free", `them`).
 * Offers are short phrases ("a $100 credit", "their first month free", "20% off for you").
 */
export function offerFor(offer: string, reader: 'you' | 'them'): string {
  const table = reader === 'you' ? TO_YOU : TO_THEM;
  const words = reader === 'you' ? /\b(they're|they'll|they've|their|theirs|themselves|them|they)\b/gi : /\b(you're|you'll|yourself|yours|your|you)\b/gi;
  return straight(offer).replace(words, (w) => table[w.toLowerCase()] ?? w);
}

/** Curly apostrophes as straight ones, so "we’ve" turns like "we've". */
const straight = (s: string) => s.replace(/[\u2018\u2019]/g, "'");

/** The client's sentence as a result: a leading "Quick update:" or "So," dropped, no end punctuation, lower-case start. */
export function asSaid(sentence: string): string {
  const s = sentence
    .trim()
    .replace(/^[^:]{1,25}:\s+/, '')
    .replace(/^(so|and|also|plus|anyway)[,\s]+/i, '')
    .replace(/[.!\s]+$/, '');
  // "I" stays a capital; any other first word is lower-cased to sit inside a sentence.
  return /^I\b/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

const quoted = (s: string) => `“${s}”`;

/** Which voice a result is written in: the client's own (we, our, I), the account manager's (you, your), neither, or both. */
function voiceOf(result: string): 'first' | 'second' | 'neutral' | 'mixed' {
  const s = straight(result);
  const first = new RegExp(FIRST.source, 'i').test(s);
  const second = SECOND.test(s);
  return first && second ? 'mixed' : first ? 'first' : second ? 'second' : 'neutral';
}

/**
 * The result as the ask to the client says it: "we cut our close" -> "you cut your close". A result
 * that already says "you" to someone ("you helped us") is quoted as said.
 */
export function toClient(result: string): string {
  const s = straight(result);
  switch (voiceOf(s)) {
    case 'neutral':
    case 'second':
      return result;
    case 'mixed':
      return quoted(result);
    case 'first':
      return s.replace(FIRST, (w) => {
        const turned = FIRST_TO_SECOND[w.toLowerCase()] ?? w;
        // "I" is a capital wherever it stands: only another word's capital carries over.
        return w[0] === w[0]!.toUpperCase() && !/^i\b/i.test(w) ? turned.charAt(0).toUpperCase() + turned.slice(1) : turned;
      });
  }
}

/**
 * The result as the client's own note to a peer says it: as they said it ("we cut our close").
 * A result kept in the account manager's voice ("you hit your target") is turned back where that
 * is safe: "you" only as the sentence's subject (at its start or after "and"), "your" and the
 * contractions anywhere; any other "you" cannot be told apart from the peer reading the note, so
 * the result is quoted as it was written.
 */
export function asClient(result: string): string {
  const s = straight(result);
  const voice = voiceOf(s);
  if (voice === 'neutral' || voice === 'first') return result;
  if (voice === 'mixed') return quoted(result);
  // Every bare "you" must be a subject to be turned to "we".
  const bare = [...s.matchAll(/\byou\b(?!['’])/gi)];
  const subject = (index: number) => index === 0 || /(^|[,;]\s*|\band\s+|\bthen\s+)$/i.test(s.slice(0, index));
  if (!bare.every((m) => subject(m.index!))) return quoted(result);
  return s
    .replace(/\b(your|yours|yourselves|you're|you've|you'd|you'll)\b/gi, (w) => SECOND_TO_FIRST[w.toLowerCase()] ?? w)
    .replace(/\byou\b/gi, (w) => (w[0] === 'Y' ? 'We' : 'we'));
}
