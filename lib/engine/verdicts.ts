/**
 * The verdicts the engine gives (the contract's `data-verdict` values), one row each, like the
 * facts table: what each advises about writing an ask, the template it calls for, whether it may
 * enter "Who to ask", and its tone (which gives its style). Apart from the engine so the stored
 * schema can name the kinds. Adding a verdict is its row here and its rule in `verdictFor`.
 */
import type { TemplateKind } from '../templates/schema';

/**
 * - `ask`: an ask is advised; Insert writes, Compose in Gmail writes it in.
 * - `follow-up-if-due`: the follow-up is advised once due; before that, as `confirm-first`.
 * - `confirm-first`: not advised now; Insert asks first, Compose in Gmail opens an empty draft.
 * - `never`: the user's never-ask list; Insert asks first, Compose in Gmail refuses.
 * - `your-call`: too little is known to judge; Insert writes without a question, nothing is advised.
 */
export type Advice = 'ask' | 'follow-up-if-due' | 'confirm-first' | 'never' | 'your-call';

/** `now`: listed as one to ask; `soon`: listed when the window opens within the look-ahead; `no`: never listed. */
export type QueueEntry = 'now' | 'soon' | 'no';

/** The verdict's tone: its colour in every view (contact-panel.css `.tone-*`). */
export type Tone = 'go' | 'incentive' | 'wait' | 'stop' | 'off';

export interface VerdictRow {
  advice: Advice;
  /** The template kind it asks with (a follow-up's, once due, for `follow-up-if-due`). */
  template: TemplateKind;
  queue: QueueEntry;
  tone: Tone;
}

export const VERDICTS = {
  'needs-info': { advice: 'your-call', template: 'ask', queue: 'no', tone: 'wait' },
  'too-early': { advice: 'confirm-first', template: 'ask', queue: 'soon', tone: 'wait' },
  'fix-first': { advice: 'confirm-first', template: 'ask', queue: 'no', tone: 'stop' },
  'asked-recently': { advice: 'follow-up-if-due', template: 'follow-up', queue: 'no', tone: 'wait' },
  'ask-now': { advice: 'ask', template: 'ask', queue: 'now', tone: 'go' },
  'past-window': { advice: 'ask', template: 'reactivation', queue: 'no', tone: 'incentive' },
  'never-ask': { advice: 'never', template: 'ask', queue: 'no', tone: 'off' },
  snoozed: { advice: 'confirm-first', template: 'ask', queue: 'no', tone: 'off' },
} as const satisfies Record<string, VerdictRow>;

export type VerdictKind = keyof typeof VERDICTS;
export const VERDICT_KINDS = Object.keys(VERDICTS) as [VerdictKind, ...VerdictKind[]];

/** What a verdict advises now, given whether a follow-up is due: the one rule every view and action uses. */
export interface AdviceNow {
  /** An ask (or its follow-up) is advised: Insert is the primary action, Compose in Gmail writes it in. */
  advised: boolean;
  /** Insert asks the user first, naming the verdict. */
  confirm: boolean;
  /** The user's never-ask list: Compose in Gmail refuses. */
  never: boolean;
  template: TemplateKind;
}

function adviceOf(kind: VerdictKind, followUpDue: boolean): AdviceNow {
  const row: VerdictRow = VERDICTS[kind];
  const due = row.advice === 'follow-up-if-due' && followUpDue;
  const advised = row.advice === 'ask' || due;
  return Object.freeze({
    advised,
    confirm: !advised && row.advice !== 'your-call',
    never: row.advice === 'never',
    template: row.advice === 'follow-up-if-due' && !due ? 'ask' : row.template,
  });
}

/** Every kind's advice, with and without a follow-up due, worked out once (the queue asks thousands of times). */
const ADVICE = Object.fromEntries(VERDICT_KINDS.map((k) => [k, [adviceOf(k, false), adviceOf(k, true)] as const])) as Record<
  VerdictKind,
  readonly [AdviceNow, AdviceNow]
>;

export function adviceFor(kind: VerdictKind, followUpDue: boolean): AdviceNow {
  return ADVICE[kind][followUpDue ? 1 : 0];
}
