declare module 'sentiment' {
  interface AnalysisResult {
    score: number;
    comparative: number;
    positive: string[];
    negative: string[];
    tokens: string[];
  }
  export default class Sentiment {
    analyze(phrase: string): AnalysisResult;
  }
}
