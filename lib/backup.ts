import { z } from 'zod';
import { Ask, Contact } from './model';
import { Profile, Template } from './templates/schema';
import { validateTemplate } from './templates/render';
import { EngineSettings } from './engine/settings';
import { NeverAskList } from './never-ask';
import { PICK_FIELDS } from './hosts/custom-fields';

export const BACKUP_FORMAT = 'referral-window-backup';

const Picks = z.partialRecord(z.enum(PICK_FIELDS), z.string().min(1).max(500));
/** The schema of each key the extension stores besides its tables. */
const KV_SCHEMAS: Record<string, z.ZodTypeAny> = {
  profile: Profile,
  neverAsk: NeverAskList,
  settings: EngineSettings,
  reminders: z.object({ weeklyQueue: z.boolean() }),
  customSites: z.array(z.object({ origin: z.string().regex(/^https:\/\/[^/]+$/), picks: Picks })),
  hostPicks: z.record(z.string().regex(/^https:\/\/[^/]+$/), Picks),
  'followUps:notifiedOn': z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  readingHealth: z.record(z.string(), z.object({ hostLabel: z.string(), readBy: z.record(z.string(), z.string()) }).passthrough()),
};
const KV_LABELS: Record<string, string> = {
  profile: 'your profile',
  neverAsk: 'the never-ask list',
  settings: 'the rules',
  reminders: 'the reminders',
  customSites: 'your CRM sites',
  hostPicks: 'the fields picked on named sites',
  readingHealth: 'the reading health',
  'followUps:notifiedOn': 'the last follow-up notification',
};

/** Everything the extension keeps, as one JSON file. Validated whole before anything is replaced. */
export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  contacts: z.array(Contact),
  asks: z.array(Ask),
  // A template that would be refused when saved is refused in a backup too ({{toString}}, an unclosed placeholder).
  templates: z.array(
    Template.superRefine((template, ctx) => {
      const problems = validateTemplate(template);
      if (problems.length) ctx.addIssue({ code: 'custom', message: `template "${template.name}": ${problems[0]}` });
    }),
  ),
  kv: z.array(z.object({ key: z.string(), value: z.unknown() })).superRefine((entries, ctx) => {
    // Every stored key with its own schema (issue 21): one bad never-ask entry must not silently
    // empty the list, and "weeklyQueue": "no" must not turn the reminder on.
    entries.forEach((entry, i) => {
      const schema = KV_SCHEMAS[entry.key];
      if (!schema) {
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `unknown setting "${entry.key.slice(0, 40)}"` });
        return;
      }
      const parsed = schema.safeParse(entry.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        ctx.addIssue({
          code: 'custom',
          path: [i, 'value'],
          message: `${KV_LABELS[entry.key] ?? entry.key}${issue.path.length ? ` (${issue.path.join('.')})` : ''}: ${issue.message}`,
        });
      }
    });
  }),
});
export type Backup = z.infer<typeof Backup>;
