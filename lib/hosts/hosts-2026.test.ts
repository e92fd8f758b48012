// @vitest-environment happy-dom
/**
 * Issue 32: the hosts as they are in 2026, each shape a fixture dated and named for it, read
 * through the scripts that ship (the family's dispatch), beside the earlier shapes.
 */
import { describe, expect, it } from 'vitest';
import { mailScript } from '@/entrypoints/mail.content/script';
import { crmScript } from '@/entrypoints/host.content/script';
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

describe("the CRMs' own email composers, found by what they are (2026)", () => {
  const HUBSPOT_URL = 'https://app.hubspot.com/contacts/2456789/record/0-1/7001';
  const SALESFORCE_URL = 'https://northwind.lightning.force.com/lightning/r/Contact/0035g00000XYZABAA4/view';

  const insertAt = (doc: Document, adapter: ReturnType<typeof crmScript>['builtIn'] & object, to: string) => {
    const editor = adapter.composeEditors(doc)[0]!;
    return insertIntoCompose(
      doc,
      adapter,
      { html: '<p>Hi there,</p><p>Would you introduce a peer?</p>', text: '', subject: 'A quick favour', to },
      new CaretMemory(() => [editor]),
    );
  };

  it("HubSpot's email dialog (Draft.js): the one composer, addressed to the contact, with its subject; a note editor is not one", () => {
    const hubspot = crmScript(HUBSPOT_URL, 'app.hubspot.com').builtIn!;
    const doc = loadFixture('hubspot/contact-record-2026.html', { '{{CUSTOMER_SINCE}}': '2026-07-20' });
    const editors = hubspot.composeEditors(doc);
    expect(editors).toHaveLength(1);
    expect(editors[0]!.closest('[role="dialog"]')).not.toBeNull();
    expect(hubspot.recipients(editors[0]!)).toEqual({ to: ['astrid@lindqvistdesign.example'], cc: [], readable: true });
    expect(readPage(hubspot, doc, HUBSPOT_URL).composeCount).toBe(1);
    expect(insertAt(doc, hubspot, 'astrid@lindqvistdesign.example')).toMatchObject({ ok: true, subjectSet: true });
    expect(editors[0]!.textContent).toContain('Would you introduce a peer?');
    expect(doc.querySelector<HTMLInputElement>('[role="dialog"] input')!.value).toBe('A quick favour');
    // Through the identity gate: a draft to someone else is not written into without a yes.
    const other = loadFixture('hubspot/contact-record-2026.html', { 'title="astrid@lindqvistdesign.example"': 'title="lars@elsewhere.example"' });
    expect(insertAt(other, hubspot, 'astrid@lindqvistdesign.example')).toMatchObject({ ok: false, confirm: { to: ['lars@elsewhere.example'] } });
  });

  it('HubSpot: name and company from the record (highlight title, Companies card), never the domain', () => {
    const hubspot = crmScript(HUBSPOT_URL, 'app.hubspot.com').builtIn!;
    const page = readPage(hubspot, loadFixture('hubspot/contact-record-2026.html', { '{{CUSTOMER_SINCE}}': '2026-07-20' }), HUBSPOT_URL);
    expect(page.contact).toMatchObject({ email: 'astrid@lindqvistdesign.example', name: 'Astrid Lindqvist', company: 'Lindqvist Design AB' });
    // Without the Companies card, the highlight subtitle's link to the company record.
    const noCard = loadFixture('hubspot/contact-record-2026.html', { 'data-test-id="associations-card-companies"': 'data-test-id="x"' });
    expect(readPage(hubspot, noCard, HUBSPOT_URL).contact?.company).toBe('Lindqvist Design AB');
    // The earlier layout, side by side: its "Company name" property.
    expect(readPage(hubspot, loadFixture('hubspot/contact-record.html'), 'https://app.hubspot.com/contacts/2456789/record/0-1/51').contact?.company).toBe(
      'Lumen Health & Care',
    );
  });

  it("Salesforce's email action (lightning-input-rich-text, Quill, in a shadow root): found, addressed, written into", () => {
    const salesforce = crmScript(SALESFORCE_URL, 'northwind.lightning.force.com').builtIn!;
    const doc = loadFixture('salesforce/contact-record-2026.html', { '{{CUSTOMER_SINCE}}': '2026-07-20' });
    const editors = salesforce.composeEditors(doc);
    expect(editors.map((e) => e.className)).toEqual(['ql-editor slds-rich-text-area__content']);
    expect(salesforce.recipients(editors[0]!)).toEqual({ to: ['marco@bellini-tessuti.example'], cc: [], readable: true });
    expect(salesforce.subjectInput(editors[0]!)?.getAttribute('aria-label')).toBe('Subject');
    expect(insertAt(doc, salesforce, 'marco@bellini-tessuti.example')).toMatchObject({ ok: true, subjectSet: true });
    expect(editors[0]!.textContent).toContain('Would you introduce a peer?');
  });
});

describe('Pipedrive, the newer person layout and deal pages (2026)', () => {
  const host = 'northwind.pipedrive.com';
  it('a person: badges beside values are never part of them; a badge that is the whole value is the value', () => {
    const url = 'https://northwind.pipedrive.com/person/77';
    const page = readPage(crmScript(url, host).builtIn!, loadFixture('pipedrive/person-2026.html', { '{{CUSTOMER_SINCE}}': '2026-07-20' }), url);
    expect(page.contact).toMatchObject({ email: 'kai@larsenbyg.example', name: 'Kai Larsen', company: 'Larsen Byg ApS' });
    expect(page.facts).toEqual({ customerSince: '2026-07-20', nps: 9, lifecycleStage: 'Customer' });
  });

  it("a deal: the person to ask is the deal's person (from its side panel), with the won time as customer since", () => {
    const url = 'https://northwind.pipedrive.com/deal/4410';
    const page = readPage(crmScript(url, host).builtIn!, loadFixture('pipedrive/deal-2026.html', { '{{CUSTOMER_SINCE}}': '2026-07-20' }), url);
    expect(page.contact).toMatchObject({ email: 'kai@larsenbyg.example', name: 'Kai Larsen', company: 'Larsen Byg ApS' });
    expect(page.people?.map((p) => p.seen)).toEqual(['associated']);
    expect(page.facts).toEqual({ customerSince: '2026-07-20' });
  });

  it('the earlier layouts, side by side, read as before', () => {
    const url = 'https://northwind.pipedrive.com/person/812';
    const page = readPage(crmScript(url, host).builtIn!, loadFixture('pipedrive/person.html', { '{{CUSTOMER_SINCE}}': '2026-07-20' }), url);
    expect(page.contact).toMatchObject({ email: 'sofia@nowak-design.example', name: 'Sofia Nowak', company: 'Nowak Design' });
  });
});
