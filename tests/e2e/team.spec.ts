/**
 * The team, through the CRM (issue 34), tier 1: the CRM's own logging address, put in the Bcc of
 * the draft Insert writes; the extension itself sends nothing (the harness's network guard).
 * Tier 2 (the API connected) is in `team-api.spec.ts`.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, sidebar, test } from './harness';
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
