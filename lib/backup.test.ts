import { describe, expect, it } from 'vitest';
import { Backup, BACKUP_FORMAT } from './backup';

const base = { format: BACKUP_FORMAT, version: 1, exportedAt: '2026-11-25T10:00:00.000Z', contacts: [], asks: [], templates: [] };

describe('a backup is validated whole, every stored key with its own schema (issue 21)', () => {
  it('one bad never-ask entry refuses the backup with what is wrong, instead of emptying the list', () => {
    const out = Backup.safeParse({ ...base, kv: [{ key: 'neverAsk', value: { emails: ['ceo@rival.example', 'not an email'], domains: [] } }] });
    expect(out.success).toBe(false);
    expect(out.error!.issues[0]!.message).toMatch(/^emails line 2 is not an email address/);
  });

  it('"weeklyQueue": "no" is refused, not read as on', () => {
    expect(Backup.safeParse({ ...base, kv: [{ key: 'reminders', value: { weeklyQueue: 'no' } }] }).success).toBe(false);
    expect(Backup.safeParse({ ...base, kv: [{ key: 'reminders', value: { weeklyQueue: false } }] }).success).toBe(true);
  });

  it('a data: or file: thread address is refused: only https pages can be opened', () => {
    const ask = (threadUrl: string) => ({
      id: 'a',
      email: 'd@a.example',
      templateId: 't',
      status: 'sent',
      askedAt: '2026-11-20T10:00:00.000Z',
      threadUrl,
      history: [],
    });
    expect(Backup.safeParse({ ...base, asks: [ask('data:text/html,<script>x</script>')], kv: [] }).success).toBe(false);
    expect(Backup.safeParse({ ...base, asks: [ask('file:///etc/passwd')], kv: [] }).success).toBe(false);
    expect(Backup.safeParse({ ...base, asks: [ask('https://mail.google.com/mail/u/0/#inbox/1')], kv: [] }).success).toBe(true);
  });

  it('an unknown key or a malformed profile is named', () => {
    expect(Backup.safeParse({ ...base, kv: [{ key: 'surprise', value: 1 }] }).error!.issues[0]!.message).toContain('unknown setting "surprise"');
    // The setting is named by the record ("setting 1 (your profile)"), the field in its form's words.
    expect(Backup.safeParse({ ...base, kv: [{ key: 'profile', value: { name: 42 } }] }).error!.issues[0]!.message).toBe(
      '"Your name" is not the right kind of value',
    );
  });
});
