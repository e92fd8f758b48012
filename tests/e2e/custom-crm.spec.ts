import { existsSync } from 'node:fs';
import { CRM, CRM_BUILD, expect, launchCrm, test } from './harness';

// The build with CRM's origin pre-granted (see wxt.config.ts): the permission prompt cannot be
// answered under automation; nothing else differs from production.

test('any other CRM: add the site, pick the fields once, then the contact and verdict show and the ask inserts', async () => {
  test.skip(!existsSync(CRM_BUILD), 'run npm run build:e2e-crm first');
  test.setTimeout(60_000);
  const since = new Date(Date.now() - 110 * 86_400_000).toISOString().slice(0, 10);
  const { context, extensionId, errors, network, close } = await launchCrm('custom-crm/contact.html', { '{{CUSTOMER_SINCE}}': since });
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('CRM site').fill('crm.northwind-test.example');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect(options.getByTestId('crm-message')).toContainText(`${CRM} added`);
    await expect(options.getByTestId('crm-site')).toContainText('no fields picked yet');

    const crm = await context.newPage();
    await crm.goto(`${CRM}/contacts/4711`);
    // No sidebar iframe here: the sidebar page is web-accessible only on the named hosts.
    await expect(crm.locator('[data-testid="referral-sidebar"]')).toHaveCount(0);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await crm.bringToFront();
    await popup.reload();
    await popup.getByTestId('tab-page').click();
    // The popup closes itself once the picker has started (as a real popup does when the page
    // takes focus). Playwright's click waits on the page after clicking and throws when that page
    // is already gone, so the click is a DOM click and the close is awaited as its own event.
    const popupClosed = popup.waitForEvent('close');
    await popup.getByTestId('pick-fields').evaluate((button: HTMLElement) => button.click());
    await popupClosed;
    await crm.bringToFront();
    const bar = crm.locator('[data-referral-window-picker]');
    await expect(bar).toContainText('Name (1 of 9)');
    await crm.getByText('Amara Okafor').click();
    await expect(bar).toContainText('Email (2 of 9)');
    await crm.getByText('amara@okafor-logistics.example').click();
    await crm.getByText('Okafor Logistics').click();
    await crm.getByText(since).click();
    await crm.getByText('10', { exact: true }).click();
    for (let i = 0; i < 4; i++) await bar.getByRole('button', { name: 'Skip this field' }).click();
    await expect(bar).toHaveCount(0);
    // The picker's clicks did not follow the page's links.
    expect(crm.url()).toBe(`${CRM}/contacts/4711`);

    await options.reload();
    await expect(options.getByTestId('crm-site')).toContainText('fields picked: Name, Email, Company, Customer since, NPS');

    const popup2 = await context.newPage();
    await popup2.goto(`chrome-extension://${extensionId}/popup.html`);
    await crm.bringToFront();
    await popup2.reload();
    await popup2.getByTestId('tab-page').click();
    await expect(popup2.getByTestId('contact-name')).toHaveText('Amara Okafor');
    await expect(popup2.getByTestId('contact-email')).toHaveText('amara@okafor-logistics.example');
    await expect(popup2.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
    await popup2.getByTestId('insert-ask').click();
    // The site's mail form shows no recipients: nothing is written before the user says yes, naming Amara.
    await expect(popup2.getByTestId('insert-confirm-dialog')).toContainText(
      "I can't see whom this draft is to. Insert the ask for Amara Okafor (amara@okafor-logistics.example) anyway?",
    );
    await expect(crm.locator('[contenteditable="true"]')).not.toContainText('Hi Amara,');
    await popup2.getByTestId('insert-confirm').click();
    await crm.bringToFront();
    await expect(crm.locator('[contenteditable="true"]')).toContainText('Hi Amara,');
    await expect(crm.locator('input[name="subject"]')).toHaveValue('A quick favour, Amara?');
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
  } finally {
    await close();
  }
});
