import { z } from 'zod';
import { Ask, Contact } from './model';
import { Template } from './templates/schema';
import { validateTemplate } from './templates/render';
import { isKey, KEYS } from './keys';
import { pathWords, problemWords } from './messaging/words';

export const BACKUP_FORMAT = 'referral-window-backup';

/** Everything the extension keeps, as one JSON file. Validated whole before anything is replaced. */
export const Backup = z
  .object({
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
        if (!isKey(entry.key)) {
          ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `unknown setting "${entry.key.slice(0, 40)}"` });
          return;
        }
        const parsed = KEYS[entry.key].schema.safeParse(entry.value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          ctx.addIssue({
            code: 'custom',
            path: [i, 'value'],
            // In words (issue 33): "emails line 2 is not an email address"; the record names the setting.
            message: `${issue.path.length ? `${pathWords(issue.path)} ` : ''}${problemWords(issue as never)}`,
          });
        }
      });
    }),
  })
  // What the restore would refuse, refused at the check (issue 31): one record per key.
  .superRefine((backup, ctx) => {
    const once = <T>(what: string, list: T[], keyOf: (item: T) => string, path: string) => {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        const key = keyOf(item);
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [path, i], message: `${what} "${key.slice(0, 80)}" is in the file twice` });
        seen.add(key);
      });
    };
    once('the contact', backup.contacts, (c) => c.email, 'contacts');
    once('the ask', backup.asks, (a) => a.id, 'asks');
    once('the template', backup.templates, (t) => t.id, 'templates');
    once('the setting', backup.kv, (e) => e.key, 'kv');
  });
export type Backup = z.infer<typeof Backup>;
