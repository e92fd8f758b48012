/**
 * The team, through the CRM (issue 34), tier 1: the CRM's own logging address, put in the Bcc of
 * the draft Insert writes; the extension itself sends nothing (the harness's network guard).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CRM_BUILD, expect, launchCrm, seed, seededClient, sidebar, test } from './harness';
import { withPart } from '../shared/hosts';

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

test("tier 2: connect HubSpot with a token, and an ask sent is one note on the client's record; the popup shows the outbox", async () => {
  test.skip(!existsSync(CRM_BUILD), 'run npm run build:e2e-crm first');
  const { context, extensionId, errors, network, close } = await launchCrm('custom-crm/contact.html', { '{{CUSTOMER_SINCE}}': '2026-08-01' });
  const TOKEN = 'pat-na1-e2e-token-1234';
  const notes: Array<{
    properties: { hs_timestamp: string; hs_note_body: string };
    associations: Array<{ to: { id: string }; types: Array<{ associationTypeId: number }> }>;
  }> = [];
  // HubSpot as documented: Bearer token; the check reads one contact; a note needs hs_timestamp and an association to a contact.
  await context.route('https://api.hubapi.com/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.headers().authorization !== `Bearer ${TOKEN}`) {
      return route.fulfill({ status: 401, json: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } });
    }
    if (url.pathname === '/crm/v3/objects/contacts') return route.fulfill({ status: 200, json: { results: [] } });
    if (url.pathname === '/crm/v3/objects/notes' && request.method() === 'POST') {
      const body = request.postDataJSON();
      if (!body.properties?.hs_timestamp)
        return route.fulfill({ status: 400, json: { status: 'error', message: 'hs_timestamp is required', category: 'VALIDATION_ERROR' } });
      notes.push(body);
      return route.fulfill({ status: 201, json: { id: '901', properties: body.properties } });
    }
    return route.fulfill({ status: 404, json: { message: 'not found' } });
  });
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#connect-title`);
    await expect(options.getByTestId('crm-note-preview')).toContainText('Referral window: A colleague asked Dana Whitfield for a referral on');
    const form = options.locator('[data-testid="crm-connect"][data-crm="hubspot"]');
    await form.getByLabel('HubSpot token').fill('pat-na1-wrong-token');
    await form.getByRole('button', { name: 'Connect HubSpot' }).click();
    await expect(options.getByRole('alert').filter({ hasText: 'HubSpot refused the token (401: Authentication credentials not found.)' })).toBeVisible();
    await form.getByLabel('HubSpot token').fill(TOKEN);
    await form.getByRole('button', { name: 'Connect HubSpot' }).click();
    await expect(options.getByTestId('crm-connected')).toContainText('Connected to HubSpot');

    // An ask sent to a client whose HubSpot record the user had opened: seeded as a restore would.
    const now = new Date().toISOString();
    await seed(context, extensionId, {
      contacts: [{ ...seededClient('dana@acme-logistics.example', 'Dana Whitfield'), recordUrl: 'https://app.hubspot.com/contacts/2456789/record/0-1/51' }],
      asks: [
        {
          id: 'ask-e2e',
          email: 'dana@acme-logistics.example',
          templateId: 'default-ask',
          status: 'sent',
          askedAt: now,
          history: [{ status: 'sent', at: now }],
        },
      ],
    });
    await expect.poll(() => notes.length).toBe(1);
    expect(notes[0]!.associations[0]).toEqual({ to: { id: '51' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] });
    expect(notes[0]!.properties.hs_note_body).toContain('Referral window: A colleague asked Dana Whitfield for a referral on');

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId('crm-outbox')).toContainText('HubSpot: 1 note written');

    await options.bringToFront();
    await options.getByTestId('crm-disconnect').click();
    await expect(options.getByTestId('crm-connected')).toHaveCount(0);
    // Only the API origin was reached, and only for the check, the refused check and the note.
    expect(network).toEqual([
      'https://api.hubapi.com/crm/v3/objects/contacts?limit=1',
      'https://api.hubapi.com/crm/v3/objects/contacts?limit=1',
      'https://api.hubapi.com/crm/v3/objects/notes',
    ]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
