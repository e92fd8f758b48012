/**
 * A request refused by its schema, said in the words on screen (issue 18): each field named as its
 * form labels it, what is wrong in plain words, never zod's own phrasing or a field's code name.
 */
import { SETTING_LABELS } from '../engine/settings';
import { FACT_BY_KEY, isFactKey } from '../facts';
import { PROFILE_LABELS, TEMPLATE_LABELS } from '../templates/schema';
import { isKey, KEYS } from '../keys';
import { LOGGING_GUIDES, type LoggingCrm } from '../crm/logging';

interface Issue {
  code?: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
}

const CONTACT: Record<string, string> = {
  email: 'The contact email',
  name: 'Name',
  company: 'Company',
  npsAnsweredOn: 'NPS answered on',
  snoozedUntil: 'Snooze until',
};
const NEVER_ASK: Record<string, string> = { emails: 'Email addresses', domains: 'Domains' };

/** The field a path names, as the screen labels it. */
export function fieldWords(type: string, path: PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  const line = (i: string | undefined) => (i !== undefined && /^\d+$/.test(i) ? `, line ${Number(i) + 1}` : '');
  if (type === 'settings/save' && first && first in SETTING_LABELS) return `"${SETTING_LABELS[first as keyof typeof SETTING_LABELS]}"`;
  if (type === 'settings/save' && first === 'businessHours') return second === 'endHour' ? '"Client business hours end"' : '"Client business hours start"';
  if (type === 'settings/save' && first === 'workingDays') return '"Client working days"';
  if (type === 'profile/save' && first && first in PROFILE_LABELS) return `"${PROFILE_LABELS[first as keyof typeof PROFILE_LABELS][0]}"${line(second)}`;
  if (type === 'never-ask/save' && first && first in NEVER_ASK) return `"${NEVER_ASK[first]}"${line(second)}`;
  if (type === 'template/save' && first && first in TEMPLATE_LABELS) return `"${TEMPLATE_LABELS[first]}"`;
  if (type === 'contact/edit' && first === 'edit' && second) return `"${isFactKey(second) ? FACT_BY_KEY[second].label : (CONTACT[second] ?? second)}"`;
  if (first === 'email') return CONTACT.email!;
  if (first === 'origin') return 'The CRM site';
  void third;
  // A field no form labels (the user never typed it): its name in words, "saidOn" -> "said on".
  return path.length
    ? `"${path
        .filter((p) => typeof p === 'string')
        .map(inWords)
        .join(' ')}"`
    : 'The request';
}

const inWords = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A path inside a stored value, in words: ["emails", 0] -> "emails line 1", ["businessHours", "endHour"] -> "business hours end hour". */
export const pathWords = (path: PropertyKey[]): string =>
  path
    .map((p) => {
      const name = String(p);
      if (/^\d+$/.test(name)) return `line ${Number(name) + 1}`;
      const label =
        SETTING_LABELS[name as keyof typeof SETTING_LABELS] ??
        PROFILE_LABELS[name as keyof typeof PROFILE_LABELS]?.[0] ??
        (isFactKey(name) ? FACT_BY_KEY[name].label : undefined) ??
        LOGGING_GUIDES[name as LoggingCrm]?.label;
      return label ? `"${label}"` : inWords(name);
    })
    .join(' ');

/** What is wrong, in plain words. */
export function problemWords(issue: Issue): string {
  const text = issue.origin === 'string';
  switch (issue.code) {
    case 'too_small':
      return text ? (Number(issue.minimum) <= 1 ? 'cannot be empty' : `needs at least ${issue.minimum} characters`) : `must be at least ${issue.minimum}`;
    case 'too_big':
      return text
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `may have at most ${issue.maximum} entries`
          : `must be at most ${issue.maximum}`;
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? 'is missing'
        : /expected number/.test(issue.message)
          ? 'must be a number'
          : 'is not the right kind of value';
    case 'invalid_format':
      if (issue.format === 'email') return 'is not an email address';
      // Our own patterns carry their words ("is not a date (write it as 2026-05-14)"); zod's do not.
      return issue.message.startsWith('Invalid') ? 'is not written correctly' : issue.message;
    case 'invalid_value':
      return 'is not one of the choices';
    case 'not_multiple_of':
      return 'must be a whole number';
    case 'custom':
      return issue.message;
    default:
      // Our own refinements already speak plainly ("enter the site as https://crm.example.com");
      // zod's own ("Invalid input" of a union) do not.
      return /^Invalid|expected|received/i.test(issue.message) ? 'is not the right kind of value' : issue.message;
  }
}

const RECORDS: Record<string, [string, (r: Record<string, unknown>) => unknown]> = {
  contacts: ['contact', (r) => r.email],
  asks: ['ask', (r) => r.email],
  templates: ['template', (r) => r.name],
  kv: ['setting', (r) => (typeof r.key === 'string' && isKey(r.key) ? KEYS[r.key].label : r.key)],
};

/**
 * Why a backup file is refused, in words (issue 33: the restore said `asks.0.status: Invalid
 * option: expected one of "drafted"|"sent"|…`): which record, which field, what is wrong, and
 * what it may be.
 */
export function backupProblem(issue: Issue & { values?: unknown[] }, backup: unknown): string {
  const [table, index, ...rest] = issue.path.map(String);
  const record = RECORDS[table ?? ''];
  const list = (backup as Record<string, unknown> | null)?.[table ?? ''];
  const item = Array.isArray(list) && index !== undefined ? (list[Number(index)] as Record<string, unknown> | undefined) : undefined;
  const named = item && record ? record[1](item) : undefined;
  const plural = { contacts: 'contacts', asks: 'asks', templates: 'templates', kv: 'settings' }[table ?? ''];
  const where =
    record && index === undefined
      ? `its list of ${plural}`
      : record
        ? `${record[0]} ${Number(index) + 1}${typeof named === 'string' && named ? ` (${named.slice(0, 80)})` : ''}`
        : table
          ? `the file's "${issue.path.join(' ')}"`
          : 'the file';
  const field = rest.filter((p) => !/^\d+$/.test(p) && p !== 'value' && p !== 'facts');
  const fieldName = field.length ? ` ${field.map((f) => (isFactKey(f) ? FACT_BY_KEY[f].label : inWords(f))).join(' ')}` : '';
  const choices = issue.code === 'invalid_value' && issue.values?.length ? `: it may be ${issue.values.map(String).join(', ')}` : '';
  const problem = issue.code === 'custom' ? issue.message : problemWords(issue);
  return `${where}${fieldName ? `, its${fieldName},` : issue.code === 'custom' ? ':' : ''} ${problem}${choices}`;
}

/** One sentence per issue: `"Business days without a reply before a follow-up is due" must be at least 1`. */
export function describeIssues(type: string, issues: Issue[]): string {
  return issues.map((i) => `${fieldWords(type, i.path)} ${problemWords(i)}`).join('; ');
}
