/**
 * Launches the production build (.output/chrome-mv3) in Chromium with a fresh profile and serves
 * hand-written host fixtures at the real host URLs, with the host's strict CSP (Trusted Types
 * included), so the production manifest's matches apply unchanged (see the README: Privacy and security, and the tests that hold them).
 * Every test fails on a page error and on any network request: the extension must need none.
 */
import { test as base, chromium, expect, type BrowserContext, type Frame, type Page, type Request, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cspFor, fixtureHtml, gmailMessageInPage, gmailUrl, GMAIL_CSP, ROOT } from '../shared/hosts';
import { findChromium } from '../shared/browsers.mjs';

export { ROOT, FIXTURES, GMAIL_CSP, withPart } from '../shared/hosts';
export const EXTENSION = path.join(ROOT, '.output/chrome-mv3');

export async function launch(profileDir: string, extension = EXTENSION): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  if (!existsSync(path.join(extension, 'manifest.json'))) throw new Error('Build first: npm run build');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: await findChromium(),
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
  // A fresh profile opens the first-run setup tab at install. Wait for it: opening later, it would
  // come in front of the page a test drives, and Chromium neither paints nor hit-tests an extension
  // frame in a background tab (a click into the sidebar then lands nowhere, now and then).
  for (let waited = 0; waited < 5_000 && !context.pages().some((p) => p.url().endsWith('/setup.html')); waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
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
  /** A browser of its own on a fresh profile (install, first run, site access changed); otherwise the worker's browser, reset. */
  freshProfile: boolean;
};

type WorkerFixtures = {
  /** This worker's browser, launched when a test first needs it and reset between tests (`resetExtension`). */
  shared: { get(): Promise<BrowserContext> };
};

/** The few extension APIs the reset calls, as the service worker has them. */
interface ChromeApi {
  storage: { local: { clear(): Promise<void> }; session: { clear(): Promise<void> } };
  alarms: { clearAll(): Promise<boolean> };
}

/**
 * Between two tests in one browser: every page closed, every route dropped, and the extension as
 * a fresh profile has it: its storage and alarms cleared, its service worker stopped (nothing of
 * the last test left in memory), its database deleted while no worker holds it open, then the
 * worker started again. ~0.3 s, against ~0.5 s for a new browser and up to a few more while a
 * fresh profile opens its first-run tab. (`runtime.reload()` cannot do this: Chromium does not
 * bring back an extension loaded from the command line.) Returns the new worker.
 */
async function resetExtension(context: BrowserContext): Promise<Worker> {
  await Promise.all(context.pages().map((p) => p.close()));
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  const old = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(old.url()).host;
  await old.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    await Promise.all([c.storage.local.clear(), c.storage.session.clear(), c.alarms.clearAll()]);
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // An extension page that runs none of the extension's code (its manifest), so no worker wakes to hold the database.
  await page.goto(`chrome-extension://${id}/manifest.json`);
  const deleted = await page.evaluate(
    () =>
      new Promise<string>((done) => {
        const request = indexedDB.deleteDatabase('referral-window');
        request.onsuccess = () => done('deleted');
        request.onerror = () => done(String(request.error));
        request.onblocked = () => done('blocked');
      }),
  );
  if (deleted !== 'deleted') throw new Error(`Resetting the extension between tests: its database was not deleted (${deleted})`);
  await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${id}/` });
  await page.close();
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  freshProfile: [false, { option: true }],
  shared: [
    async ({}, use) => {
      let launched: Promise<{ context: BrowserContext; profile: string }> | undefined;
      await use({
        get: async () => {
          launched ??= (async () => {
            const profile = mkdtempSync(path.join(tmpdir(), 'rw-shared-'));
            return { context: (await launch(profile)).context, profile };
          })();
          return (await launched).context;
        },
      });
      if (launched) {
        const { context, profile } = await launched;
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  network: async ({}, use) => {
    await use([]);
  },
  pageErrors: async ({}, use) => {
    await use([]);
  },
  context: async ({ network, pageErrors, freshProfile, shared }, use) => {
    const profile = freshProfile ? mkdtempSync(path.join(tmpdir(), 'rw-profile-')) : undefined;
    const context = profile ? (await launch(profile)).context : await shared.get();
    const worker = profile ? undefined : await resetExtension(context);
    const fixtureHosts = new Set<string>();
    Object.assign(context, { fixtureHosts, currentWorker: worker });
    const onRequest = (req: Request) => {
      const url = req.url();
      if (/^(chrome-extension|data|blob|about):/.test(url)) return;
      if ([...fixtureHosts].some((h) => url.startsWith(h))) return;
      network.push(`${req.method()} ${url}`);
    };
    const onPage = (page: Page) => page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    context.on('request', onRequest);
    context.on('page', onPage);
    await use(context);
    context.off('request', onRequest);
    context.off('page', onPage);
    if (profile) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    } else {
      await Promise.all(context.pages().map((p) => p.close()));
    }
    expect(network, 'the extension made network requests').toEqual([]);
    expect(pageErrors, 'errors were thrown in a page').toEqual([]);
  },
  worker: async ({ context }, use) => {
    const current = (context as BrowserContext & { currentWorker?: Worker }).currentWorker;
    await use(current ?? context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
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
      await page.bringToFront();
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

/**
 * The sidebar's frame, to run code in, once its page has loaded: the iframe shows before its
 * document commits, and until then no frame has the sidebar's address.
 */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().includes('/sidebar.html'));
  await expect.poll(() => Boolean(find())).toBe(true);
  return find()!;
}

/** Seeds data the way a user would: Settings → Restore of a backup holding `data`, confirmed. Returns the settings page. */
export async function seed(context: BrowserContext, extensionId: string, data: { contacts?: object[]; asks?: object[] }): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const backup = { format: 'referral-window-backup', version: 1, exportedAt: new Date().toISOString(), contacts: [], asks: [], templates: [], kv: [], ...data };
  await options.getByTestId('restore-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('data-message')).toContainText('Restored');
  return options;
}

/** A client of the seeded data: in the window (four months a customer) and a promoter. */
export function seededClient(email: string, name: string, extra: object = {}) {
  const day = new Date();
  day.setMonth(day.getMonth() - 4);
  const observedAt = new Date(Date.now() - 86_400_000).toISOString();
  return {
    email,
    name,
    company: 'Acme Logistics',
    facts: {
      customerSince: { value: day.toISOString().slice(0, 10), source: { kind: 'manual', observedAt } },
      nps: { value: { score: 10 }, source: { kind: 'manual', observedAt } },
    },
    neverAsk: false,
    updatedAt: observedAt,
    ...extra,
  };
}

/** The made-up CRM the field picker is tested on, and the build that has its site pre-granted (see wxt.config.ts). */
export const CRM = 'https://crm.northwind-test.example';
export const CRM_BUILD = path.join(ROOT, '.output-crm/chrome-mv3');

/**
 * Launches the CRM build on a fresh profile with `fixture` served at the CRM's site under a strict
 * CSP; collects page errors and any request that left the browser. `close` ends it and its profile.
 */
export async function launchCrm(fixture: string, replace: Record<string, string>) {
  const profile = mkdtempSync(path.join(tmpdir(), 'rw-crm-'));
  const { context, extensionId, worker } = await launch(profile, CRM_BUILD);
  const errors: string[] = [];
  const network: string[] = [];
  context.on('request', (r) => !/^(chrome-extension|data|blob|about):/.test(r.url()) && !r.url().startsWith(CRM) && network.push(r.url()));
  context.on('page', (p) => p.on('pageerror', (e) => errors.push(e.message)));
  const body = fixtureHtml(fixture, replace);
  await context.route(`${CRM}/**`, (r) =>
    r.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': "script-src 'none'; object-src 'none'; require-trusted-types-for 'script'" },
      body,
    }),
  );
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionId, worker, errors, network, close };
}

/** Adds a message to the Gmail thread (`gmailMessageInPage`). */
export async function gmailMessage(page: Page, from: { email: string; name: string }, text: string) {
  await page.evaluate(gmailMessageInPage, { ...from, text });
}
