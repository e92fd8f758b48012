/**
 * The bundled demo workspace: Chromium with the production build loaded, a Gmail-shaped thread
 * served at https://mail.google.com/ by request routing (the manifest is the production one), the
 * account manager's profile filled in the options page and two facts typed in the sidebar, as a
 * user would, so that the verdict shows. Used by `npm start` and by `npm run screenshots`.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from '../shared/browsers.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
const extension = path.join(root, '.output/chrome-mv3');
const fixture = readFileSync(path.join(root, 'tests/fixtures/gmail/thread-own-reply-last.html'), 'utf8');
const url = 'https://mail.google.com/mail/u/0/#inbox/18c2a7f0b1d4e9a2';

/** Opens the demo; `colorScheme` emulates the system's light or dark mode. */
export async function openDemo({ headless = true, colorScheme = 'light' } = {}) {
  // A fresh profile per run, removed when the browser closes (issue 33: each run left one behind).
  const profile = mkdtempSync(path.join(tmpdir(), 'rw-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: await findChromium(),
    headless,
    colorScheme,
    viewport: { width: 1400, height: 900 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  context.on('close', () => rmSync(profile, { recursive: true, force: true }));
  await context.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture }));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  // The account manager's profile, as they would fill it in the options page.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  for (const [label, value] of [
    ['Your name', 'Alex Moreau'],
    ['Your title', 'Account Manager'],
    ['Your company', 'Northwind'],
    ['Your email', 'alex@northwind.example'],
    ['Your phone', '+1 555 0100'],
    [/What clients use/, 'Northwind Routing'],
    ['What your client gets for an intro', 'a $100 credit'],
    ['What the friend they introduce gets', 'their first month free'],
  ]) {
    await options.getByLabel(label).fill(value);
  }
  await options.getByLabel(/Bio and profile links/).fill('https://northwind.example/alex');
  await options.getByRole('button', { name: 'Save profile' }).click();
  await options.getByText('Profile saved.').waitFor();
  await options.close();

  const page = context.pages()[0] ?? (await context.newPage());
  // In front of the setup tab the install opened: the sidebar's frame is painted only while its tab is.
  await page.bringToFront();
  await page.goto(url);
  const sidebar = page.frameLocator('[data-testid="referral-sidebar"]');
  await sidebar.getByTestId('contact-email').waitFor();

  // The demo client became a customer four months ago and answered NPS 9 last week.
  const day = (d) => d.toISOString().slice(0, 10);
  const since = new Date();
  since.setMonth(since.getMonth() - 4);
  await sidebar.getByTestId('customer-since-input').fill(day(since));
  await sidebar.getByTestId('nps-input').fill('9');
  await sidebar.getByTestId('nps-input').blur();
  await sidebar.getByLabel('Results they got').fill('cut routing time by 30%');
  await sidebar.getByLabel('Time zone').fill('Chicago');
  await sidebar.getByLabel('Time zone').blur();
  await sidebar.locator('[data-testid="verdict"][data-verdict="ask-now"]').waitFor();
  await sidebar.locator('main').evaluate((el) => el.scrollTo(0, 0));
  return { context, page, sidebar, extensionId };
}
