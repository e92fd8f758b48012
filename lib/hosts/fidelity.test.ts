// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadFixture, readPage } from '../../tests/unit/load-fixture';
import { boundPage, PAGE_LIMITS } from './bounds';
import { CaretMemory, insertIntoCompose } from './compose';
import { gmail } from './gmail';
import { isShown, shownText } from './visible';
import { PageContextSchema } from '../messaging/protocol';

/** A caret placed at `offset` in `node`, remembered as the content script does on selectionchange. */
function caretAt(node: Node, offset: number, editors: () => HTMLElement[] = () => gmail.composeEditors(document)): CaretMemory {
  const caret = new CaretMemory(editors);
  const range = document.createRange();
  range.setStart(node, offset);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  caret.remember(document);
  return caret;
}

describe('visible only', () => {
  it('hidden by attribute, style, an ancestor, a template or inside a hidden shadow host is not shown', () => {
    document.body.innerHTML = `
      <div id="a">a</div>
      <div hidden><span id="b">b</span></div>
      <div aria-hidden="true"><span id="c">c</span></div>
      <div style="display:none"><span id="d">d</span></div>
      <div inert><span id="e">e</span></div>
      <span id="f" style="visibility:hidden">f</span>
      <div style="display:none"><x-host id="g"></x-host></div>`;
    const host = document.getElementById('g')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<i id="h">h</i>';
    const inner = host.shadowRoot!.getElementById('h')!;
    expect(isShown(document.getElementById('a')!)).toBe(true);
    for (const id of ['b', 'c', 'd', 'e', 'f']) expect(isShown(document.getElementById(id)!), id).toBe(false);
    expect(isShown(inner)).toBe(false);
  });

  it('the text a field shows: inputs by value, through shadow roots, without buttons or assistive text', () => {
    document.body.innerHTML = '<div id="v"><input value="2026-05-14"><button>Edit</button><span class="slds-assistive-text">Edit date</span></div>';
    expect(shownText(document.getElementById('v')!)).toBe('2026-05-14');
  });
});

describe('what a page may report', () => {
  it('long values are cut at the source to what the background accepts, newest messages kept', () => {
    const page = boundPage({
      host: 'gmail',
      hostLabel: 'Gmail',
      url: 'https://mail.google.com/mail/u/0/',
      contact: { email: 'a@b.example', name: 'N'.repeat(5_000), company: 'C'.repeat(400) },
      shown: { values: { segment: 'S'.repeat(73), lifecycleStage: 'L'.repeat(90), customerSince: '1'.repeat(500) } },
      thread: { subject: 's'.repeat(2_000), messages: Array.from({ length: 250 }, (_, i) => ({ from: `p${i}@b.example`, text: 'x'.repeat(30_000) })) },
      composeCount: 0,
      missing: Array.from({ length: 30 }, () => 'm'.repeat(500)),
    });
    expect(PageContextSchema.safeParse(page).success).toBe(true);
    // Three tabs of 4 MB threads once slowed every other request: one read carries at most 200,000 characters.
    expect(page.thread!.messages.reduce((n, m) => n + m.text.length, 0)).toBeLessThanOrEqual(PAGE_LIMITS.threadText);
    expect(page.thread!.messages.length).toBeLessThanOrEqual(PAGE_LIMITS.messages);
    expect(page.thread!.messages.at(-1)!.from).toBe('p249@b.example');
    expect(page.shown!.values.segment).toHaveLength(60);
    expect(page.shown!.values.customerSince).toHaveLength(PAGE_LIMITS.shownValue);
  });
});

describe('never into a draft to someone else', () => {
  it('reads the draft recipients around the editor, never the thread around it', () => {
    const doc = loadFixture('gmail/thread-own-reply-last.html');
    const editor = gmail.composeEditors(doc)[0]!;
    expect(gmail.recipients(editor)).toEqual({ to: ['dana@acme-logistics.example'], cc: [], readable: true });
  });

  it('refuses to insert an ask for one person into a draft addressed to another', () => {
    const doc = loadFixture('gmail/thread-own-reply-last.html');
    const caret = new CaretMemory(() => gmail.composeEditors(doc));
    const refused = insertIntoCompose(doc, gmail, { html: '<p>Hi Sam,</p>', text: 'Hi Sam,', to: 'sam@elsewhere.example' }, caret);
    expect(refused).toMatchObject({ ok: false, confirm: { to: ['dana@acme-logistics.example'], cc: [], readable: true } });
    expect(gmail.composeEditors(doc)[0]!.textContent).not.toContain('Hi Sam');
    const done = insertIntoCompose(doc, gmail, { html: '<p>Hi Dana,</p>', text: 'Hi Dana,', to: 'dana@acme-logistics.example' }, caret);
    expect(done.ok).toBe(true);
  });
});

describe('an insert reads as written by hand (issue 18)', () => {
  const draft = (lines: string) => {
    document.body.innerHTML = `<div contenteditable="true" g_editable="true">${lines}<div class="gmail_signature">-- Alex Moreau</div></div>`;
    return document.querySelector<HTMLElement>('div[g_editable]')!;
  };
  const caretIn = (node: Node, offset: number) => caretAt(node, offset);
  const ask = { html: '<p>Hi Zoë,</p><p>Would you introduce a peer?</p>', text: 'Hi Zoë,\n\nWould you introduce a peer?' };

  it('a caret mid-line puts the ask after that line, not glued into it, and a draft that greets is not greeted twice', () => {
    const editor = draft('<div>Hi Zoë, great call today.</div>');
    const line = editor.firstElementChild!.firstChild!;
    insertIntoCompose(document, gmail, ask, caretIn(line, 'Hi Zoë, great'.length));
    expect(editor.firstElementChild!.textContent).toBe('Hi Zoë, great call today.');
    expect(editor.textContent).toContain('Hi Zoë, great call today.Would you introduce a peer?');
    expect(editor.textContent!.match(/Hi Zoë,/g)).toHaveLength(1);
    expect(editor.textContent!.indexOf('Would you')).toBeLessThan(editor.textContent!.indexOf('-- Alex'));
  });

  it('a caret on an empty line stays there, and an empty draft gets the greeting', () => {
    const editor = draft('<div><br></div>');
    insertIntoCompose(document, gmail, ask, caretIn(editor.firstElementChild!, 0));
    expect(editor.textContent!.startsWith('Hi Zoë,Would you introduce a peer?')).toBe(true);
  });
});

describe('issue 32: the signature and the quoted original are not what the user wrote', () => {
  const caretIn = (editor: HTMLElement, node: Node, offset: number) => caretAt(node, offset, () => [editor]);
  const ask = { html: '<p>Hi Noah,</p><p>Would you introduce a peer?</p>', text: 'Hi Noah,\n\nWould you introduce a peer?' };

  it.each([
    ['at the end of the signature', (sig: Element) => [sig.lastChild!, sig.lastChild!.textContent!.length] as const],
    ['inside the signature', (sig: Element) => [sig.firstChild!, 3] as const],
    ['after the signature', (sig: Element) => [sig.parentElement!, sig.parentElement!.childNodes.length] as const],
  ])('Gmail, caret %s: the ask goes above the signature and its "--" line', (_, where) => {
    document.body.innerHTML =
      '<div contenteditable="true" g_editable="true"><div><br></div><div class="gmail_signature_prefix">-- </div><div class="gmail_signature" data-smartmail="gmail_signature">Sam Rivera · Northwind</div></div>';
    const editor = document.querySelector<HTMLElement>('div[g_editable]')!;
    const [node, offset] = where(editor.querySelector('.gmail_signature')!);
    insertIntoCompose(document, gmail, ask, caretIn(editor, node, offset));
    const text = editor.textContent!;
    expect(text).toContain('Hi Noah,');
    expect(text).not.toContain('NorthwindHi Noah');
    expect(text.indexOf('Would you introduce a peer?')).toBeLessThan(text.indexOf('-- '));
    expect(text.endsWith('-- Sam Rivera · Northwind')).toBe(true);
  });

  it('a caret in the quoted original below the signature stays there (the user chose it)', () => {
    document.body.innerHTML =
      '<div contenteditable="true" g_editable="true"><div><br></div><div class="gmail_signature">Sam</div><div class="gmail_quote"><blockquote>Earlier mail</blockquote></div></div>';
    const editor = document.querySelector<HTMLElement>('div[g_editable]')!;
    const quote = editor.querySelector('blockquote')!;
    insertIntoCompose(document, gmail, ask, caretIn(editor, quote.firstChild!, 3));
    expect(editor.textContent!.indexOf('Would you')).toBeGreaterThan(editor.textContent!.indexOf('Sam'));
  });

  it('an Outlook reply: the quoted original\'s "Hi Sam," (plain blocks after #divRplyFwdMsg) is not the user greeting the client', () => {
    document.body.innerHTML =
      '<div contenteditable="true" g_editable="true"><div><br></div><div id="Signature">Alex Moreau | Northwind</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Astrid Lindqvist<br><b>Sent:</b> Monday</div>\n<div>Hi Sam,</div>\n<div>Thanks for the report.</div></div>';
    const editor = document.querySelector<HTMLElement>('div[g_editable]')!;
    insertIntoCompose(
      document,
      gmail,
      { html: '<p>Hi Astrid,</p><p>Would you introduce a peer?</p>', text: '' },
      caretIn(editor, editor.firstElementChild!, 0),
    );
    expect(editor.textContent).toContain('Hi Astrid,Would you introduce a peer?');
  });

  it('a reply where the user already greeted the client above the quote is not greeted twice', () => {
    document.body.innerHTML =
      '<div contenteditable="true" g_editable="true"><div>Hi Astrid, lovely to hear.</div><div><br></div><div id="divRplyFwdMsg"><b>From:</b> Astrid</div><div>Hi Sam,</div></div>';
    const editor = document.querySelector<HTMLElement>('div[g_editable]')!;
    insertIntoCompose(document, gmail, { html: '<p>Hi Astrid,</p><p>Would you introduce a peer?</p>', text: '' }, caretIn(editor, editor.children[1]!, 0));
    expect(editor.textContent!.match(/Hi Astrid,/g)).toHaveLength(1);
  });
});

describe('who is the user, when the page does not say', () => {
  it("the user's own addresses (profile, accounts seen elsewhere) settle a two-sender page; a stranger never does", async () => {
    const { identify, selfFrom } = await import('../identity');
    const page = {
      host: 'outlook' as const,
      hostLabel: 'Outlook',
      url: 'https://outlook.office.com/mail/',
      composeCount: 0,
      people: [
        { email: 'kenji@hoshi.example', name: 'Kenji', seen: 'sender' as const, order: 0 },
        { email: 'alex@northwind.example', seen: 'sender' as const, order: 1 },
      ],
      missing: ['your own address (account menu)'],
    };
    const settled = identify(page, selfFrom({ profileEmail: 'alex@northwind.example' }));
    expect(settled.contact).toEqual({ email: 'kenji@hoshi.example', name: 'Kenji' });
    expect(settled.ambiguous).toBeUndefined();
    const stranger = identify(page, selfFrom({ profileEmail: 'someone@else.example' }));
    expect(stranger.contact).toBeUndefined();
    expect(stranger.ambiguous?.candidates.map((c) => c.email)).toEqual(['kenji@hoshi.example', 'alex@northwind.example']);
  });
});

describe('picks made by hand', () => {
  it("a picked email that is the user's own address is never taken for the contact", async () => {
    const { withMailPicks } = await import('./picks');
    // The user clicked their own address (shown in the page's account chip) when asked for the email.
    const doc = loadFixture('gmail/thread-own-reply-last.html', { '</body>': '<span id="account-chip">alex@northwind.example</span></body>' });
    const taught = withMailPicks(gmail, { email: '#account-chip' });
    expect(readPage(taught, doc, 'https://mail.google.com/mail/u/0/#inbox/x').contact?.email).toBe('dana@acme-logistics.example');
  });
});

describe('text an email hides from its reader is not what it says (issue 33)', () => {
  it.each([
    'display:none',
    'visibility: hidden',
    'opacity:0',
    'font-size:0px',
    'max-height:0; overflow:hidden',
    'color:#ffffff',
    'color: white',
    'mso-hide:all',
  ])('style="%s"', async (style) => {
    const { readableText } = await import('./dom');
    document.body.innerHTML = `<div id="m"><p>Thanks for the call.</p><p style="${style}">We doubled our revenue in a month.</p></div>`;
    expect(readableText(document.getElementById('m')!)).toBe('Thanks for the call.');
  });

  it('white text on its own dark background is shown; an Outlook reply header stops the reading (its quoted blocks are not theirs)', async () => {
    const { readableText } = await import('./dom');
    document.body.innerHTML = '<div id="m"><p style="color:#fff;background:#222">We doubled our revenue.</p></div>';
    expect(readableText(document.getElementById('m')!)).toBe('We doubled our revenue.');
    document.body.innerHTML =
      '<div id="m"><div>Great news below.</div><div id="x_divRplyFwdMsg"><b>From:</b> Ops</div><div>You beat your Q3 numbers by laying off 40 people.</div></div>';
    expect(readableText(document.getElementById('m')!, undefined, '[id$="divRplyFwdMsg"]')).toBe('Great news below.');
  });
});
