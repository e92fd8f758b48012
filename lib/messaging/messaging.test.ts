import { describe, expect, it } from 'vitest';
import { isInsertCommand } from './content-commands';
import { ManualEdit } from '../model';
import { PageContextSchema, requests } from './protocol';

describe('messages', () => {
  it('the content script accepts only a well-formed insert command', () => {
    expect(isInsertCommand({ type: 'compose/insert', html: '<p>x</p>', text: 'x', to: 'dana@acme.example' })).toBe(true);
    // An insert names the person it is for: without it the draft's recipient cannot be checked.
    expect(isInsertCommand({ type: 'compose/insert', html: '<p>x</p>', text: 'x' })).toBe(false);
    expect(isInsertCommand({ type: 'compose/insert', html: 1, text: 'x' })).toBe(false);
    expect(isInsertCommand({ type: 'other', html: '', text: '' })).toBe(false);
    expect(isInsertCommand({ type: 'compose/insert', html: 'x'.repeat(200_001), text: '' })).toBe(false);
    expect(isInsertCommand(null)).toBe(false);
  });

  it("a content script may only report its page and its sidebar frame, an insert undone in it, and read or save its own site's picks", () => {
    const fromContent = Object.entries(requests).filter(([, spec]) => (spec.from as readonly string[]).includes('content'));
    // 'ask/undone' can only discard a draft of its own tab's contact whose text it inserted (background checks both).
    expect(fromContent.map(([type]) => type)).toEqual(['sidebar/frame', 'page/context', 'ask/undone', 'custom/config', 'custom/picks']);
  });

  it('custom CRM origins: https only, normalised', async () => {
    const { Origin } = await import('./protocol');
    expect(Origin.parse('crm.acme.example')).toBe('https://crm.acme.example');
    expect(Origin.parse('https://crm.acme.example/contacts/1?x')).toBe('https://crm.acme.example');
    expect(Origin.safeParse('http://crm.acme.example').success).toBe(false);
    expect(Origin.safeParse('javascript:alert(1)').success).toBe(false);
  });

  it('payloads are validated with reasons', () => {
    expect(ManualEdit.safeParse({ nps: 11 }).success).toBe(false);
    expect(ManualEdit.safeParse({ customerSince: '05/14/2026' }).success).toBe(false);
    expect(ManualEdit.safeParse({ customerSince: '2026-05-14', nps: null }).success).toBe(true);
    expect(PageContextSchema.safeParse({ host: 'gmail', hostLabel: 'Gmail', url: 'notaurl', composeCount: 0, missing: [] }).success).toBe(false);
  });
});

describe('errors a user can read (issue 21)', () => {
  it('internal browser and database messages become plain words that say nothing was written', async () => {
    const { plainError } = await import('./client');
    for (const raw of [
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      'Message exceeded maximum allowed size of 64MiB',
      'contacts.bulkAdd(): 1 of 2 operations failed. Errors: ConstraintError: Key already exists in the object store.',
    ]) {
      const plain = plainError(new Error(raw));
      expect(plain, raw).not.toBe(raw);
      expect(plain).toMatch(/Nothing was written/);
    }
    expect(plainError('This tab shows another contact now; look again and retry.')).toBe('This tab shows another contact now; look again and retry.');
  });
});

describe('a refused backup, in words (issue 33)', () => {
  it('names the record, the field, what is wrong and what it may be', async () => {
    const { Backup } = await import('../backup');
    const { backupProblem } = await import('./words');
    const at = '2026-01-01T00:00:00.000Z';
    const backup = {
      format: 'referral-window-backup',
      version: 1,
      exportedAt: at,
      contacts: [],
      asks: [{ id: 'a', email: 'dana@acme.example', templateId: 't', status: 'sentt', askedAt: at, history: [] }],
      templates: [],
      kv: [],
    };
    const issue = Backup.safeParse(backup).error!.issues[0]!;
    expect(backupProblem(issue as never, backup)).toBe(
      'ask 1 (dana@acme.example), its status, is not one of the choices: it may be drafted, sent, accepted, introduced, converted, declined, no-response',
    );
    expect(backupProblem(issue as never, backup)).not.toMatch(/Invalid option|expected one of|asks\.0/);
  });
});
