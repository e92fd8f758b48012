// @vitest-environment happy-dom
/**
 * Issue 32: the hosts as they are in 2026, each shape a fixture dated and named for it, read
 * through the scripts that ship (the family's dispatch), beside the earlier shapes.
 */
import { describe, expect, it } from 'vitest';
import { mailScript } from '@/entrypoints/mail.content/script';
import { loadFixture, readPage } from '../../tests/unit/load-fixture';
import { CaretMemory, insertIntoCompose } from './compose';

const CLOUD = 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkADc3MmNloudAAA%3D';

describe('Outlook at its new address (outlook.cloud.microsoft, 2026)', () => {
  const outlook = mailScript(CLOUD).builtIn!;

  it('is read by the mail script: the client of the conversation, collapsed older messages no body of theirs', () => {
    expect(outlook.id).toBe('outlook');
    const page = readPage(outlook, loadFixture('outlook-cloud/conversation-reply.html'), CLOUD);
    expect(page.accountEmail).toBe('sam@northwind.example');
    expect(page.contact).toMatchObject({ email: 'astrid@lindqvistdesign.example', name: 'Astrid Lindqvist' });
    // Only the expanded message has a body to read; the collapsed ones are previews.
    expect(page.thread?.messages.map((m) => [m.from, m.text.split('\n')[1]])).toEqual([
      ['astrid@lindqvistdesign.example', 'The rollout went really well and we cut our month-end close from five days to two. Thank you!'],
    ]);
    expect(page.composeCount).toBe(1);
  });

  it('a reply quoting the original as plain blocks: the ask keeps its own greeting, above the signature, addressed to the client', () => {
    const doc = loadFixture('outlook-cloud/conversation-reply.html');
    const editor = outlook.composeEditors(doc)[0]!;
    expect(outlook.recipients(editor)).toEqual({ to: ['astrid@lindqvistdesign.example'], cc: [], readable: true });
    const caret = new CaretMemory(() => outlook.composeEditors(doc));
    const range = doc.createRange();
    range.setStart(editor.firstElementChild!, 0);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    caret.remember(doc);
    const result = insertIntoCompose(
      doc,
      outlook,
      { html: '<p>Hi Astrid,</p><p>Would you introduce a peer?</p>', text: '', to: 'astrid@lindqvistdesign.example' },
      caret,
    );
    expect(result).toMatchObject({ ok: true });
    const html = editor.innerHTML;
    expect(html).toContain('Hi Astrid,');
    expect(html.indexOf('Hi Astrid,')).toBeLessThan(html.indexOf('id="Signature"'));
  });

  it('a new message: the recipient chip is the contact, To read from the chip, not the Cc line', () => {
    const url = 'https://outlook.cloud.microsoft/mail/deeplink/compose';
    const doc = loadFixture('outlook-cloud/new-message.html');
    const page = readPage(outlook, doc, url);
    expect(page.contact).toMatchObject({ email: 'astrid@lindqvistdesign.example' });
    expect(outlook.recipients(outlook.composeEditors(doc)[0]!)).toEqual({ to: ['astrid@lindqvistdesign.example'], cc: [], readable: true });
    expect(outlook.subjectInput(outlook.composeEditors(doc)[0]!)?.getAttribute('aria-label')).toBe('Add a subject');
  });

  it('the earlier address reads the same page the same', () => {
    const old = mailScript('https://outlook.office.com/mail/inbox/id/x').builtIn!;
    const page = readPage(old, loadFixture('outlook-cloud/conversation-reply.html'), 'https://outlook.office.com/mail/inbox/id/x');
    expect(page.contact?.email).toBe('astrid@lindqvistdesign.example');
  });
});
