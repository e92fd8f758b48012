// @vitest-environment happy-dom
import { readPage } from '../../tests/unit/load-fixture';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaretMemory, insertIntoCompose } from './compose';
import { hubspot, isHubSpotRecord } from './hubspot';
import { adapterFor } from './index';
import { outlook } from './outlook';
import { isPipedrivePerson, pipedrive } from './pipedrive';
import { isSalesforceRecord, salesforce } from './salesforce';
import type { HostAdapter } from './types';

function load(file: string, since = '2026-07-20'): Document {
  const html = readFileSync(path.join(__dirname, '../../tests/fixtures', file), 'utf8').replaceAll('{{CUSTOMER_SINCE}}', since);
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
  return document;
}

describe('URL predicates (each matches its own pages and none of the others)', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.live.com/mail/0/inbox', 'outlook'],
    ['https://outlook.office.com/calendar/view/week', undefined],
    ['https://app.hubspot.com/contacts/2456789/record/0-1/51', 'hubspot'],
    ['https://app-eu1.hubspot.com/contacts/2456789/record/0-3/77', 'hubspot'],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view', 'salesforce'],
    ['https://acme.my.lightning.force.com/lightning/r/Lead/00Q5g00000ABCDEAA4/view', 'salesforce'],
    ['https://northwind.pipedrive.com/person/812', 'pipedrive'],
    ['https://hubspot.com.evil.example/contacts/1/record/0-1/2', undefined],
    ['https://example.com/person/812', undefined],
  ];
  it.each(cases)('%s -> %s', (url, id) => expect(adapterFor(url)?.id).toBe(id));
  it('record pages versus other pages of the same host', () => {
    expect(isHubSpotRecord('https://app.hubspot.com/contacts/2456789/record/0-1/51')).toBe(true);
    expect(isHubSpotRecord('https://app.hubspot.com/reports-dashboard/2456789')).toBe(false);
    expect(isSalesforceRecord('https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view')).toBe(true);
    expect(isSalesforceRecord('https://acme.lightning.force.com/lightning/o/Contact/list')).toBe(false);
    expect(isPipedrivePerson('https://northwind.pipedrive.com/person/812')).toBe(true);
    expect(isPipedrivePerson('https://northwind.pipedrive.com/deal/812')).toBe(false);
    expect(adapterFor('https://outlook.office.com/mail/')?.id).toBe('outlook');
  });
});

describe('Outlook', () => {
  it('reads the conversation and the other party, never my address', () => {
    const ctx = readPage(outlook, load('outlook/conversation-reply.html'), 'https://outlook.office.com/mail/inbox/id/x');
    expect(ctx.accountEmail).toBe('alex@northwind.example');
    expect(ctx.contact).toEqual({ email: 'kenji.sato@hoshi-foods.example', name: 'Kenji Sato' });
    expect(ctx.thread?.messages.map((m) => m.from)).toEqual(['kenji.sato@hoshi-foods.example', 'alex@northwind.example']);
    expect(ctx.thread?.messages[0]?.date).toBe(new Date(2026, 10, 12, 9, 41).toISOString());
    expect(ctx.thread?.id).toBe('AAQkAGI2TG93AAA=');
    expect(ctx.composeCount).toBe(1);
    expect(ctx.missing).toEqual([]);
  });
});

describe('Outlook new message', () => {
  it('no conversation: the recipient is the contact, the subject is set only when empty', () => {
    const doc = load('outlook/new-message.html');
    const ctx = readPage(outlook, doc, 'https://outlook.office.com/mail/deeplink/compose');
    expect(ctx.contact).toEqual({ email: 'ines.duarte@duarte-vinhos.example', name: 'Inês Duarte' });
    expect(ctx.thread).toBeUndefined();
    const editors = outlook.composeEditors(doc);
    expect(editors).toHaveLength(1);
    insertIntoCompose(doc, outlook, { html: '<p>Olá</p>', text: 'Olá', subject: 'A quick favour' }, new CaretMemory(() => editors));
    expect(outlook.subjectInput(editors[0]!)?.value).toBe('A quick favour');
  });
});

describe('CRM records', () => {
  it('Salesforce Lead: company and email from the fields', () => {
    const ctx = readPage(salesforce, load('salesforce/lead-record.html'), 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000ABCDEAA4/view');
    expect(ctx.contact).toEqual({ email: 'yuki@tanaka-robotics.example', name: 'Yuki Tanaka', company: 'Tanaka Robotics K.K.' });
    expect(ctx.composeCount).toBe(0);
  });

  it('HubSpot deal: the associated contact, and the close date as customer since', () => {
    const ctx = readPage(hubspot, load('hubspot/deal-record.html', '2026-06-30'), 'https://app.hubspot.com/contacts/2456789/record/0-3/77');
    expect(ctx.contact).toEqual({ email: 'priya.raman@lumen-health.example', name: 'Priya Raman' });
    expect(ctx.facts).toEqual({ customerSince: '2026-06-30' });
    expect(ctx.missing).toEqual([]);
  });

  it('HubSpot: name, email, company and facts from the properties', () => {
    const ctx = readPage(hubspot, load('hubspot/contact-record.html', '05/14/2026'), 'https://app.hubspot.com/contacts/2456789/record/0-1/51');
    expect(ctx.contact).toEqual({ email: 'priya.raman@lumen-health.example', name: 'Priya Raman', company: 'Lumen Health & Care' });
    expect(ctx.facts).toEqual({ customerSince: '2026-05-14', nps: 9, openTickets: 0, lifecycleStage: 'Customer' });
    expect(ctx.composeCount).toBe(1);
  });

  it('Salesforce: fields as label/value pairs', () => {
    const ctx = readPage(
      salesforce,
      load('salesforce/contact-record.html', '14 May 2026'),
      'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view',
    );
    expect(ctx.contact).toEqual({ email: 'marco@bellini-tessuti.example', name: 'Marco Bellini', company: 'Bellini Tessuti' });
    expect(ctx.facts).toEqual({ customerSince: '2026-05-14', nps: 10, timeZone: 'Europe/Rome' });
  });

  it('Pipedrive: person details', () => {
    const ctx = readPage(pipedrive, load('pipedrive/person.html'), 'https://northwind.pipedrive.com/person/812');
    expect(ctx.contact).toEqual({ email: 'sofia@nowak-design.example', name: 'Sofia Nowak', company: 'Nowak Design' });
    expect(ctx.facts).toEqual({ customerSince: '2026-07-20', nps: 4 });
  });

  it('a record whose layout changed says what is missing', () => {
    document.documentElement.innerHTML = '<body><div class="new">Priya</div></body>';
    const ctx = readPage(hubspot, document, 'https://app.hubspot.com/contacts/2456789/record/0-1/51');
    expect(ctx.contact?.email).toBeUndefined();
    expect(ctx.missing).toEqual(["the contact's email on this HubSpot record"]);
  });
});

describe('inserting on every host', () => {
  it.each<[string, HostAdapter, string]>([
    ['outlook/conversation-reply.html', outlook, 'Signature'],
    ['hubspot/contact-record.html', hubspot, 'hs-signature'],
    ['salesforce/contact-record.html', salesforce, 'signature'],
    ['pipedrive/person.html', pipedrive, ''],
  ])('%s: at the top, above the signature, subject set when empty', (file, adapter, signature) => {
    const doc = load(file);
    const result = insertIntoCompose(
      doc,
      adapter,
      { html: '<p>Hello there</p>', text: 'Hello there', subject: 'A quick favour' },
      new CaretMemory(() => adapter.composeEditors(doc)),
    );
    expect(result.ok).toBe(true);
    const html = adapter.composeEditors(doc)[0]!.innerHTML;
    expect(html).toContain('Hello there');
    if (signature) expect(html.indexOf('Hello there')).toBeLessThan(html.indexOf(signature));
    const subject = adapter.subjectInput(adapter.composeEditors(doc)[0]!);
    if (subject) expect(subject.value).toBe('A quick favour');
  });
});

describe('a record date that can be read two ways (issue 31: never guessed)', () => {
  const url = 'https://app.hubspot.com/contacts/2456789/record/0-1/51';
  it.each([
    ['en-US', '2026-08-04'],
    ['en-GB', '2026-04-08'],
    ['de', '2026-04-08'],
    ['fr-FR', '2026-04-08'],
  ])('a page declaring %s shows 08/04/2026 as %s', (lang, day) => {
    const doc = load('hubspot/contact-record.html', '08/04/2026');
    doc.documentElement.lang = lang;
    expect(readPage(hubspot, doc, url).facts?.customerSince).toBe(day);
  });

  it.each(['en', ''])('a page declaring "%s" (no region) does not say: the date is not read, and the sidebar says why', (lang) => {
    const doc = load('hubspot/contact-record.html', '08/04/2026');
    doc.documentElement.lang = lang;
    const ctx = readPage(hubspot, doc, url);
    expect(ctx.facts?.customerSince).toBeUndefined();
    expect(ctx.missing).toContain('customer since ("08/04/2026" can be day or month first: enter it below)');
    // A date only one order can read is read whatever the page declares.
    const clear = load('hubspot/contact-record.html', '08/24/2026');
    clear.documentElement.lang = lang;
    expect(readPage(hubspot, clear, url).facts?.customerSince).toBe('2026-08-24');
  });
});
