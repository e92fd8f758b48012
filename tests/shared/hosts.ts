/**
 * What both browser suites serve (Chromium through Playwright, Firefox through puppeteer-core):
 * the hand-written host fixtures, at the real host URLs, with each host's strict CSP.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

/** Close to what Gmail sends (2026): nonce-only scripts, Trusted Types enforced, frames from self. */
export const GMAIL_CSP =
  "script-src 'nonce-fixture' 'strict-dynamic' 'report-sample' 'unsafe-eval'; object-src 'none'; base-uri 'self'; " +
  "frame-src 'self'; require-trusted-types-for 'script'; trusted-types default goog#html";

/** Strict policies in the style each host sends (2026): nonce-only scripts, Trusted Types where the host enforces them. */
const CSPS: Record<string, string> = {
  'google.com': GMAIL_CSP,
  'office.com': "script-src 'nonce-fixture' 'strict-dynamic'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'",
  'office365.com': "script-src 'nonce-fixture' 'strict-dynamic'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'",
  'live.com': "script-src 'nonce-fixture' 'strict-dynamic'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'",
  'hubspot.com': "script-src 'self' 'nonce-fixture'; object-src 'none'; frame-src 'self'; base-uri 'self'",
  'force.com': "script-src 'self' 'nonce-fixture'; object-src 'none'; frame-src 'self'; base-uri 'self'; require-trusted-types-for 'script'",
  'pipedrive.com': "script-src 'self' 'nonce-fixture'; object-src 'none'; base-uri 'self'",
};

/** The CSP the host at `url` sends. */
export const cspFor = (url: string): string => CSPS[new URL(url).hostname.split('.').slice(-2).join('.')] ?? GMAIL_CSP;

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
