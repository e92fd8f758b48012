/** The Snowball stemmers and stopword lists of nlp.js's language packages (CommonJS, untyped): only what lib/engine/languages.ts uses. */
declare module '@nlpjs/lang-de/src/stemmer-de.js' {
  export default class StemmerDe {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-fr/src/stemmer-fr.js' {
  export default class StemmerFr {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-es/src/stemmer-es.js' {
  export default class StemmerEs {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-de/src/stopwords-de.js' {
  export default class StopwordsDe {
    isStopword(word: string): boolean;
  }
}
declare module '@nlpjs/lang-fr/src/stopwords-fr.js' {
  export default class StopwordsFr {
    isStopword(word: string): boolean;
  }
}
declare module '@nlpjs/lang-es/src/stopwords-es.js' {
  export default class StopwordsEs {
    isStopword(word: string): boolean;
  }
}
