/**
 * What both browser suites serve (Chromium through Playwright, Firefox through puppeteer-core):
 * the hand-written host fixtures, at the real host URLs, with each host's strict CSP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rowFor, type NamedHostId } from '../../lib/hosts/registry';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

const STRICT = "object-src 'none'; base-uri 'self'";
const TRUSTED_TYPES = "require-trusted-types-for 'script'";

/**
 * Each named host's page the browser suites read (`registry.test.ts`, `hosts.spec.ts`) and the
 * strict policy it sends, in the style of 2026 (nonce-only scripts, Trusted Types where the host
 * enforces them): the compiler asks for a new registry row's.
 */
export const HOST_FIXTURES: Record<NamedHostId, { url: string; file: string; email: string; name: string; csp: string }> = {
  gmail: {
    url: 'https://mail.google.com/mail/u/0/thread-own-reply-last',
    file: 'gmail/thread-own-reply-last.html',
    email: 'dana@acme-logistics.example',
    name: 'Dana Whitfield',
    csp: `script-src 'nonce-fixture' 'strict-dynamic' 'report-sample' 'unsafe-eval'; ${STRICT}; frame-src 'self'; ${TRUSTED_TYPES}; trusted-types default goog#html`,
  },
  outlook: {
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGI2',
    file: 'outlook/conversation-reply.html',
    email: 'kenji.sato@hoshi-foods.example',
    name: 'Kenji Sato',
    csp: `script-src 'nonce-fixture' 'strict-dynamic'; ${STRICT}; ${TRUSTED_TYPES}`,
  },
  hubspot: {
    url: 'https://app.hubspot.com/contacts/2456789/record/0-1/51',
    file: 'hubspot/contact-record.html',
    email: 'priya.raman@lumen-health.example',
    name: 'Priya Raman',
    csp: `script-src 'self' 'nonce-fixture'; ${STRICT}; frame-src 'self'`,
  },
  salesforce: {
    url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view',
    file: 'salesforce/contact-record.html',
    email: 'marco@bellini-tessuti.example',
    name: 'Marco Bellini',
    csp: `script-src 'self' 'nonce-fixture'; ${STRICT}; frame-src 'self'; ${TRUSTED_TYPES}`,
  },
  pipedrive: {
    url: 'https://northwind.pipedrive.com/person/812',
    file: 'pipedrive/person.html',
    email: 'sofia@nowak-design.example',
    name: 'Sofia Nowak',
    csp: `script-src 'self' 'nonce-fixture'; ${STRICT}`,
  },
};

/** A fixture's HTML with its placeholders filled ({{CUSTOMER_SINCE}}, or a part appended before </body>). */
export function fixtureHtml(fixture: string, replace: Record<string, string> = {}): string {
  let body = readFileSync(path.join(FIXTURES, fixture), 'utf8');
  for (const [from, to] of Object.entries(replace)) body = body.replaceAll(from, to);
  return body;
}

/** A replacement that appends a fixture part (tests/fixtures/<part>) before </body>. */
export function withPart(part: string): Record<string, string> {
  return { '</body>': `${readFileSync(path.join(FIXTURES, part), 'utf8')}</body>` };
}

/** The Gmail URL a fixture is served at. */
export const gmailUrl = (fixture: string, variant = '') => `https://mail.google.com/mail/u/0/${fixture.replace(/\W+/g, '-')}${variant}`;

/** A calendar day `days` ago, as the date input takes it. */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** What Gmail sends (2026). */
export const GMAIL_CSP: string = HOST_FIXTURES.gmail.csp;

/** The CSP the host at `url` sends (Gmail's strict one for any page of no named host). */
export const cspFor = (url: string): string => {
  const id = rowFor(url)?.id as NamedHostId | undefined;
  return id ? HOST_FIXTURES[id].csp : GMAIL_CSP;
};

/**
 * Adds a message to a Gmail fixture's thread the way Gmail renders one, run inside the page
 * (`page.evaluate(gmailMessageInPage, …)` in Playwright and puppeteer alike): DOM APIs only, as
 * the page enforces Trusted Types. Self-contained: it is sent to the page as source.
 */
export function gmailMessageInPage({ email, name, text }: { email: string; name: string; text: string }): void {
  const when = new Date().toLocaleString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
  const msg = document.createElement('div');
  msg.className = 'adn ads';
  msg.setAttribute('data-message-id', `#msg-f:${Date.now()}`);
  const sender = document.createElement('span');
  sender.className = 'gD';
  sender.setAttribute('email', email);
  sender.setAttribute('name', name);
  sender.textContent = name;
  const date = document.createElement('span');
  date.className = 'g3';
  date.setAttribute('title', when);
  date.textContent = when;
  const body = document.createElement('div');
  body.className = 'a3s';
  body.textContent = text;
  msg.append(sender, date, body);
  document.querySelector('.Bs')!.append(msg);
}
