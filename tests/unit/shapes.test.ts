// @vitest-environment happy-dom
/**
 * The shape matrix (issue 14): every adapter on every shape of its host, the shapes written from
 * public facts about each host's DOM over the years rather than from the adapter's selectors. A
 * reader returns the right contact, or says the page is ambiguous, or says what is missing:
 * never another person.
 */
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/hosts';
import { loadFixture, readPage } from './load-fixture';

const SINCE = '2026-07-20';
const US_SINCE = '07/20/2026';

interface Shape {
  fixture: string;
  url: string;
  replace?: Record<string, string>;
  email?: string;
  name?: string;
  ambiguous?: string[];
  facts?: Record<string, unknown>;
}

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgz';
const SHAPES: Shape[] = [
  // Gmail
  { fixture: 'gmail/thread-own-reply-last.html', url: GMAIL, email: 'dana@acme-logistics.example', name: 'Dana Whitfield' },
  { fixture: 'gmail/thread-special-name.html', url: GMAIL, email: 'zoe.oconnor@renard-freres.example' },
  { fixture: 'shapes/gmail-hidden-stale-thread.html', url: GMAIL, email: 'ines.duarte@duarte-vinhos.example', name: 'Inês Duarte' },
  { fixture: 'shapes/gmail-hovercard-renamed.html', url: GMAIL, email: 'zoltan@kiss-kft.example' },
  { fixture: 'shapes/gmail-two-open-threads.html', url: GMAIL, ambiguous: ['ana@alpha-labs.example', 'ben@beta-works.example'] },
  // Outlook
  {
    fixture: 'outlook/conversation-reply.html',
    url: 'https://outlook.office.com/mail/inbox/id/A',
    email: 'kenji.sato@hoshi-foods.example',
    name: 'Kenji Sato',
  },
  { fixture: 'outlook/new-message.html', url: 'https://outlook.office.com/mail/deeplink/compose', email: 'ines.duarte@duarte-vinhos.example' },
  // No account shown: the open reply's recipient settles which sender is the client.
  {
    fixture: 'outlook/conversation-reply.html',
    url: 'https://outlook.office.com/mail/inbox/id/C',
    replace: { '<div id="mectrl_currentAccount_secondary">alex@northwind.example</div>': '' },
    email: 'kenji.sato@hoshi-foods.example',
  },
  { fixture: 'shapes/outlook-hashed.html', url: 'https://outlook.office.com/mail/inbox/id/B', email: 'kenji.sato@hoshi-foods.example', name: 'Kenji Sato' },
  // HubSpot
  {
    fixture: 'hubspot/contact-record.html',
    url: 'https://app.hubspot.com/contacts/1/record/0-1/51',
    replace: { '{{CUSTOMER_SINCE}}': US_SINCE },
    email: 'priya.raman@lumen-health.example',
    name: 'Priya Raman',
    facts: { customerSince: SINCE, nps: 9 },
  },
  {
    fixture: 'shapes/hubspot-plain-text.html',
    url: 'https://app.hubspot.com/contacts/1/record/0-1/52',
    replace: { '{{CUSTOMER_SINCE}}': US_SINCE },
    email: 'priya.raman@lumen-health.example',
    name: 'Priya Raman',
    facts: { customerSince: SINCE, nps: 9 },
  },
  {
    fixture: 'shapes/hubspot-inputs.html',
    url: 'https://app-eu1.hubspot.com/contacts/1/record/0-1/53',
    replace: { '{{CUSTOMER_SINCE}}': SINCE },
    email: 'tomasz@wisniewski-logistyka.example',
    name: 'Tomasz Wiśniewski',
    facts: { customerSince: SINCE, nps: 10 },
  },
  {
    fixture: 'shapes/hubspot-highlight-card.html',
    url: 'https://app.hubspot.com/contacts/1/record/0-1/54',
    replace: { '{{CUSTOMER_SINCE}}': SINCE },
    email: 'yara@haddad-trading.example',
    name: 'Yara Haddad',
    facts: { customerSince: SINCE, nps: 10 },
  },
  // Salesforce
  {
    fixture: 'salesforce/contact-record.html',
    url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view',
    replace: { '{{CUSTOMER_SINCE}}': SINCE },
    email: 'marco@bellini-tessuti.example',
    name: 'Marco Bellini',
    facts: { customerSince: SINCE, nps: 10 },
  },
  {
    fixture: 'shapes/salesforce-native-shadow.html',
    url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view',
    replace: { '{{CUSTOMER_SINCE}}': SINCE },
    email: 'marco@bellini-tessuti.example',
    name: 'Marco Bellini',
    facts: { customerSince: SINCE, nps: 10 },
  },
  // Pipedrive
  {
    fixture: 'pipedrive/person.html',
    url: 'https://northwind.pipedrive.com/person/812',
    replace: { '{{CUSTOMER_SINCE}}': SINCE },
    email: 'sofia@nowak-design.example',
    name: 'Sofia Nowak',
    facts: { nps: 4 },
  },
  {
    fixture: 'shapes/pipedrive-new-person.html',
    url: 'https://northwind.pipedrive.com/person/813',
    replace: { '{{CUSTOMER_SINCE}}': SINCE },
    email: 'sofia@nowak-design.example',
    name: 'Sofia Nowak',
    facts: { customerSince: SINCE, nps: 4 },
  },
];

describe('every adapter on every shape of its host', () => {
  it.each(SHAPES.map((s) => [s.fixture, s] as const))('%s', (_, shape) => {
    const doc = loadFixture(shape.fixture, shape.replace);
    const adapter = adapterFor(shape.url)!;
    const page = readPage(adapter, doc, shape.url);
    if (shape.ambiguous) {
      expect(page.contact?.email).toBeUndefined();
      expect(page.ambiguous?.candidates.map((c) => c.email).sort()).toEqual(shape.ambiguous);
      expect(page.missing.join(' ')).toMatch(/which/);
      return;
    }
    expect(page.ambiguous).toBeUndefined();
    expect(page.contact?.email).toBe(shape.email);
    if (shape.name) expect(page.contact?.name).toBe(shape.name);
    for (const [key, value] of Object.entries(shape.facts ?? {})) expect(page.facts?.[key as 'nps'], key).toEqual(value);
  });
});
