/** The verdicts the engine gives (the contract's `data-verdict` values). Apart from the engine so the stored schema can name them. */
export const VERDICT_KINDS = ['needs-info', 'too-early', 'fix-first', 'asked-recently', 'ask-now', 'past-window', 'never-ask', 'snoozed'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];
