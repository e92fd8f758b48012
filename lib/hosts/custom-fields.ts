/**
 * The fields a user can pick on any other CRM's record page, in the order the picker asks: the
 * contact, the table's pickable facts, then the email editor (issue 20: where the ask is written,
 * when the page has more than one editable area). Every field can be skipped.
 */
import { FACT_BY_KEY, FACTS, isFactKey, type FactSpec, type PickFactKey } from '../facts';

export type PickField = 'name' | 'email' | 'company' | PickFactKey | 'composer';
export const PICK_FIELDS = /* @__PURE__ */ [
  'name',
  'email',
  'company',
  ...FACTS.flatMap((f: FactSpec) => (f.pick ? [f.key as PickFactKey] : [])),
  'composer',
] as [PickField, ...PickField[]];
/** Picked fields that hold no value to read: where to write. */
export const isWhereToWrite = (field: PickField): field is 'composer' => field === 'composer';
export type CustomPicks = Partial<Record<PickField, string>>;

const CONTACT_LABELS: Record<string, string> = { name: 'Name', email: 'Email', company: 'Company', composer: 'Email editor' };

/** What the user reads for a field ("Customer since"). */
export const pickLabel = (field: PickField): string => (isFactKey(field) ? FACT_BY_KEY[field].label : CONTACT_LABELS[field]!);
/** The page label a picked field is read as: a name the CSV import and CRM pages recognise. */
export const pickReadAs = (field: PickField): string => (isFactKey(field) ? FACT_BY_KEY[field].aliases[0]! : field);
