/** Everything at once: the backup (offered only if it would restore), its check, and the restore. */
import { Backup } from '@/lib/backup';
import type { Handlers } from '../router';
import { refreshFollowUps } from '../follow-ups';
import { setWeeklyReminder } from '../reminders';
import type { Deps } from './deps';

/** A backup, checked whole; a plain message saying what is wrong otherwise. */
export function checkBackup(backup: unknown): Backup {
  const parsed = Backup.safeParse(backup);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`This is not a valid Referral window backup (${issue.path.join('.') || 'file'}: ${issue.message}). Nothing was changed.`);
  }
  return parsed.data;
}

export function dataHandlers({ store, now }: Deps): Pick<Handlers, 'backup/export' | 'backup/check' | 'backup/restore'> {
  return {
    async 'backup/export'() {
      // A backup is offered only if it would restore: checked against the restore validator first.
      const backup = await store.exportAll(now().toISOString());
      const check = Backup.safeParse(backup);
      if (!check.success) {
        const issue = check.error.issues[0]!;
        throw new Error(`The backup could not be made: a stored value would not restore (${issue.path.join('.')}: ${issue.message}). Nothing was downloaded.`);
      }
      return check.data;
    },

    async 'backup/check'({ backup }) {
      const valid = checkBackup(backup);
      return {
        exportedAt: valid.exportedAt,
        incoming: { contacts: valid.contacts.length, asks: valid.asks.length, templates: valid.templates.length },
        current: await store.counts(),
      };
    },

    async 'backup/restore'({ backup }) {
      const counts = await store.restoreAll(checkBackup(backup));
      // Alarms are not data: the restored reminder setting is applied to them.
      await refreshFollowUps(store);
      await setWeeklyReminder((await store.getValue('reminders', { weeklyQueue: false })).weeklyQueue);
      return counts;
    },
  };
}
