// @vitest-environment happy-dom
import { readPage } from '../../tests/unit/load-fixture';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaretMemory, insertIntoCompose } from './compose';
import { parseHostDate } from './dom';
import { gmail } from './gmail';
import { adapterFor } from './index';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../tests/fixtures/gmail', `${name}.html`), 'utf8');

function load(name: string): Document {
  const html = fixture(name);
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  return document;
}

describe('Gmail URLs', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/18c2a7f0b1d4e9a2', true],
    ['https://mail.google.com/mail/u/1/#sent', true],
    ['https://mail.google.com/chat/u/0/', false],
    ['https://calendar.google.com/calendar/u/0/r', false],
    ['https://mail.google.com.evil.example/mail/u/0/', false],
    ['https://outlook.office.com/mail/', false],
  ])('%s -> %s', (url, expected) => {
    expect(adapterFor(url) === gmail).toBe(expected);
  });
});

describe('reading a Gmail thread', () => {
  it('the other party when my own reply is last; never my address', () => {
    const ctx = readPage(gmail, load('thread-own-reply-last'), 'https://mail.google.com/mail/u/0/#inbox/x');
    expect(ctx.accountEmail).toBe('alex@northwind.example');
    expect(ctx.contact).toEqual({ email: 'dana@acme-logistics.example', name: 'Dana Whitfield' });
    expect(ctx.thread?.subject).toBe('Re: Q3 rollout results');
    expect(ctx.thread?.id).toBe('18c2a7f0b1d4e9a2');
    expect(ctx.thread?.messages).toHaveLength(3);
    const [first] = ctx.thread!.messages;
    expect(first).toMatchObject({ from: 'dana@acme-logistics.example', date: new Date(2026, 10, 2, 9, 12).toISOString() });
    expect(first!.text).toMatch(/^Hi Alex,\n/);
    // Quoted text is not part of what they wrote.
    expect(ctx.thread!.messages[1]!.text).not.toContain('went live last week');
    expect(ctx.composeCount).toBe(1);
    expect(ctx.missing).toEqual([]);
  });

  it('a name with &, <, quotes and non-Latin letters, as text', () => {
    const ctx = readPage(gmail, load('thread-special-name'), 'https://mail.google.com/mail/u/0/#inbox/y');
    expect(ctx.contact?.name).toBe(`Zoë "Zed" O'Connor & Søren <Ω> 李`);
    expect(ctx.composeCount).toBe(0);
  });

  it('a page that changed its layout reports what is missing instead of throwing', () => {
    document.documentElement.innerHTML = '<head><title>Gmail</title></head><body><div class="new-layout">Hello</div></body>';
    const ctx = readPage(gmail, document, 'https://mail.google.com/mail/u/0/');
    expect(ctx.contact).toBeUndefined();
    expect(ctx.missing).toEqual(['your own address (page title)', 'an open email thread']);
  });
});

describe('dates as hosts show them', () => {
  it.each([
    ['Tue, Nov 3, 2026, 10:14 AM', new Date(2026, 10, 3, 10, 14)],
    ['Mon, Nov 2, 2026, 4:05 PM', new Date(2026, 10, 2, 16, 5)],
    ['3 Nov 2026, 16:05', new Date(2026, 10, 3, 16, 5)],
    ['2026-11-03', new Date('2026-11-03')],
  ])('%s', (s, d) => expect(parseHostDate(s)).toBe(d.toISOString()));
  it('unreadable -> undefined', () => expect(parseHostDate('yesterday')).toBeUndefined());
});

describe('inserting into a compose editor', () => {
  it('without a caret: at the top, above the signature and quote; subject untouched when filled', () => {
    const doc = load('thread-own-reply-last');
    const result = insertIntoCompose(
      doc,
      gmail,
      { html: '<p>Hello <b>Dana</b></p>', text: 'Hello Dana', subject: 'New' },
      new CaretMemory(() => gmail.composeEditors(doc)),
    );
    expect(result).toEqual({ ok: true, where: 'top', subjectSet: false });
    const editor = gmail.composeEditors(doc)[0]!;
    const html = editor.innerHTML;
    expect(html.indexOf('Hello <b>Dana</b>')).toBeGreaterThanOrEqual(0);
    expect(html.indexOf('Hello')).toBeLessThan(html.indexOf('gmail_signature'));
    expect(html.indexOf('Hello')).toBeLessThan(html.indexOf('gmail_quote'));
  });

  it('no compose open: says how to get one', () => {
    const doc = load('thread-special-name');
    const result = insertIntoCompose(doc, gmail, { html: '<p>x</p>', text: 'x' }, new CaretMemory(() => []));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/No compose window is open/) });
  });
});

describe('opening a reply when no draft is open', () => {
  it('presses Reply and inserts into the editor it opens', async () => {
    const doc = load('thread-special-name');
    const reply = doc.createElement('span');
    reply.className = 'ams bkH';
    reply.addEventListener('click', () => {
      setTimeout(() => {
        const editor = doc.createElement('div');
        editor.setAttribute('contenteditable', 'true');
        editor.setAttribute('g_editable', 'true');
        doc.body.append(editor);
      }, 10);
    });
    doc.body.append(reply);
    expect(gmail.read(doc, 'https://mail.google.com/mail/u/0/#x').canReply).toBe(true);
    const { openReplyIfNeeded } = await import('./compose');
    await openReplyIfNeeded(doc, gmail);
    expect(gmail.composeEditors(doc)).toHaveLength(1);
    expect(gmail.read(doc, 'https://mail.google.com/mail/u/0/#x').canReply).toBe(false);
  });
});
