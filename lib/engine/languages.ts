/**
 * Tone beyond English (issue 33): "Wir sind sehr zufrieden", "nous envisageons de résilier".
 *
 * - The language is told by `franc-min`'s trigram models (MIT, wooorm), among the four we score
 *   (`rankLanguages`). Trigrams are unsure on a line ("Sounds good, see you Tuesday." ranks German
 *   first), so a short text is read in the first language, in franc's order, in which it holds a
 *   word we score or an event phrase; with none, as English (neutral either way).
 * - Each language's lexicon and stemmer come from nlp.js (MIT, AXA): German ML-SentiCon and
 *   French Pattern polarities (-1..1, on word stems), Spanish AFINN (-5..5, the English scale).
 *   The stemmers are nlp.js's Snowball ports, the ones the lexicons' stems were made with.
 * - Negation is ours: nlp.js flips every word after the first "nicht" to the end of the text, and
 *   has no French negations at all. Here a negation turns the rest of its clause, to the next
 *   punctuation (the scope Pang, Lee and Vaithyanathan used): "nicht zufrieden", "pas satisfaits
 *   de la qualité", "no estamos contentos"; closing a clause, it turns the few words before it
 *   ("die neue Oberfläche mögen wir nicht").
 * - The events (a complaint, a positive moment) are phrases, as in English: a lexicon cannot tell
 *   "we are considering cancelling" from "we cancelled the old tool".
 */
import { data as TRIGRAM_MODELS } from 'franc-min/data.js';
import { expressions as SCRIPTS } from 'franc-min/expressions.js';
import { asTuples } from 'trigram-utils';
import StemmerDe from '@nlpjs/lang-de/src/stemmer-de.js';
import StemmerFr from '@nlpjs/lang-fr/src/stemmer-fr.js';
import StemmerEs from '@nlpjs/lang-es/src/stemmer-es.js';
import StopwordsDe from '@nlpjs/lang-de/src/stopwords-de.js';
import StopwordsFr from '@nlpjs/lang-fr/src/stopwords-fr.js';
import StopwordsEs from '@nlpjs/lang-es/src/stopwords-es.js';
import senticonDe from '@nlpjs/lang-de/src/sentiment/senticon_de.json';
import patternFr from '@nlpjs/lang-fr/src/sentiment/pattern_fr.json';
import afinnEs from '@nlpjs/lang-es/src/sentiment/afinn_es.json';

/** The languages whose tone is read; English is scored by `sentiment` (tone.ts). */
export type ToneLanguage = 'en' | 'de' | 'fr' | 'es';
export type OtherLanguage = Exclude<ToneLanguage, 'en'>;

export const LANGUAGE_NAMES: Record<ToneLanguage, string> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish' };

const FRANC: Record<string, ToneLanguage> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es' };

/** Letters from which trigrams tell the language on their own. */
const SURE_LENGTH = 40;

/**
 * The text's language among those we read. `speaks(language)` says whether the text holds a word
 * or phrase that language's scoring knows (English's lexicon is tone.ts's).
 */
export function languageOf(text: string, speaks: (language: ToneLanguage) => boolean): ToneLanguage {
  const ranked = rankLanguages(text);
  if ((text.match(/\p{L}/gu)?.length ?? 0) >= SURE_LENGTH) return ranked[0] ?? 'en';
  return ranked.find(speaks) ?? 'en';
}

/**
 * Our four languages, likeliest first, as `francAll(text, { only: [eng, deu, fra, spa], minLength: 8 })`
 * ranks them (a unit test holds the two equal), or none where franc would answer "undetermined".
 *
 * Why not franc's own function: loading `franc-min` turns the models of all its 82 languages into
 * tables, ~20 ms of every service worker start (measured, issue 35) before the worker can answer
 * anything, for four of them. Here the four tables are built the first time a text is read (~1 ms).
 * Franc's steps, kept: the script most of the text is written in must be Latin (the first
 * script listed wins a tie); the text's trigrams are counted by `trigram-utils`, as franc counts
 * them; each adds to a language's distance |count - rank - 1| where the language's model ranks it
 * (franc's own measure), 300 where the model lacks it; the nearest language first, a tie in the
 * models' order.
 */
export function rankLanguages(text: string): ToneLanguage[] {
  if (text.length < MIN_LENGTH) return [];
  const value = text.slice(0, MAX_LENGTH);
  if (topScript(value) !== 'Latin') return [];
  const trigrams = asTuples(value);
  return latinModels()
    .map(({ language, ranks }) => ({ language, distance: trigrams.reduce((sum, [t, count]) => sum + distance(count, ranks.get(t)), 0) }))
    .sort((a, b) => a.distance - b.distance)
    .map((d) => d.language);
}

const MIN_LENGTH = 8;
const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

function distance(count: number, rank: number | undefined): number {
  return rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
}

/** The script whose letters occur most in the text; the first listed on a tie. */
function topScript(value: string): string | undefined {
  let top: string | undefined;
  let topCount = -1;
  for (const [script, expression] of Object.entries(SCRIPTS)) {
    const count = value.match(expression)?.length ?? 0;
    if (count > topCount) [top, topCount] = [script, count];
  }
  return top;
}

let models: { language: ToneLanguage; ranks: Map<string, number> }[] | undefined;

/** Each of our languages' trigrams by rank (0 the most frequent; a repeated one keeps its first), in the models' order. */
function latinModels(): NonNullable<typeof models> {
  models ??= Object.entries(TRIGRAM_MODELS.Latin!).flatMap(([code, model]) => {
    const language = FRANC[code];
    if (!language) return [];
    const ranks = new Map<string, number>();
    model.split('|').forEach((t, i) => {
      if (!ranks.has(t)) ranks.set(t, i);
    });
    return [{ language, ranks }];
  });
  return models;
}

/** Whether the text holds a word this language's lexicon scores, or one of its event phrases. */
export function speaksIn(language: OtherLanguage, text: string): boolean {
  const { stemmer, stopwords, words, negations } = LEXICONS[language];
  const tokens = plain(text).split(/[^\p{L}\p{N}]+/u);
  const scored = tokens.some((t) => t && !negations.has(t) && !stopwords.isStopword(t) && Math.abs(words[stemmer.stemWord(t)] ?? 0) >= 0.05);
  return scored || [...complaintsIn(language), ...momentsIn(language)].some(([p]) => p.test(text));
}

interface Lexicon {
  stemmer: { stemWord(word: string): string };
  /** Words never scored: the lexicons were partly translated, and Spanish AFINN rates "con" (with) -5. */
  stopwords: { isStopword(word: string): boolean };
  /** Polarity by stem. */
  words: Record<string, number>;
  /** To the AFINN scale the English scores use (-5..5 a word). */
  scale: number;
  /** Words that turn what follows them in the clause (or what precedes them, closing it). */
  negations: ReadonlySet<string>;
  /** Words that start another clause ("nicht schnell, und wir sind enttäuscht": "und" ends the negation). */
  conjunctions: ReadonlySet<string>;
}

const LEXICONS: Record<OtherLanguage, Lexicon> = {
  de: {
    stemmer: new StemmerDe(),
    stopwords: new StopwordsDe(),
    words: senticonDe,
    scale: 5,
    negations: new Set(['nicht', 'nichts', 'kein', 'keine', 'keines', 'keinem', 'keinen', 'keiner', 'nie', 'niemals', 'keinesfalls', 'keineswegs', 'weder']),
    conjunctions: new Set(['und', 'aber', 'sondern', 'doch', 'denn', 'weil', 'obwohl']),
  },
  fr: {
    stemmer: new StemmerFr(),
    stopwords: new StopwordsFr(),
    words: patternFr,
    scale: 5,
    // "ne … pas" is one negation: the window is set, not toggled, by each of its words.
    negations: new Set(['ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'rien', 'sans', 'guere', 'ni']),
    conjunctions: new Set(['et', 'mais', 'car', 'donc', 'puisque', 'parce']),
  },
  es: {
    stemmer: new StemmerEs(),
    stopwords: new StopwordsEs(),
    words: afinnEs,
    scale: 1,
    negations: new Set(['no', 'nunca', 'jamas', 'ni', 'tampoco', 'sin', 'nada', 'ningun', 'ninguno', 'ninguna']),
    conjunctions: new Set(['y', 'pero', 'sino', 'porque', 'aunque']),
  },
};

/** How many words before it a negation closing its clause turns. */
const NEGATION_REACH = 3;

/** Lower case without accents, as the lexicons' stems are written ("enttäuscht" -> "enttauscht"). */
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The text's score per word on the AFINN scale, like `sentiment`'s `comparative`: the sum of its
 * words' polarities, negated ones turned, over the number of words.
 */
export function comparativeIn(language: OtherLanguage, text: string): number {
  const { stemmer, stopwords, words, scale, negations, conjunctions } = LEXICONS[language];
  let score = 0;
  let count = 0;
  for (const tokens of clauses(plain(text), conjunctions)) {
    count += tokens.length;
    const values = tokens.map((t) => (negations.has(t) || stopwords.isStopword(t) ? 0 : (words[stemmer.stemWord(t)] ?? 0)));
    const first = tokens.findIndex((t) => negations.has(t));
    if (first >= 0 && tokens.slice(first + 1).some((t) => !negations.has(t))) {
      for (let i = first + 1; i < tokens.length; i++) values[i] = -values[i]!;
    } else if (first >= 0) {
      // Closing its clause: it turns the words just before it.
      for (let j = first - 1; j >= Math.max(0, first - NEGATION_REACH); j--) values[j] = -values[j]!;
    }
    score += values.reduce((a, b) => a + b, 0) * scale;
  }
  return count ? score / count : 0;
}

/** The text's clauses, as words: split at punctuation and at the words that start a clause. */
function clauses(text: string, conjunctions: ReadonlySet<string>): string[][] {
  const found: string[][] = [];
  for (const part of text.split(/[.!?;:,()\n]+/)) {
    let clause: string[] = [];
    for (const word of part.split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      if (conjunctions.has(word) && clause.length) {
        found.push(clause);
        clause = [];
      }
      clause.push(word);
    }
    if (clause.length) found.push(clause);
  }
  return found;
}

type Phrases = Record<OtherLanguage, ReadonlyArray<readonly [source: string, label: string]>>;

/** The events in each language, labelled as the English ones are (the sidebar speaks English). */
const COMPLAINT_PHRASES: Phrases = {
  de: [
    ['(funktioniert|geht|läuft|klappt) (immer noch|noch immer|schon wieder|wieder) nicht', 'reported something still broken'],
    ['(funktioniert|geht|läuft|klappt)( \\p{L}+){0,4} nicht|(ist|sind) (kaputt|ausgefallen)', 'reported something not working'],
    ['kündig\\p{L}*|Kündigung|Vertrag (beenden|auflösen)', 'mentioned cancelling'],
    ['(Rück)?erstattung|Geld zurück', 'asked for a refund'],
    ['enttäuscht|frustriert|verärgert|inakzeptabel|unzufrieden|eskalier\\p{L}*', 'sounded frustrated'],
    ['Beschwerde|beschweren', 'complained'],
  ],
  fr: [
    ['(fonctionne|marche) toujours pas|(ne|n.) ?(fonctionne|marche) toujours pas', 'reported something still broken'],
    ['(ne|n.) ?(fonctionne|marche|va) (pas|plus)|(est|sont) en panne', 'reported something not working'],
    ['résili\\p{L}*|annul(er|ation)|mettre fin', 'mentioned cancelling'],
    ['rembours\\p{L}*', 'asked for a refund'],
    ['déçu\\p{L}*|frustr\\p{L}*|inacceptable|mécontent\\p{L}*|escalad\\p{L}*', 'sounded frustrated'],
    ['plainte|réclamation|(nous|me|se) plaindre', 'complained'],
  ],
  es: [
    ['sigue sin funcionar|(todavía|aún) no funciona|otra vez no funciona', 'reported something still broken'],
    ['no (funciona|anda|va)|(está|están) (caído|caídos|roto|rotos)', 'reported something not working'],
    ['cancel(ar|ación|amos)|dar(nos)? de baja|rescindir', 'mentioned cancelling'],
    ['reembolso|devolución del dinero', 'asked for a refund'],
    ['decepcionad\\p{L}*|frustrad\\p{L}*|inaceptable|molest\\p{L}*|insatisfech\\p{L}*', 'sounded frustrated'],
    ['queja|reclamación|reclamo', 'complained'],
  ],
};

const MOMENT_PHRASES: Phrases = {
  de: [
    [
      '(es|das|alles) (funktioniert|klappt|läuft)( jetzt| endlich| wieder)?( super| einwandfrei| perfekt| reibungslos| gut)?(?! \\p{L}* ?nicht)',
      'said it worked',
    ],
    ['(Problem|Fehler)( ist| wurde| wurden)?( \\p{L}+)? (gelöst|behoben)', 'confirmed a problem was solved'],
    ['(Ziel|Ziele|Quartalsziel\\p{L}*|Umsatzziel\\p{L}*)( \\p{L}+){0,3} (erreicht|übertroffen)', 'reached a goal'],
    ['live gegangen|(sind|ist) live|Go-Live', 'went live'],
    ['vielen Dank|danke|dankbar', 'thanked you'],
    ['begeistert|(wir )?lieben es', 'said they love it'],
  ],
  fr: [
    ['(ça|cela|tout) (fonctionne|marche)( enfin| maintenant)?( bien| parfaitement)?', 'said it worked'],
    ['(problème|bug)( est| a été)? (résolu|corrigé|réglé)', 'confirmed a problem was solved'],
    ['(atteint|dépassé) (notre|nos|l.|les?) ?(\\p{L}+ )?(objectifs?|cible)', 'reached a goal'],
    ['(sommes|est) en production|mise en production réussie', 'went live'],
    ['merci|reconnaissant\\p{L}*', 'thanked you'],
    ['ravi\\p{L}*|enchanté\\p{L}*|(nous )?adorons', 'said they love it'],
  ],
  es: [
    ['(ya|ahora) funciona|todo funciona( bien| perfectamente)?', 'said it worked'],
    ['(problema|error)( está| fue| ha sido| quedó)? (resuelto|solucionado|arreglado)', 'confirmed a problem was solved'],
    ['(alcanzamos|superamos|cumplimos|logramos)( \\p{L}+){0,2} (objetivos?|metas?)', 'reached a goal'],
    ['(estamos|está) en producción', 'went live'],
    ['gracias|agradecid\\p{L}*', 'thanked you'],
    ['encantad\\p{L}*|nos encanta', 'said they love it'],
  ],
};

/** A language's complaints and positive moments, as patterns (`eventPatterns`). */
export const complaintsIn = (language: OtherLanguage) => eventPatterns(COMPLAINT_PHRASES[language]);
export const momentsIn = (language: OtherLanguage) => eventPatterns(MOMENT_PHRASES[language]);

const patterns = new Map<Phrases[OtherLanguage], ReadonlyArray<[RegExp, string]>>();

/**
 * Phrases of one language as patterns that respect letters beyond ASCII ("déçu", "überlegen"),
 * compiled the first time that language is read: all of them at load took ~6 ms of each service
 * worker start (measured, issue 35).
 */
function eventPatterns(phrases: Phrases[OtherLanguage]): ReadonlyArray<[RegExp, string]> {
  let compiled = patterns.get(phrases);
  if (!compiled) {
    compiled = phrases.map(([source, label]) => [new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, 'iu'), label]);
    patterns.set(phrases, compiled);
  }
  return compiled;
}
