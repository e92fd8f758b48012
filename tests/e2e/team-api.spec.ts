/**
 * The team, through the CRM (issue 34), tier 2: HubSpot's API connected in the production build
 * (the e2e CRM build, which has the API origin granted: Chromium's prompt cannot be answered under
 * automation), against the documented stand-in (`tests/shared/crm-stand-ins.ts`) behind
 * Playwright's request routing. Firefox runs the same path through its harness's proxy.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { format, parseISO } from 'date-fns';
import { CRM_BUILD, expect, gmailMessage, launchCrm, seed, seededClient, sidebar, test } from './harness';
import { cspFor, daysAgo, fixtureHtml, gmailUrl } from '../shared/hosts';
import { danaAskedMarco, HUBSPOT_TOKEN, hubspotApi, type ApiReply } from '../shared/crm-stand-ins';

const RECORD = 'https://app.hubspot.com/contacts/2456789/record/0-1/51';

/** The e2e CRM build in a browser of its own (the test is skipped when that build was not made). */
function launchApi() {
  test.skip(!existsSync(CRM_BUILD), 'run npm run build:e2e-crm first');
  return launchCrm('custom-crm/contact.html', { '{{CUSTOMER_SINCE}}': '2026-08-01' });
}

/**
 * HubSpot's API answered by `hubspot`, and Priya Raman's record page (contact 51) served with
 * HubSpot's CSP; `hold` may keep an answer from coming back (true: never answered).
 */
async function serveHubspot(context: BrowserContext, hubspot: ReturnType<typeof hubspotApi>, hold: (reply: ApiReply) => boolean = () => false) {
  await context.route('https://api.hubapi.com/**', async (route) => {
    const request = route.request();
    const reply = hubspot.handle({ method: request.method(), url: request.url(), headers: request.headers(), body: request.postData() ?? undefined });
    if (hold(reply)) return;
    return route.fulfill({ status: reply.status, headers: reply.headers, json: reply.json });
  });
  const since = daysAgo(125);
  const [y, m, d] = since.split('-');
  await context.route(RECORD, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': cspFor(RECORD) },
      body: fixtureHtml('hubspot/contact-record.html', { '{{CUSTOMER_SINCE}}': `${m}/${d}/${y}` }),
    }),
  );
}

/** Settings > Connect your CRM, as the user does it. */
async function connect(context: BrowserContext, extensionId: string, token = HUBSPOT_TOKEN): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#connect-title`);
  const form = options.locator('[data-testid="crm-connect"][data-crm="hubspot"]');
  await form.getByLabel('HubSpot token').fill(token);
  await form.getByRole('button', { name: 'Connect HubSpot' }).click();
  return options;
}

/** Connected with the right token (the settings say so), then Priya's HubSpot record opened and read by the sidebar. */
async function connectThenOpenPriya(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await connect(context, extensionId);
  await expect(options.getByTestId('crm-connected')).toContainText('Connected to HubSpot');
  const page = await context.newPage();
  await page.goto(RECORD);
  await expect(sidebar(page).getByTestId('contact-name')).toHaveText('Priya Raman');
}

/** An ask to Priya recorded as sent, the way the popup's undo puts one back. */
async function askPriya(popup: Page, id: string): Promise<void> {
  const now = new Date().toISOString();
  await popup.evaluate((ask) => (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ type: 'ask/restore', payload: { ask } }), {
    id,
    email: 'priya.raman@lumen-health.example',
    templateId: 'default-ask',
    status: 'sent',
    askedAt: now,
    history: [{ status: 'sent', at: now }],
  });
}

test("connect HubSpot; a colleague's ask at the company is said; an ask is one note on the client's record and company; the popup shows it", async () => {
  const { context, extensionId, errors, network, close } = await launchApi();
  // Priya (contact 51) at Lumen Health (company 9001, primary); Dana Kim asked Marco Ruiz there five days ago.
  const hubspot = hubspotApi(['51'], { '51': [{ id: '9001', primary: true }] });
  const askedOn = daysAgo(5);
  hubspot.notes.push(danaAskedMarco(askedOn));
  await serveHubspot(context, hubspot);
  try {
    const options = await connect(context, extensionId, 'pat-na1-wrong-token');
    await expect(options.getByTestId('crm-note-preview')).toContainText('Referral window: A colleague asked Dana Whitfield for a referral on');
    await expect(options.getByRole('alert').filter({ hasText: 'HubSpot refused the token (401: Authentication credentials not found.)' })).toBeVisible();
    const form = options.locator('[data-testid="crm-connect"][data-crm="hubspot"]');
    await form.getByLabel('HubSpot token').fill(HUBSPOT_TOKEN);
    await form.getByRole('button', { name: 'Connect HubSpot' }).click();
    await expect(options.getByTestId('crm-connected')).toContainText('Connected to HubSpot');

    // Priya's record opened: her record and her company's are read.
    const page = await context.newPage();
    await page.goto(RECORD);
    const verdict = sidebar(page).getByTestId('verdict');
    await expect(verdict).toContainText(`Asked by Dana Kim on ${format(parseISO(askedOn), 'MMM d')}, logged in HubSpot`);
    await expect(verdict).toContainText('Dana Kim asked Marco Ruiz at Lumen Health & Care: one ask per company within 90 days.');

    // An ask to Priya: one note, on her record and Lumen Health's.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await askPriya(popup, 'ask-e2e');
    await expect.poll(() => hubspot.notes.length).toBe(2);
    expect(hubspot.notes[1]).toMatchObject({ contact: '51', company: '9001' });
    expect(hubspot.notes[1]!.body).toMatch(/^Referral window: .+ asked Priya Raman for a referral on \d{4}-\d\d-\d\d\.\n\n\[hubspot:ask-e2e:sent\]$/);
    await popup.reload();
    await expect(popup.getByTestId('crm-outbox')).toContainText('HubSpot: 1 note written');

    await options.bringToFront();
    await options.getByTestId('crm-disconnect').click();
    await expect(options.getByTestId('crm-connected')).toHaveCount(0);
    // Only HubSpot's API origin was reached: the two checks, the reads of Priya's record and company, the note.
    expect(network.filter((u) => !u.startsWith('https://app.hubspot.com/'))).toEqual(hubspot.calls.map((c) => c.split(' ')[1]));
    expect(hubspot.calls.map((c) => c.replace('https://api.hubapi.com', ''))).toEqual([
      'GET /crm/v3/objects/contacts?limit=1',
      'GET /crm/v3/objects/contacts?limit=1',
      'GET /crm/v4/objects/contacts/51/associations/notes',
      'GET /crm/v4/objects/contacts/51/associations/companies',
      'GET /crm/v4/objects/companies/9001/associations/notes',
      'POST /crm/v3/objects/notes/batch/read',
      'POST /crm/v3/objects/notes',
    ]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('the worker stopped between a note and its answer: "Try again now" finds the note on the record and writes nothing twice', async () => {
  const { context, extensionId, errors, close } = await launchApi();
  const hubspot = hubspotApi(['51'], {});
  // HubSpot writes the first note; its answer never comes back.
  let held = 0;
  await serveHubspot(context, hubspot, (reply) => reply.status === 201 && held++ === 0);
  try {
    await connectThenOpenPriya(context, extensionId);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await askPriya(popup, 'ask-killed');
    await expect.poll(() => hubspot.notes.length).toBe(1);

    // The browser stops the service worker, as it does after 30 s idle: the request dies with it.
    const cdp = await context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.reload();
    const outbox = popup.getByTestId('crm-outbox');
    await expect(outbox.getByTestId('crm-outbox-entry')).toHaveAttribute('data-state', 'sending');
    await outbox.getByTestId('crm-retry').click();
    await popup.reload();
    await expect(popup.getByTestId('crm-outbox')).toContainText('HubSpot: 1 note written');
    expect(hubspot.notes).toHaveLength(1);
    // Looked for before anything was sent again: the record's notes were read, no second note posted.
    expect(hubspot.calls.filter((c) => c === 'POST https://api.hubapi.com/crm/v3/objects/notes')).toHaveLength(1);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('insert in Gmail, the ask sent, their OK: each stage one note on the record her HubSpot page showed; a revoked token stops the next', async () => {
  const { context, extensionId, errors, close } = await launchApi();
  const hubspot = hubspotApi(['51'], {});
  await serveHubspot(context, hubspot);
  const thread = gmailUrl('thread-own-reply-last');
  await context.route(thread, (route) =>
    route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': cspFor(thread) }, body: fixtureHtml('gmail/thread-own-reply-last.html') }),
  );
  try {
    // Dana Whitfield, whose HubSpot record (contact 51) the user opened before: seeded as a restore would.
    await seed(context, extensionId, { contacts: [seededClient('dana@acme-logistics.example', 'Dana Whitfield', { recordUrl: RECORD })] });
    let options = await connect(context, extensionId);
    await expect(options.getByTestId('crm-connected')).toContainText('Connected to HubSpot');

    const page = await context.newPage();
    await page.goto(thread);
    const panel = sidebar(page);
    await panel.getByTestId('insert-ask').click();
    await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
    // A draft is not an ask yet: nothing is logged.
    await page.waitForTimeout(300);
    expect(hubspot.notes).toHaveLength(0);

    // Sent: the compose closes and the message appears in the thread. Then her "OK".
    const sentText = await page.locator('div[g_editable="true"]').innerText();
    await page.evaluate(() => document.querySelector('.AO')!.remove());
    await gmailMessage(page, { email: 'alex@northwind.example', name: 'Alex Moreau' }, sentText);
    await expect.poll(() => hubspot.notes.length).toBe(1);
    await gmailMessage(page, { email: 'dana@acme-logistics.example', name: 'Dana Whitfield' }, 'OK, happy to! I know two people.');
    await expect.poll(() => hubspot.notes.length).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    expect(hubspot.notes.map((n) => [n.contact, n.body.split('\n')[0]])).toEqual([
      ['51', `Referral window: A colleague asked Dana Whitfield for a referral on ${today}.`],
      ['51', `Referral window: Dana Whitfield said OK to A colleague's referral ask on ${today}.`],
    ]);

    // The token is revoked in HubSpot: the next stage's note is refused, and the settings say so.
    hubspot.next.push({
      status: 401,
      json: { status: 'error', message: 'The OAuth token used to make this call expired.', category: 'EXPIRED_AUTHENTICATION' },
    });
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByLabel('Status of the ask to Dana Whitfield').selectOption('declined');
    await options.close();
    options = await context.newPage();
    await expect
      .poll(async () => (await options.goto(`chrome-extension://${extensionId}/options.html#connect-title`), options.getByTestId('crm-connected').innerText()))
      .toContain('HubSpot refused the token (401: The OAuth token used to make this call expired.): connect again in the settings.');
    expect(hubspot.notes).toHaveLength(2);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('a burst of asks against HubSpot rate limit: the outbox waits as told, the popup says so, and every note is written once', async () => {
  test.skip(!existsSync(CRM_BUILD), 'run npm run build:e2e-crm first');
  // Chromium wakes an alarm no sooner than 30 s: one wait is part of this test.
  test.setTimeout(120_000);
  const { context, extensionId, errors, close } = await launchCrm('custom-crm/contact.html', { '{{CUSTOMER_SINCE}}': '2026-08-01' });
  const hubspot = hubspotApi(['51'], {});
  await serveHubspot(context, hubspot);
  try {
    await connectThenOpenPriya(context, extensionId);
    await expect.poll(() => hubspot.calls.length).toBeGreaterThan(2);
    // From here, HubSpot's ten-second rolling limit is three requests.
    hubspot.rate.window = [];
    hubspot.rate.limit = 3;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    for (let i = 1; i <= 5; i++) await askPriya(popup, `burst-${i}`);
    await expect.poll(() => hubspot.rate.refused.length).toBeGreaterThan(0);
    await popup.reload();
    await expect(popup.getByTestId('crm-outbox')).toContainText('HubSpot asked to slow down (429): trying again at');
    await expect.poll(() => hubspot.notes.length, { timeout: 90_000 }).toBe(5);
    expect(new Set(hubspot.notes.map((n) => n.body.match(/\[(.+)\]$/)?.[1])).size).toBe(5);
    // One refusal per wait: after a 429 nothing is sent before the time HubSpot gave.
    expect(hubspot.rate.refused.length).toBeLessThanOrEqual(2);
    await popup.reload();
    await expect(popup.getByTestId('crm-outbox')).toContainText('HubSpot: 5 notes written');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
