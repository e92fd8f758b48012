/**
 * Launches the production build (.output/chrome-mv3) in Chromium with a fresh profile and serves
 * hand-written host fixtures at the real host URLs, with the host's strict CSP (Trusted Types
 * included), so the production manifest's matches apply unchanged (see the README: Privacy and security, and the tests that hold them).
 * Every test fails on a page error and on any network request: the extension must need none.
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cspFor, fixtureHtml, gmailUrl, GMAIL_CSP, ROOT } from '../shared/hosts';

export { ROOT, FIXTURES, GMAIL_CSP, withPart } from '../shared/hosts';
export const EXTENSION = path.join(ROOT, '.output/chrome-mv3');

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
        const body = fixtureHtml(fixture, replace);
        await context.route(urlPattern, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': csp }, body }),
        );
      },
    });
  },
  openHost: async ({ context, host }, use) => {
    await use(async (url, fixture, replace) => {
      await host.serve(url, fixture, { replace, csp: cspFor(url) });
      const page = await context.newPage();
      await page.goto(url);
      await expect(page.locator('[data-testid="referral-sidebar"]')).toBeVisible();
      return page;
    });
  },
  openGmail: async ({ openHost }, use) => {
    let variant = 0;
    // Each variant gets its own URL, so two variants of one fixture can be open side by side.
    await use((fixture, replace) => openHost(gmailUrl(fixture, replace ? `-v${++variant}` : ''), `gmail/${fixture}.html`, replace));
  },
});

export { expect };

export function sidebar(page: Page) {
  return page.frameLocator('[data-testid="referral-sidebar"]');
}
