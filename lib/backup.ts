import { z } from 'zod';
import { Ask, Contact } from './model';
import { Template } from './templates/schema';

export const BACKUP_FORMAT = 'referral-window-backup';

/** Everything the extension keeps, as one JSON file. Validated whole before anything is replaced. */
export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  contacts: z.array(Contact),
  asks: z.array(Ask),
  templates: z.array(Template),
  kv: z.array(z.object({ key: z.string(), value: z.unknown() })),
});
export type Backup = z.infer<typeof Backup>;
