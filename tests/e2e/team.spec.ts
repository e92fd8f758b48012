/**
 * The team, through the CRM (issue 34). Tier 1: the CRM's own logging address, put in the Bcc of
 * the draft Insert writes; the extension itself sends nothing (the harness's network guard).
 * Tier 2: the HubSpot API connected, against the documented stand-in (`tests/shared/crm-stand-ins.ts`).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CRM_BUILD, expect, launchCrm, sidebar, test } from './harness';
import { format, parseISO } from 'date-fns';
import { cspFor, daysAgo, fixtureHtml, withPart } from '../shared/hosts';
import { HUBSPOT_TOKEN, hubspotApi } from '../shared/crm-stand-ins';

const HUBSPOT_BCC = '2456789@bcc.hubspot.com';

async function setLogging(context: BrowserContext, extensionId: string, crm: string, address: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#logging-title`);
  await options.locator(`[data-testid="logging-address"][data-crm="${crm}"]`).fill(address);
  await options.getByRole('button', { name: 'Save logging addresses' }).click();
  return options;
}

test('the logging address is checked: not the user, not a client; a look that is not that CRM is said', async ({ context, extensionId, openGmail }) => {
  // Dana is a stored client once her thread is read.
  await openGmail('thread-own-reply-last');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#logging-title`);
  const hubspot = options.locator('[data-testid="logging-address"][data-crm="hubspot"]');
  await expect(options.locator('[data-testid="logging-address"]')).toHaveCount(4);
  await expect(options.getByText('Settings > Objects > Activities > Email Log & Track')).toBeVisible();
  await expect(options.getByText('may create one')).toBeVisible();

  await hubspot.fill('dana@acme-logistics.example');
  await options.getByRole('button', { name: 'Save logging addresses' }).click();
  await expect(options.getByRole('alert').filter({ hasText: "is a client's address: the copy would go to them" })).toBeVisible();

  await hubspot.fill('someone@gmail.com');
  await expect(options.getByText('This does not look like a HubSpot logging address')).toBeVisible();
  await hubspot.fill(HUBSPOT_BCC);
  await expect(options.getByText('This does not look like a HubSpot logging address')).toHaveCount(0);
  await options.getByRole('button', { name: 'Save logging addresses' }).click();
  await expect(options.getByText("Saved: Insert adds HubSpot's logging address")).toBeVisible();
  await options.reload();
  await expect(options.locator('[data-testid="logging-address"][data-crm="hubspot"]')).toHaveValue(HUBSPOT_BCC);
});

test('Gmail: Insert opens the closed Bcc and puts the logging address there, never in To; once only', async ({ context, extensionId, openGmail }) => {
  await setLogging(context, extensionId, 'hubspot', HUBSPOT_BCC);
  const page = await openGmail('thread-special-name', withPart('gmail/parts/new-message-bcc.html'));
  const panel = sidebar(page);
  await expect(panel.getByTestId('crm-copy')).toContainText(`HubSpot (${HUBSPOT_BCC}) in Bcc`);
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'A copy goes to your CRM' })).toBeVisible();
  await expect(page.locator('div.AD div[name="bcc"]')).toBeVisible();
  await expect(page.locator('div.AD input[aria-label="Bcc recipients"]')).toHaveValue(HUBSPOT_BCC);
  await expect(page.locator('div.AD input[aria-label="To recipients"]')).toHaveValue('');
  await expect(page.locator('div.AD div[g_editable="true"]')).toContainText('Hi Zoë,');

  // A second insert into the same draft: the address is there already, not added twice.
  await page.locator('div.AD div[g_editable="true"]').click();
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: "Your CRM's logging address was already in Bcc" })).toBeVisible();
  await expect(page.locator('div.AD input[aria-label="Bcc recipients"]')).toHaveValue(HUBSPOT_BCC);
});

test('Gmail: the copy can be left out of one ask; the Bcc stays closed and empty', async ({ context, extensionId, openGmail }) => {
  await setLogging(context, extensionId, 'hubspot', HUBSPOT_BCC);
  const page = await openGmail('thread-special-name', withPart('gmail/parts/new-message-bcc.html'));
  const panel = sidebar(page);
  await panel.getByTestId('crm-copy').getByRole('checkbox').uncheck();
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: 'copy' })).toHaveCount(0);
  await expect(page.locator('div.AD div[name="bcc"]')).toBeHidden();
  await expect(page.locator('div.AD input[aria-label="Bcc recipients"]')).toHaveValue('');
});

test('Gmail: a Bcc already open with other addresses keeps them, and gets the logging address beside them', async ({ context, extensionId, openGmail }) => {
  await setLogging(context, extensionId, 'pipedrive', 'northwind@pipedrivemail.com');
  const page = await openGmail('thread-special-name', {
    ...withPart('gmail/parts/new-message-bcc.html'),
    'id="bcc-row" style="display:none"><span>Bcc</span><input class="agP aFw" aria-label="Bcc recipients" value=""':
      'id="bcc-row"><span>Bcc</span><input class="agP aFw" aria-label="Bcc recipients" value="archive@northwind.example"',
  });
  const panel = sidebar(page);
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'A copy goes to your CRM' })).toBeVisible();
  await expect(page.locator('div.AD input[aria-label="Bcc recipients"]')).toHaveValue('archive@northwind.example, northwind@pipedrivemail.com');
});

test('Outlook: Insert shows the Bcc line and writes the logging address there', async ({ context, extensionId, openHost }) => {
  await setLogging(context, extensionId, 'salesforce', 'emailtosalesforce@x1y2z3.na1.le.salesforce.com');
  const page = await openHost('https://outlook.cloud.microsoft/mail/deeplink/compose', 'outlook-cloud/new-message-bcc.html');
  const panel = sidebar(page);
  await expect(panel.getByTestId('crm-copy')).toContainText('Salesforce');
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'A copy goes to your CRM' })).toBeVisible();
  await expect(page.locator('[role="group"][aria-label="Bcc"]')).toBeVisible();
  await expect(page.locator('.bccInput')).toContainText('emailtosalesforce@x1y2z3.na1.le.salesforce.com');
  await expect(page.locator('.toInput')).toHaveText('');
  await expect(page.locator('.ccInput')).toHaveText('');
});

test("tier 2: connect HubSpot; a colleague's ask at the company is said; an ask is one note on the client's record and company; the popup shows it", async () => {
  test.skip(!existsSync(CRM_BUILD), 'run npm run build:e2e-crm first');
  const { context, extensionId, errors, network, close } = await launchCrm('custom-crm/contact.html', { '{{CUSTOMER_SINCE}}': '2026-08-01' });
  // HubSpot's API as documented (tests/shared/crm-stand-ins.ts): Priya (contact 51) at Lumen Health (company 9001, primary).
  const hubspot = hubspotApi(['51'], { '51': [{ id: '9001', primary: true }] });
  const askedOn = daysAgo(5);
  hubspot.notes.push({
    id: '700',
    contact: '52',
    company: '9001',
    body: `Referral window: Dana Kim asked Marco Ruiz for a referral on ${askedOn}.\n\n[hubspot:dana-ask:sent]`,
    timestamp: `${askedOn}T09:00:00.000Z`,
  });
  await context.route('https://api.hubapi.com/**', async (route) => {
    const request = route.request();
    const reply = hubspot.handle({ method: request.method(), url: request.url(), headers: request.headers(), body: request.postData() ?? undefined });
    return route.fulfill({ status: reply.status, headers: reply.headers, json: reply.json });
  });
  const RECORD = 'https://app.hubspot.com/contacts/2456789/record/0-1/51';
  const since = daysAgo(125);
  const [y, m, d] = since.split('-');
  await context.route(RECORD, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': cspFor(RECORD) },
      body: fixtureHtml('hubspot/contact-record.html', { '{{CUSTOMER_SINCE}}': `${m}/${d}/${y}` }),
    }),
  );
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#connect-title`);
    await expect(options.getByTestId('crm-note-preview')).toContainText('Referral window: A colleague asked Dana Whitfield for a referral on');
    const form = options.locator('[data-testid="crm-connect"][data-crm="hubspot"]');
    await form.getByLabel('HubSpot token').fill('pat-na1-wrong-token');
    await form.getByRole('button', { name: 'Connect HubSpot' }).click();
    await expect(options.getByRole('alert').filter({ hasText: 'HubSpot refused the token (401: Authentication credentials not found.)' })).toBeVisible();
    await form.getByLabel('HubSpot token').fill(HUBSPOT_TOKEN);
    await form.getByRole('button', { name: 'Connect HubSpot' }).click();
    await expect(options.getByTestId('crm-connected')).toContainText('Connected to HubSpot');

    // Priya's record opened: her record and her company's are read; Dana Kim asked Marco there five days ago.
    const page = await context.newPage();
    await page.goto(RECORD);
    const verdict = sidebar(page).getByTestId('verdict');
    await expect(verdict).toContainText(`Asked by Dana Kim on ${format(parseISO(askedOn), 'MMM d')}, logged in HubSpot`);
    await expect(verdict).toContainText('Dana Kim asked Marco Ruiz at Lumen Health & Care: one ask per company within 90 days.');

    // An ask to Priya recorded (as the popup's undo puts one back): one note, on her record and Lumen Health's.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const now = new Date().toISOString();
    await popup.evaluate((ask) => (globalThis as unknown as { chrome: typeof browser }).chrome.runtime.sendMessage({ type: 'ask/restore', payload: { ask } }), {
      id: 'ask-e2e',
      email: 'priya.raman@lumen-health.example',
      templateId: 'default-ask',
      status: 'sent',
      askedAt: now,
      history: [{ status: 'sent', at: now }],
    });
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
