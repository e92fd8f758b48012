/**
 * Every fact a contact can carry, once. The stored schema (`model.ts`), what a CRM page may report
 * (`hosts/types.ts`, `hosts/crm.ts`), the import's headers and cell reading (`import/`), the CSV
 * export's columns, the field picker and the sidebar's inputs all derive from this table: adding a
 * fact is one row here plus the engine rule that uses it (`facts.test.ts` walks every row through
 * import, page read, edit and export).
 *
 * Plain data, no schema library: the script injected into host pages reads labels through it.
 */
import { TEXT_LIMITS } from './limits';

/**
 * How a fact's value is written, read and checked:
 * date `2026-05-14` · nps `0-10` (stored with the day it was answered) · percent `0-100` (a 1-5
 * answer is read as its percentage) · count a whole number · amount a sum of money · zone an IANA
 * time zone · text a short text of at most `max` characters.
 */
export type FactKind = 'date' | 'nps' | 'percent' | 'count' | 'amount' | 'zone' | 'text';

export interface FactSpec {
  key: string;
  /** What users read: the sidebar's input, the import's column choice, the CSV export's header (read back as this fact). */
  label: string;
  kind: FactKind;
  /** Header and page-label names, lower case, matched ignoring spaces and underscores. */
  aliases: readonly string[];
  /** A CRM record page may show it (read by label, reported to the background). */
  page?: boolean;
  /** The field picker asks for it on a CRM site the user added. */
  pick?: boolean;
  /** An example in the empty input. */
  hint?: string;
  /** Longest text kept (kind `text`). */
  max?: number;
}

export const FACTS = [
  {
    key: 'customerSince',
    label: 'Customer since',
    kind: 'date',
    aliases: ['customer since', 'became a customer date', 'close date', 'first purchase date', 'won time', 'deal - won time', 'first order date'],
    page: true,
    pick: true,
  },
  {
    key: 'nps',
    label: 'NPS',
    kind: 'nps',
    aliases: ['nps', 'nps score', 'net promoter score', 'latest nps'],
    page: true,
    pick: true,
    hint: 'latest answer, 0-10',
  },
  { key: 'csat', label: 'CSAT (%)', kind: 'percent', aliases: ['csat', 'csat score', 'customer satisfaction'], page: true, pick: true },
  {
    key: 'openTickets',
    label: 'Open support tickets',
    kind: 'count',
    aliases: ['open tickets', 'open support tickets', 'number of open tickets', 'tickets open'],
    page: true,
    pick: true,
  },
  {
    key: 'spend90d',
    label: 'Spend, last 90 days',
    kind: 'amount',
    aliases: ['spend 90d', 'spend last 90 days', 'revenue 90d', 'spend (90d)', 'spend 90 days', 'last 90 days spend'],
    page: true,
  },
  // A lifetime total is not a 90-day figure (issue 17): its own fact.
  {
    key: 'spendTotal',
    label: 'Total spend (lifetime)',
    kind: 'amount',
    aliases: ['total spend', 'lifetime spend', 'lifetime value', 'ltv', 'total revenue', 'spend', 'total amount'],
  },
  { key: 'timeZone', label: 'Time zone', kind: 'zone', aliases: ['time zone', 'timezone', 'tz'], page: true, pick: true, hint: 'Europe/Paris' },
  {
    key: 'segment',
    label: 'Segment',
    kind: 'text',
    aliases: ['segment', 'customer segment', 'tier', 'plan'],
    page: true,
    hint: 'B2B, B2C, Enterprise…',
    max: TEXT_LIMITS.segment,
  },
  {
    key: 'results',
    label: 'Results they got',
    kind: 'text',
    aliases: ['results', 'outcome', 'milestone'],
    hint: 'cut onboarding time by 40%',
    max: TEXT_LIMITS.results,
  },
  { key: 'product', label: 'Product', kind: 'text', aliases: ['product', 'product name', 'plan name'], max: TEXT_LIMITS.product },
  {
    key: 'lifecycleStage',
    label: 'Lifecycle stage',
    kind: 'text',
    // Pipedrive's person "Label" is its lifecycle field ("Customer"; stages.ts).
    aliases: ['lifecycle stage', 'lead status', 'stage', 'label'],
    page: true,
    max: TEXT_LIMITS.lifecycleStage,
  },
] as const satisfies readonly FactSpec[];

type Row = (typeof FACTS)[number];
export type FactKey = Row['key'];
export type FactKindOf<K extends FactKey> = Extract<Row, { key: K }>['kind'];
/** The facts a CRM page may report. */
export type PageFactKey = Extract<Row, { page: true }>['key'];
/** The facts the picker asks for. */
export type PickFactKey = Extract<Row, { pick: true }>['key'];

/** A fact's value as a page, an import cell or an input gives it (an NPS is its score alone). */
export interface PlainValues {
  date: string;
  nps: number;
  percent: number;
  count: number;
  amount: number;
  zone: string;
  text: string;
}
export type PlainValue<K extends FactKey> = PlainValues[FactKindOf<K>];
export type PlainFacts = { [K in FactKey]?: PlainValue<K> };

export const FACT_BY_KEY: Readonly<Record<FactKey, FactSpec>> = Object.fromEntries(FACTS.map((f: FactSpec) => [f.key, f])) as Record<FactKey, FactSpec>;
export const isFactKey = (key: string): key is FactKey => Object.hasOwn(FACT_BY_KEY, key);

/** The table as plain rows, for loops that need every column (`FACTS` keeps each row's literal type). */
export type FactRow = FactSpec & { key: FactKey };
export const FACT_ROWS: readonly FactRow[] = FACTS;
