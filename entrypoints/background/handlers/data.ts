/** Everything at once: the backup (offered only if it would restore), its check, and the restore. */
import { Backup } from '@/lib/backup';
import { KEYS } from '@/lib/keys';
import { announce } from '@/lib/messaging/client';
import { backupProblem } from '@/lib/messaging/words';
import type { Handlers } from '../router';
import { readFile } from '../read-file';
import { setWeeklyReminder } from '../reminders';
import type { Deps } from './deps';

/** What a restore hears when the backup its check kept is gone (the worker restarted): the page sends it again. */
export const FORGOTTEN = 'The checked backup is no longer held (the extension restarted): sending it again.';

/** A backup, checked whole; a plain message saying what is wrong otherwise. */
export function checkBackup(backup: unknown): Backup {
  const parsed = Backup.safeParse(backup);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`This is not a valid Referral window backup: ${backupProblem(issue as never, backup)}. Nothing was changed.`);
  }
  return parsed.data;
}

/** Records up to which a backup file is indented for reading; a larger one is written compact (half the size). */
const READABLE_UP_TO = 20_000;

export function dataHandlers({
  store,
  transfers,
  now,
}: Deps): Pick<Handlers, 'backup/export' | 'backup/piece' | 'upload/piece' | 'backup/check' | 'backup/restore'> {
  /** The backup a check or restore names: sent whole, gathered from its pieces, or read where the page holds it. */
  const received = async (source: { backup?: unknown; upload?: string; file?: string }): Promise<unknown> => {
    if (source.file === undefined && source.upload === undefined) return source.backup;
    const text = source.file === undefined ? transfers.take(source.upload!) : await readFile(source.file);
    try {
      return JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError) throw new Error('This is not a JSON file. Nothing was changed.');
      throw error;
    }
  };
  /** The backup the last check read, until the restore that follows (or the next check). */
  let checked: { id: string; backup: Backup } | undefined;
  return {
    async 'backup/export'() {
      // A backup is offered only if it would restore: checked against the restore validator first.
      const backup = await store.exportAll(now().toISOString());
      const check = Backup.safeParse(backup);
      if (!check.success) {
        throw new Error(
          `The backup could not be made: a stored value would not restore (${backupProblem(check.error.issues[0]!, backup)}). Nothing was downloaded.`,
        );
      }
      const { contacts, asks, templates } = check.data;
      const text = contacts.length + asks.length <= READABLE_UP_TO ? JSON.stringify(check.data, null, 2) : JSON.stringify(check.data);
      const id = crypto.randomUUID();
      return { id, pieces: transfers.offer(id, text), contacts: contacts.length, asks: asks.length, templates: templates.length };
    },

    'backup/piece': async ({ id, index }) => transfers.piece(id, index),

    async 'upload/piece'({ id, index, text }) {
      transfers.put(id, index, text);
      return null;
    },

    async 'backup/check'(source) {
      const valid = checkBackup(await received(source));
      // Kept for the restore the user confirms next: sent, parsed and checked once (issue 35: a
      // 200,000-contact restore sent the file twice and checked it three times). One at a time.
      checked = { id: crypto.randomUUID(), backup: valid };
      return {
        exportedAt: valid.exportedAt,
        incoming: { contacts: valid.contacts.length, asks: valid.asks.length, templates: valid.templates.length },
        current: await store.counts(),
        checked: checked.id,
      };
    },

    async 'backup/restore'(source) {
      // Said as it goes: 200,000 contacts take minutes to write.
      const progress = (done: number, total: number) => void announce({ type: 'restore/progress', done, total });
      let valid: Backup;
      if ('checked' in source) {
        // The worker slept since the check: the page sends the file again.
        if (checked?.id !== source.checked) throw new Error(FORGOTTEN);
        valid = checked.backup;
      } else valid = checkBackup(await received(source));
      checked = undefined;
      const counts = await store.restoreAll(valid, progress, { checked: true });
      // The badge follows from the restore's announcement (refresh.ts), after this answer: awaited
      // here too, it was read twice at once and held "restored" back 10 s at 50,000 asks (issue 35).
      // Alarms are not data: the restored reminder setting is applied to them, as the backup holds
      // it (read back from the database, it waited behind the reads the restore's refresh starts).
      await setWeeklyReminder(KEYS.reminders.read(valid.kv.find((row) => row.key === 'reminders')?.value).weeklyQueue);
      return counts;
    },
  };
}
