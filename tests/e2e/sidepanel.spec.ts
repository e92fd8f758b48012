/**
 * The browser's side panel (issue 20). The panel is `sidepanel.html`, opened here the way the
 * browser would and driven as a page: a tab of the same window, so it follows the window's active
 * tab as the real panel does. What this cannot reach: the browser's own panel chrome (Chromium
 * shows no side panel headless), so "the toolbar button opens the panel" is checked as the
 * per-tab setting the browser acts on, not as a click on the browser's toolbar.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { CRM, CRM_BUILD, expect, launchCrm, sidebar, test } from './harness';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const us = (d: Date) => `${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}/${d.getFullYear()}`;

/** The extension's APIs as the service worker sees them (only what these tests ask). */
type Chrome = { tabs: { query(q: object): Promise<Array<{ id?: number }>> }; action: { getPopup(d: object): Promise<string> } };
declare const chrome: Chrome;

async function openPanel(context: BrowserContext, extensionId: string): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return panel;
}

test('the side panel lets go of the contact, Insert with it, when its tab leaves for a page about no one (issue 30)', async ({
  openGmail,
  context,
  extensionId,
  host,
}) => {
  const gmail = await openGmail('thread-own-reply-last');
  await sidebar(gmail).getByTestId('move-to-panel').click();
  const panel = await openPanel(context, extensionId);
  await gmail.bringToFront();
  await expect(panel.getByTestId('contact-email')).toHaveText('dana@acme-logistics.example');
  await expect(panel.getByTestId('insert-ask')).toHaveCount(1);
  // The same tab goes to a site the extension does not read.
  await host.serve('https://news.example.org/**', 'plain.html', { csp: "script-src 'none'" });
  await gmail.goto('https://news.example.org/today');
  await expect(panel.getByText('Nothing to read on this tab')).toBeVisible();
  await expect(panel.getByTestId('contact-email')).toHaveCount(0);
  await expect(panel.getByTestId('insert-ask')).toHaveCount(0);
});

test('a Gmail user moves the sidebar to the side panel: the page keeps its width, the panel shows the same sidebar and inserts', async ({
  openGmail,
  context,
  extensionId,
  worker,
}) => {
  const gmail = await openGmail('thread-own-reply-last');
  const margin = () => gmail.evaluate(() => getComputedStyle(document.body).marginRight);
  expect(await margin()).toBe('360px');
  await sidebar(gmail).getByTestId('move-to-panel').click();
  // The page is left as it was: no frame, no margin of ours.
  await expect(gmail.locator('[data-testid="referral-sidebar"]')).toHaveCount(0);
  await expect.poll(margin).not.toBe('360px');

  // The toolbar button opens the panel on Gmail now (its popup is taken away for that tab).
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]!.id!);
  await expect.poll(() => worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId)).toBe('');

  const panel = await openPanel(context, extensionId);
  await expect(panel.getByText('Nothing to read on this tab')).toBeVisible();
  await gmail.bringToFront();
  await expect(panel.getByTestId('contact-email')).toHaveText('dana@acme-logistics.example');
  await panel.getByTestId('customer-since-input').fill(iso(daysAgo(120)));
  await panel.getByTestId('nps-input').fill('9');
  await panel.getByTestId('nps-input').blur();
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  await expect(gmail.locator('div[g_editable="true"]')).toContainText('Hi Dana,');

  // The popup's views are one click away from the panel.
  const [asks] = await Promise.all([context.waitForEvent('page'), panel.getByTestId('open-asks').click()]);
  await expect(asks.getByTestId('ask-row')).toHaveAttribute('data-email', 'dana@acme-logistics.example');
  await asks.close();

  // The choice is the settings' own, and a reload keeps the page free of the sidebar.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('Gmail and Outlook')).toHaveValue('panel');
  await gmail.reload();
  await gmail.waitForTimeout(500);
  await expect(gmail.locator('[data-testid="referral-sidebar"]')).toHaveCount(0);
  // Back to the page from the settings: the sidebar returns.
  await options.getByLabel('Gmail and Outlook').selectOption('page');
  await expect(gmail.locator('[data-testid="referral-sidebar"]')).toHaveCount(1);
});

test('the side panel follows the tab the user switches to', async ({ openGmail, openHost, context, extensionId }) => {
  const gmail = await openGmail('thread-own-reply-last');
  const hubspot = await openHost('https://app.hubspot.com/contacts/2456789/record/0-1/51', 'hubspot/contact-record.html', {
    '{{CUSTOMER_SINCE}}': us(daysAgo(125)),
  });
  const panel = await openPanel(context, extensionId);
  await gmail.bringToFront();
  await expect(panel.getByTestId('contact-email')).toHaveText('dana@acme-logistics.example');
  await hubspot.bringToFront();
  await expect(panel.getByTestId('contact-email')).toHaveText('priya.raman@lumen-health.example');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await gmail.bringToFront();
  await expect(panel.getByTestId('contact-email')).toHaveText('dana@acme-logistics.example');
});

test('a CRM site the user added: its contact in the side panel, fields and the email editor picked from there, the ask inserted into that editor', async () => {
  test.skip(!existsSync(CRM_BUILD), 'run npm run build:e2e-crm first');
  test.setTimeout(60_000);
  const since = iso(daysAgo(110));
  const { context, extensionId, worker, errors, network, close } = await launchCrm('custom-crm/contact-with-notes.html', { '{{CUSTOMER_SINCE}}': since });
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('CRM site').fill('crm.northwind-test.example');
    await options.getByRole('button', { name: 'Add site' }).click();
    await expect(options.getByTestId('crm-message')).toContainText(`${CRM} added`);

    const crm = await context.newPage();
    await crm.goto(`${CRM}/contacts/4711`);
    const panel = await openPanel(context, extensionId);
    await crm.bringToFront();
    // On an added site the panel is the sidebar: the toolbar button opens it.
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, `${CRM}/*`);
    await expect.poll(() => worker.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId)).toBe('');

    await expect(panel.getByTestId('read-problem')).toContainText('the email field');
    await panel.getByTestId('pick-on-page').click();
    const bar = crm.locator('[data-referral-window-picker]');
    await expect(bar).toContainText('Name (1 of 9)');
    await crm.getByText('Amara Okafor').click();
    await crm.getByText('amara@okafor-logistics.example').click();
    await crm.getByText('Okafor Logistics').click();
    await crm.getByText(since).click();
    await crm.getByText('10', { exact: true }).click();
    for (let i = 0; i < 3; i++) await bar.getByRole('button', { name: 'Skip this field' }).click();
    await expect(bar).toContainText('the email editor, where the ask is written (9 of 9)');
    await crm.locator('.mail-form [contenteditable]').click();
    await expect(bar).toHaveCount(0);

    await expect(panel.getByTestId('contact-name')).toHaveText('Amara Okafor');
    await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
    await panel.getByTestId('insert-ask').click();
    // The site's mail form shows no recipients: the side panel asks first, naming the contact.
    await expect(panel.getByTestId('insert-confirm-dialog')).toContainText("I can't see whom this draft is to");
    await panel.getByTestId('insert-confirm').click();
    await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
    // Into the email editor picked, not the notes field after it.
    await expect(crm.locator('.mail-form [contenteditable]')).toContainText('Hi Amara,');
    await expect(crm.locator('.notes [contenteditable]')).not.toContainText('Hi Amara');
    expect(errors).toEqual([]);
    expect(network).toEqual([]);
  } finally {
    await close();
  }
});
