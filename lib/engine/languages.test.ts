import { describe, expect, it } from 'vitest';
import { francAll } from 'franc-min';
import { complaintsIn, momentsIn, rankLanguages } from './languages';
import { messageTone, storedTone, toneOf, TONE_VERSION } from './tone';
import { satisfaction } from './satisfaction';
import { DEFAULT_SETTINGS } from './index';

/** Real phrasings, as clients write them: [text, language, sign of its tone]. */
const PHRASES: Array<[string, 'de' | 'fr' | 'es' | undefined, 1 | -1]> = [
  ['Wir sind sehr zufrieden.', 'de', 1],
  ['Vielen Dank für die schnelle Hilfe, das Team ist begeistert von der neuen Version.', 'de', 1],
  ['Wir sind mit dem Support leider nicht zufrieden.', 'de', -1],
  ['Der Export funktioniert immer noch nicht und wir sind enttäuscht.', 'de', -1],
  ['Die neue Oberfläche mögen wir nicht.', 'de', -1],
  ['Kein Problem, das passt uns gut.', 'de', 1],
  ['Nous sommes très satisfaits, merci beaucoup !', 'fr', 1],
  ['Merci pour votre aide, tout fonctionne parfaitement depuis la mise à jour.', 'fr', 1],
  ["Ce n'est pas bon, nous sommes déçus du service.", 'fr', -1],
  ['Nous ne sommes pas satisfaits de la qualité du support.', 'fr', -1],
  ['Estamos muy contentos con el servicio, ¡muchas gracias!', 'es', 1],
  ['No estamos contentos, el sistema tiene muchos problemas.', 'es', -1],
  ['La integración es excelente y el equipo está encantado.', 'es', 1],
  ['Sounds good, see you Tuesday.', undefined, 1],
  ['We are very happy with the results, thank you!', undefined, 1],
];

describe('tone in German, French and Spanish (issue 33)', () => {
  it.each(PHRASES)('%s', (text, language, sign) => {
    const tone = messageTone({ text });
    expect(tone.language).toBe(language);
    expect(Math.sign(tone.comparative)).toBe(sign);
  });

  it('negation turns only the words it governs, in its clause', () => {
    const plain = messageTone({ text: 'Wir sind mit dem neuen Dashboard sehr zufrieden.' });
    const negated = messageTone({ text: 'Wir sind mit dem neuen Dashboard nicht zufrieden.' });
    expect(plain.comparative).toBeGreaterThan(0);
    expect(negated.comparative).toBeCloseTo(-plain.comparative, 1);
    // "ne … pas" is one negation, not two that cancel out; a comma ends it.
    const fr = messageTone({ text: "Nous ne sommes pas satisfaits, c'est dommage." });
    expect(fr.comparative).toBeLessThan(0);
    const es = messageTone({ text: 'No es bueno, pero el equipo es excelente.' });
    expect(es.language).toBe('es');
    // "bueno" turned, "excelente" after the comma not: they cancel out (turned both, it reads -0.75).
    expect(es.comparative).toBeGreaterThanOrEqual(0);
  });

  it('complaints and good moments are read in each language, labelled in English', () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['Nous envisageons de résilier notre contrat à la fin du trimestre.', 'mentioned cancelling', undefined],
      ['Wir überlegen, den Vertrag zu kündigen, wenn sich nichts ändert.', 'mentioned cancelling', undefined],
      ['Estamos pensando en cancelar la suscripción el mes que viene.', 'mentioned cancelling', undefined],
      ['Leider funktioniert der Export seit Montag nicht.', 'reported something not working', undefined],
      ['Depuis la mise à jour, la synchronisation ne fonctionne plus du tout.', 'reported something not working', undefined],
      ['El informe sigue sin funcionar desde el lunes, por favor revisadlo.', 'reported something still broken', undefined],
      ['Wir haben unser Quartalsziel zwei Wochen früher erreicht, vielen Dank!', undefined, 'reached a goal'],
      ['Le problème est résolu, merci beaucoup pour votre réactivité.', undefined, 'confirmed a problem was solved'],
      ['Ya funciona todo, muchas gracias por la ayuda de ayer.', undefined, 'said it worked'],
    ];
    for (const [text, complaint, moment] of cases) {
      const tone = messageTone({ text });
      expect(tone.complaint, text).toBe(complaint);
      if (moment) expect(tone.positiveMoment, text).toBe(moment);
    }
  });

  it('the language is kept with the stored tone; tones stored before this version are read again', () => {
    const text = 'Wir sind sehr zufrieden mit der Zusammenarbeit.';
    expect(storedTone(text)).toMatchObject({ v: TONE_VERSION, language: 'de' });
    const old = toneOf({ text, tone: { v: 1, comparative: 0 } });
    expect(old.language).toBe('de');
    expect(old.comparative).toBeGreaterThan(0);
  });

  it('the sidebar says which language it read', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const messages = [
      { from: 'dana@acme.example', date: '2026-11-20T10:00:00Z', text: 'Wir sind sehr zufrieden mit der neuen Version, vielen Dank!' },
      { from: 'dana@acme.example', date: '2026-11-10T10:00:00Z', text: 'Danke, das Team ist begeistert.' },
    ];
    const german = satisfaction({ facts: {}, clientMessages: messages, now, settings: DEFAULT_SETTINGS });
    const tone = german.reasons.find((r) => r.kind === 'tone')!;
    expect(tone.label).toBe('Their recent emails sound warm (2 messages, read in German)');
    expect(tone.contribution).toBeGreaterThan(0);
    const mixed = satisfaction({
      facts: {},
      clientMessages: [...messages, { from: 'dana@acme.example', date: '2026-11-05T10:00:00Z', text: 'Thanks, that works.' }],
      now,
      settings: DEFAULT_SETTINGS,
    });
    expect(mixed.reasons.find((r) => r.kind === 'tone')!.label).toBe('Their recent emails sound warm (3 messages, 2 read in German, 1 in English)');
    const english = satisfaction({
      facts: {},
      clientMessages: [{ from: 'dana@acme.example', date: '2026-11-20T10:00:00Z', text: 'We love it, thanks!' }],
      now,
      settings: DEFAULT_SETTINGS,
    });
    expect(english.reasons.find((r) => r.kind === 'tone')!.label).toBe('Their recent emails sound warm (1 message)');
  });
});

describe("the language ranking is franc's, for our four languages (issue 35)", () => {
  // Texts of every shape the ranking meets: real lines, then words of the four languages and of
  // other scripts shuffled into texts of 0 to 3,000 characters, with digits and punctuation, and
  // texts around franc's minimum length.
  const words = PHRASES.flatMap(([text]) => text.split(' ')).concat(
    ['Привет', 'как', 'дела', '谢谢', '你好', 'مرحبا', 'שלום', 'こんにちは', 'naïve', 'Straße', 'ñandú', 'œuvre', 'ça'],
    ['12', '3.5', '—', '!!', '?', '€40', ':)', 'https://example.com', 'ACME-42', '\n', '  '],
  );
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const generated = Array.from({ length: 1500 }, () => {
    const length = Math.floor(random() ** 3 * 500);
    return Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(random() < 0.8 ? ' ' : '');
  });
  const edges = ['', 'abcdefg', 'abcdefgh', '12345678', '!!!!!!!!!!', 'Привет, как дела?', '你好你好你好你好', 'der die das'.repeat(300)];
  const corpus = [...PHRASES.map(([text]) => text), ...edges, ...generated];

  it(`ranks ${corpus.length} texts as francAll limited to them does`, () => {
    const only = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es' } as Record<string, string>;
    const differ = corpus.filter((text) => {
      const franc = francAll(text, { only: Object.keys(only), minLength: 8 }).flatMap(([code]) => (only[code] ? [only[code]] : []));
      return JSON.stringify(franc) !== JSON.stringify(rankLanguages(text));
    });
    expect(differ).toEqual([]);
    // The corpus reaches each answer: every language ranked first somewhere, and "undetermined".
    const firsts = new Set(corpus.map((text) => rankLanguages(text)[0] ?? 'none'));
    expect([...firsts].sort()).toEqual(['de', 'en', 'es', 'fr', 'none']);
  });
});

describe('the event phrases of each language', () => {
  it.each(['de', 'fr', 'es'] as const)('%s: compile when the language is first read, each with its label', (language) => {
    for (const events of [complaintsIn(language), momentsIn(language)]) {
      expect(events.length).toBeGreaterThan(4);
      for (const [pattern, label] of events) {
        expect(pattern.flags).toBe('iu');
        expect(label).toMatch(/^[a-z]/);
      }
    }
    expect(complaintsIn(language)).toBe(complaintsIn(language));
  });
});
