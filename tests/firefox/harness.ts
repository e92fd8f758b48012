/**
 * The production Firefox build (.output/firefox-mv3) in Debian's stock Firefox, driven by
 * puppeteer-core over WebDriver BiDi (Playwright cannot drive stock Firefox). The same fixture
 * pages as the Chromium suite are served at the real host URLs with the hosts' CSPs
 * (`tests/shared/hosts.ts`); any other request a page makes is recorded, and a test fails on it.
 * The background (an event page in Firefox) is not a page the driver can intercept: Firefox sends
 * every https request through a local proxy instead (`network.proxy.ssl`), which answers a CRM's API
 * origin with the test's stand-in (`Session.api`, over TLS with a certificate made for the run and
 * accepted by the session's `acceptInsecureCerts`) and records any other host as a leak.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { cspFor, fixtureHtml, ROOT } from '../shared/hosts';
import type { ApiCall, ApiReply } from '../shared/crm-stand-ins';
import { ensureBrowsers, findFirefox } from '../shared/browsers.mjs';

export const FIREFOX = findFirefox() ?? '/usr/bin/firefox-esr';
export const BUILD = path.join(ROOT, '.output/firefox-mv3');
const GECKO_ID = 'referral-window@northwind.example';
/** Fixed through Firefox's own preference, so extension pages have a known address. */
const UUID = '6f1d2c3b-4a5e-4f60-8a9b-0c1d2e3f4a5b';
export const EXTENSION = `moz-extension://${UUID}`;

/** Answers a request the extension sent to a CRM's API (`tests/shared/crm-stand-ins.ts`); 'hold': never answers it. */
export type ApiStandIn = (call: ApiCall) => ApiReply | 'hold';

/** The hosts whose https requests the proxy hands to `Session.api` (the two CRM API origins). */
const API_HOSTS = new Set(['api.hubapi.com', 'api.pipedrive.com']);
/** Firefox's own services (remote settings and the like): the browser's requests, refused but not the extension's leaks. */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

export interface Session {
  browser: Browser;
  /** Answers the extension's requests to a CRM's API (none set: each is a leak). */
  api?: ApiStandIn;
  /** What reached the API stand-in, in order. */
  apiCalls: ApiCall[];
  /** Requests that would have left the browser (there must be none). */
  leaks: string[];
  /** Errors thrown in any page. */
  errors: string[];
  /** Opens `fixture` at `url` (the host's CSP), and waits for the sidebar frame when one is expected. */
  open(url: string, fixture: string, replace?: Record<string, string>, options?: { sidebar?: boolean }): Promise<Page>;
  /** Opens an extension page (popup.html, options.html) in a tab. */
  extensionPage(file: string): Promise<Page>;
  /**
   * Restarts the extension from `page` (one of its own pages) as the browser does when it updates
   * it: the background dies mid-work, its database and storage stay. Extension pages and sidebars
   * open before are gone; `extensionPage` opens new ones.
   */
  restartExtension(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** A certificate for the API hosts, made for this run (the session accepts it; nothing else would). */
function apiCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = path.join(dir, 'api.key');
  const cert = path.join(dir, 'api.crt');
  const names = [...API_HOSTS].map((h) => `DNS:${h}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=api.hubapi.com',
      '-addext',
      `subjectAltName=${names}`,
    ],
    {
      stdio: 'ignore',
    },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export async function launchFirefox(): Promise<Session> {
  if (!existsSync(path.join(BUILD, 'manifest.json'))) throw new Error('Build first: npm run build:firefox');
  if (!existsSync(FIREFOX)) await ensureBrowsers(['firefox']);
  const profile = mkdtempSync(path.join(tmpdir(), 'rw-firefox-'));
  const leaks: string[] = [];
  const apiCalls: ApiCall[] = [];
  // The API stand-in behind the proxy: TLS ends here, each request is answered by `session.api`.
  const tls = createHttpsServer(apiCertificate(profile), (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const call: ApiCall = { method: req.method ?? 'GET', url: `https://${req.headers.host}${req.url}`, headers, body };
      const answer = session.api?.(call);
      if (answer === 'hold') return void apiCalls.push(call);
      if (!answer) {
        leaks.push(`${call.method} ${call.url}`);
        res.writeHead(502).end();
        return;
      }
      apiCalls.push(call);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.json === undefined ? '' : JSON.stringify(answer.json));
    });
  });
  const proxy = createHttpServer((req, res) => {
    if (!FIREFOX_OWN.test(new URL(req.url ?? '', 'http://unknown').hostname)) leaks.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    const host = (req.url ?? '').split(':')[0]!;
    if (!API_HOSTS.has(host)) {
      if (!FIREFOX_OWN.test(host)) leaks.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => tls.emit('connection', socket));
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const port = (proxy.address() as AddressInfo).port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // The fixtures are served by the test, in the page; what else goes out meets the proxy (above).
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.no_proxies_on': '',
      // Optional permissions asked at a click (a CRM's API origin at Connect) are granted without the prompt automation cannot answer.
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.shell.checkDefaultBrowser': false,
      // Extension pages are opened with window.open from the sidebar (see extensionPage).
      'dom.disable_open_during_load': false,
      'browser.link.open_newwindow': 3,
    },
  });
  await browser.installExtension(BUILD);
  const errors: string[] = [];
  const served = new Map<string, { body: string; csp: string }>();
  let launcher: Page | undefined;

  const watch = async (page: Page) => {
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (/^(moz-extension|data|blob|about):/.test(url)) return void request.continue();
      const page = served.get(url.split('#')[0]!);
      if (page && request.isNavigationRequest()) {
        return void request.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': page.csp },
          body: page.body,
        });
      }
      // The browser's own favicon fetch for a served page is not the extension's.
      if (!new URL(url).pathname.endsWith('/favicon.ico')) leaks.push(`${request.method()} ${url}`);
      return void request.respond({ status: 204, body: '' });
    });
  };

  const open: Session['open'] = async (url, fixture, replace = {}, { sidebar = true } = {}) => {
    served.set(url.split('#')[0]!, { body: fixtureHtml(fixture, replace), csp: cspFor(url) });
    const page = await browser.newPage();
    await watch(page);
    await page.goto(url);
    if (sidebar) await sidebarFrame(page);
    return page;
  };

  // Firefox refuses a remote navigation to an extension page: it is opened the way the extension
  // would open it, from an extension context (the sidebar of a launcher tab).
  const extensionPage: Session['extensionPage'] = async (file) => {
    launcher ??= await open('https://mail.google.com/mail/u/0/launcher', 'gmail/thread-own-reply-last.html');
    const opener = await sidebarFrame(launcher);
    const before = new Set(await browser.pages());
    await opener.evaluate((f) => void window.open(`/${f}`, '_blank'), file);
    // The new tab showing that page (the setup page, opened by the install, is another one).
    const page = (await until(async () => {
      for (const p of await browser.pages()) {
        if (before.has(p)) continue;
        if ((await p.evaluate(() => location.pathname).catch(() => '')) === `/${file}`) return p;
      }
      return undefined;
    }, `${file} to open`))!;
    page.on('pageerror', (e) => errors.push(`${file}: ${e instanceof Error ? e.message : String(e)}`));
    await until(() => page.evaluate(() => document.readyState === 'complete' && !!document.querySelector('main')).catch(() => false), `${file} to load`);
    return page;
  };

  const restartExtension: Session['restartExtension'] = async (page) => {
    await page.evaluate(() => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload()).catch(() => undefined);
    await launcher?.close().catch(() => undefined);
    launcher = undefined;
    // The extension is back when a new tab's sidebar loads.
    await until(
      async () => {
        const probe = await open('https://mail.google.com/mail/u/0/launcher-again', 'gmail/thread-own-reply-last.html', {}, { sidebar: false });
        const ok = await sidebarFrame(probe, 2_000).then(
          () => true,
          () => false,
        );
        await probe.close();
        return ok;
      },
      'the extension to start again',
      20_000,
    );
  };

  const session: Session = {
    browser,
    restartExtension,
    apiCalls,
    leaks,
    errors,
    open,
    extensionPage,
    async close() {
      await browser.close();
      proxy.close();
      tls.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * The sidebar's frame in a host page (an extension page in a cross-origin iframe). Over BiDi,
 * Firefox reports an extension frame's URL as about:blank, so the frame is asked where it is.
 */
export async function sidebarFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const here = await frame.evaluate(() => (document.querySelector('main, .expand') ? location.href : '')).catch(() => '');
      if (here.startsWith(`${EXTENSION}/sidebar.html`)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No sidebar in ${page.url()} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `read` returns something truthy (polling, as Playwright's expect.poll does). */
export async function until<T>(read: () => Promise<T>, what: string, timeout = 8_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (last: ${String(last ?? lastError)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text of the element with `data-testid` (empty when absent). */
export const textOf = (frame: Frame | Page, testId: string) => frame.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '').catch(() => '');

/** An attribute of the element with `data-testid` (null when absent). */
export const attrOf = (frame: Frame | Page, testId: string, name: string) =>
  frame.$eval(`[data-testid="${testId}"]`, (el, n) => el.getAttribute(n), name).catch(() => null);

/**
 * Sets an input's value as the browser does when the user types or picks (through the native
 * setter, with input and change events, so React sees it), then leaves the field (the sidebar
 * saves on change and blur). Date inputs cannot be typed into the same way in every locale.
 */
export async function fill(frame: Frame | Page, selector: string, value: string): Promise<void> {
  const input = await frame.waitForSelector(selector, { timeout: 8_000 });
  await input!.evaluate((el, v) => {
    const field = el as HTMLInputElement;
    field.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, v);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    field.blur();
  }, value);
}

/** A file on disk for a file input. */
export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rw-file-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
