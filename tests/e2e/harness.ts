/**
 * Launches the production build (.output/chrome-mv3) in Chromium with a fresh profile and serves
 * hand-written host fixtures at the real host URLs, with the host's strict CSP (Trusted Types
 * included), so the production manifest's matches apply unchanged (see the README: Privacy and security, and the tests that hold them).
 * Every test fails on a page error and on any network request: the extension must need none.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION = path.join(ROOT, '.output/chrome-mv3');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

/** Close to what Gmail sends (2026): nonce-only scripts, Trusted Types enforced, frames from self. */
export const GMAIL_CSP =
  "script-src 'nonce-fixture' 'strict-dynamic' 'report-sample' 'unsafe-eval'; object-src 'none'; base-uri 'self'; " +
  "frame-src 'self'; require-trusted-types-for 'script'; trusted-types default goog#html";

/** Strict policies in the style each host sends (2026): nonce-only scripts, Trusted Types where the host enforces them. */
const csps: Record<string, string> = {
  'google.com': GMAIL_CSP,
  'office.com': "script-src 'nonce-fixture' 'strict-dynamic'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'",
  'office365.com': "script-src 'nonce-fixture' 'strict-dynamic'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'",
  'live.com': "script-src 'nonce-fixture' 'strict-dynamic'; object-src 'none'; base-uri 'self'; require-trusted-types-for 'script'",
  'hubspot.com': "script-src 'self' 'nonce-fixture'; object-src 'none'; frame-src 'self'; base-uri 'self'",
  'force.com': "script-src 'self' 'nonce-fixture'; object-src 'none'; frame-src 'self'; base-uri 'self'; require-trusted-types-for 'script'",
  'pipedrive.com': "script-src 'self' 'nonce-fixture'; object-src 'none'; base-uri 'self'",
};

export function chromiumPath(): string | undefined {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  try {
    const own = chromium.executablePath();
    if (existsSync(own)) return own;
  } catch {
    // Playwright's own browser is not installed here; fall through to the system one.
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export async function launch(profileDir: string, extension = EXTENSION): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  if (!existsSync(path.join(extension, 'manifest.json'))) throw new Error('Build first: npm run build');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

export interface Host {
  /**
   * Serves a fixture file at a real host URL with the host's CSP. `replace` fills placeholders
   * such as {{CUSTOMER_SINCE}} (dates relative to today).
   */
  serve(urlPattern: string, fixture: string, options?: { csp?: string; replace?: Record<string, string> }): Promise<void>;
}

type Fixtures = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Requests that left the browser (there must be none). */
  network: string[];
  pageErrors: string[];
  host: Host;
  /** Opens a Gmail fixture at a real Gmail URL and waits for the sidebar. */
  openGmail: (fixture: string, replace?: Record<string, string>) => Promise<Page>;
  /** Opens any fixture at the given real host URL and waits for the sidebar. */
  openHost: (url: string, fixture: string, replace?: Record<string, string>) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  network: async ({}, use) => {
    await use([]);
  },
  pageErrors: async ({}, use) => {
    await use([]);
  },
  context: async ({ network, pageErrors }, use) => {
    const profile = mkdtempSync(path.join(tmpdir(), 'rw-profile-'));
    const { context } = await launch(profile);
    const fixtureHosts = new Set<string>();
    (context as BrowserContext & { fixtureHosts?: Set<string> }).fixtureHosts = fixtureHosts;
    context.on('request', (req) => {
      const url = req.url();
      if (/^(chrome-extension|data|blob|about):/.test(url)) return;
      if ([...fixtureHosts].some((h) => url.startsWith(h))) return;
      network.push(`${req.method()} ${url}`);
    });
    context.on('page', (page) => page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`)));
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    expect(network, 'the extension made network requests').toEqual([]);
    expect(pageErrors, 'errors were thrown in a page').toEqual([]);
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  host: async ({ context }, use) => {
    const hosts = (context as BrowserContext & { fixtureHosts: Set<string> }).fixtureHosts;
    await use({
      async serve(urlPattern, fixture, { csp = GMAIL_CSP, replace = {} } = {}) {
        hosts.add(new URL(urlPattern.replace(/\*+/g, 'x')).origin);
        let body = readFileSync(path.join(FIXTURES, fixture), 'utf8');
        for (const [from, to] of Object.entries(replace)) body = body.replaceAll(from, to);
        await context.route(urlPattern, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': csp }, body }),
        );
      },
    });
  },
  openHost: async ({ context, host }, use) => {
    await use(async (url, fixture, replace) => {
      await host.serve(url, fixture, { replace, csp: csps[new URL(url).hostname.split('.').slice(-2).join('.')] ?? GMAIL_CSP });
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.locator('[data-testid="referral-sidebar"]')).toBeVisible();
      return page;
    });
  },
  openGmail: async ({ openHost }, use) => {
    let variant = 0;
    // Each variant gets its own URL, so two variants of one fixture can be open side by side.
    await use((fixture, replace) =>
      openHost(`https://mail.google.com/mail/u/0/${fixture.replace(/\W+/g, '-')}${replace ? `-v${++variant}` : ''}`, `gmail/${fixture}.html`, replace),
    );
  },
});

export { expect };

/** A replacement that appends a fixture part (tests/fixtures/<part>) before </body>. */
export function withPart(part: string): Record<string, string> {
  return { '</body>': `${readFileSync(path.join(FIXTURES, part), 'utf8')}</body>` };
}

export function sidebar(page: Page) {
  return page.frameLocator('[data-testid="referral-sidebar"]');
}
