import { HOSTS } from '../../lib/hosts/registry';
import { HOST_FIXTURES } from '../shared/hosts';
import { expect, sidebar, test } from './harness';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const us = (d: Date) => `${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}/${d.getFullYear()}`;

test('Outlook: the other party of the conversation; the ask lands in the reply above the signature', async ({ openHost }) => {
  const page = await openHost('https://outlook.office.com/mail/inbox/id/AAQkAGI2', 'outlook/conversation-reply.html');
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Kenji Sato');
  await expect(panel.getByTestId('contact-email')).toHaveText('kenji.sato@hoshi-foods.example');
  await panel.getByTestId('insert-ask').click();
  const editor = page.locator('[contenteditable="true"][aria-multiline="true"]');
  await expect(editor).toContainText('Hi Kenji,');
  const order = await editor.evaluate((el) => [
    el.innerHTML.indexOf('Hi Kenji'),
    el.innerHTML.indexOf('id="Signature"'),
    el.innerHTML.indexOf('divRplyFwdMsg'),
  ]);
  expect(order[0]).toBeLessThan(order[1]!);
  expect(order[1]).toBeLessThan(order[2]!);
});

test('HubSpot: facts from the record give a verdict with nothing typed; the same contact in Gmail shows where they came from', async ({
  openHost,
  openGmail,
}) => {
  const since = daysAgo(125);
  const page = await openHost('https://app.hubspot.com/contacts/2456789/record/0-1/51', 'hubspot/contact-record.html', { '{{CUSTOMER_SINCE}}': us(since) });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Priya Raman');
  await expect(panel.getByTestId('contact-email')).toHaveText('priya.raman@lumen-health.example');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await expect(panel.getByTestId('customer-since-input')).toHaveValue(iso(since));
  await panel.getByTestId('insert-ask').click();
  await expect(page.locator('[data-selenium-test="rich-text-editor"] [contenteditable]')).toContainText('Hi Priya,');
  await expect(page.locator('input[data-selenium-test="email-subject"]')).toHaveValue('A quick favour, Priya?');

  const gmail = await openGmail('thread-special-name', {
    'zoe.oconnor@renard-freres.example': 'priya.raman@lumen-health.example',
  });
  const gmailPanel = sidebar(gmail);
  await expect(gmailPanel.getByTestId('contact-email')).toHaveText('priya.raman@lumen-health.example');
  await expect(gmailPanel.getByTestId('customer-since-input')).toHaveValue(iso(since));
  await expect(gmailPanel.getByText(/seen in HubSpot on/).first()).toBeVisible();
});

test('Salesforce: a Contact record in the window reads as ask now; insert lands in the composer', async ({ openHost }) => {
  const page = await openHost('https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view', 'salesforce/contact-record.html', {
    '{{CUSTOMER_SINCE}}': iso(daysAgo(100)),
  });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Marco Bellini');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await panel.getByTestId('insert-ask').click();
  await expect(page.locator('.slds-rich-text-editor__textarea')).toContainText('Hi Marco,');
});

test('Pipedrive: a detractor on the person page means fix first', async ({ openHost }) => {
  const page = await openHost('https://northwind.pipedrive.com/person/812', 'pipedrive/person.html', { '{{CUSTOMER_SINCE}}': iso(daysAgo(100)) });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Sofia Nowak');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'fix-first');
  // Not advised: Insert asks first, and writes nothing until confirmed.
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByTestId('insert-confirm-dialog')).toContainText('Fix the relationship first');
  await expect(page.locator('[data-testid="mail-composer"] [contenteditable]')).not.toContainText('Hi Sofia,');
  await panel.getByTestId('insert-confirm').click();
  await expect(page.locator('[data-testid="mail-composer"] [contenteditable]')).toContainText('Hi Sofia,');
});

test('a record that shows no email: a clear message and manual entry, never a blank panel', async ({ openHost }) => {
  const page = await openHost('https://app.hubspot.com/contacts/2456789/record/0-1/99', 'hubspot/contact-record.html', {
    '<div data-selenium-test="property-input-email"><label>Email</label><span data-selenium-test="property-value">priya.raman@lumen-health.example</span></div>':
      '',
  });
  const panel = sidebar(page);
  await expect(panel.getByTestId('read-problem')).toContainText("Could not read the contact's email on this HubSpot record.");
  await expect(panel.getByTestId('pick-on-page')).toBeVisible();
  await panel.getByLabel('Contact email').fill('priya.raman@lumen-health.example');
  await panel.getByRole('button', { name: 'Show this contact' }).click();
  await expect(panel.getByTestId('contact-email')).toHaveText('priya.raman@lumen-health.example');
});

test('issue 32: the new Outlook at outlook.cloud.microsoft: the client, and the ask keeps its greeting in a reply quoting theirs', async ({ openHost }) => {
  const page = await openHost('https://outlook.cloud.microsoft/mail/inbox/id/AAQkADc3MmNloudAAA%3D', 'outlook-cloud/conversation-reply.html');
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Astrid Lindqvist');
  await expect(panel.getByTestId('contact-email')).toHaveText('astrid@lindqvistdesign.example');
  await panel.getByTestId('insert-ask').click();
  const editor = page.locator('[contenteditable="true"][aria-multiline="true"]');
  // The quoted original's "Hi Sam," is not the user's greeting: the ask greets Astrid, above the signature.
  await expect(editor).toContainText('Hi Astrid,');
  const order = await editor.evaluate((el) => [
    el.innerHTML.indexOf('Hi Astrid,'),
    el.innerHTML.indexOf('id="Signature"'),
    el.innerHTML.indexOf('divRplyFwdMsg'),
  ]);
  expect(order[0]).toBeGreaterThan(-1);
  expect(order[0]).toBeLessThan(order[1]!);
  expect(order[1]).toBeLessThan(order[2]!);

  const compose = await openHost('https://outlook.cloud.microsoft/mail/deeplink/compose', 'outlook-cloud/new-message.html');
  await expect(sidebar(compose).getByTestId('contact-email')).toHaveText('astrid@lindqvistdesign.example');
  await sidebar(compose).getByTestId('insert-ask').click();
  await expect(compose.locator('[aria-multiline="true"]')).toContainText('Hi Astrid,');
  await expect(compose.locator('input[maxlength="255"]')).toHaveValue('A quick favour, Astrid?');
});

test('Outlook new message: the recipient is the contact; the ask and subject land in the draft', async ({ openHost }) => {
  const page = await openHost('https://outlook.live.com/mail/0/deeplink/compose', 'outlook/new-message.html');
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Inês Duarte');
  await panel.getByTestId('insert-ask').click();
  await expect(page.locator('[aria-multiline="true"]')).toContainText('Hi Inês,');
  await expect(page.locator('input[maxlength="255"]')).toHaveValue('A quick favour, Inês?');
});

test("issue 32: HubSpot's email dialog (2026 layout): found, written into above the signature, and an undo discards the ask; name and company from the record", async ({
  openHost,
}) => {
  const page = await openHost('https://app.hubspot.com/contacts/2456789/record/0-1/7001', 'hubspot/contact-record-2026.html', {
    '{{CUSTOMER_SINCE}}': us(daysAgo(125)),
  });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Astrid Lindqvist');
  await expect(panel.getByTestId('contact-company')).toHaveText('Lindqvist Design AB');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  const editor = page.locator('[role="dialog"] .public-DraftEditor-content');
  await editor.click();
  await panel.getByTestId('insert-ask').click();
  await expect(editor).toContainText('Hi Astrid,');
  await expect(editor).toContainText('Lindqvist Design AB');
  await expect(page.locator('[role="dialog"] input[aria-label="Subject"]')).toHaveValue('A quick favour, Astrid?');
  const order = await editor.evaluate((el) => [el.textContent!.indexOf('Hi Astrid,'), el.textContent!.indexOf('Sam Rivera · Northwind')]);
  expect(order[0]).toBeLessThan(order[1]!);
  // The note editor beside it got nothing.
  await expect(page.locator('[aria-label="Note"]')).not.toContainText('Astrid');
  await expect(panel.getByTestId('ask-drafted')).toBeVisible();
  await editor.click();
  await page.keyboard.press('Control+z');
  await expect(editor).not.toContainText('Hi Astrid,');
  await expect(panel.getByTestId('ask-drafted')).toHaveCount(0);
});

test("issue 32: Salesforce's Send Email action (lightning-input-rich-text, its Quill body in a shadow root): the ask and subject land there", async ({
  openHost,
}) => {
  const page = await openHost('https://northwind.lightning.force.com/lightning/r/Contact/0035g00000XYZABAA4/view', 'salesforce/contact-record-2026.html', {
    '{{CUSTOMER_SINCE}}': us(daysAgo(125)),
  });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Marco Bellini');
  await expect(panel.getByTestId('insert-ask')).toBeEnabled();
  await panel.getByTestId('insert-ask').click();
  await expect(page.locator('.ql-editor')).toContainText('Hi Marco,');
  await expect(page.locator('input[aria-label="Subject"]')).toHaveValue('A quick favour, Marco?');
});

test("issue 32: a Pipedrive deal page: the deal's person, badges apart", async ({ openHost }) => {
  const page = await openHost('https://northwind.pipedrive.com/deal/4410', 'pipedrive/deal-2026.html', { '{{CUSTOMER_SINCE}}': iso(daysAgo(100)) });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-email')).toHaveText('kai@larsenbyg.example');
  await expect(panel.getByTestId('contact-name')).toHaveText('Kai Larsen');
  await expect(panel.getByTestId('customer-since-input')).toHaveValue(iso(daysAgo(100)));
});

test('HubSpot deal record: the associated contact, with the won date as customer since', async ({ openHost }) => {
  const since = daysAgo(100);
  const page = await openHost('https://app-eu1.hubspot.com/contacts/2456789/record/0-3/77', 'hubspot/deal-record.html', { '{{CUSTOMER_SINCE}}': iso(since) });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-email')).toHaveText('priya.raman@lumen-health.example');
  await expect(panel.getByTestId('customer-since-input')).toHaveValue(iso(since));
});

test('Salesforce Lead record: read without a composer; the button says how to insert', async ({ openHost }) => {
  const page = await openHost('https://acme.my.lightning.force.com/lightning/r/Lead/00Q5g00000ABCDEAA4/view', 'salesforce/lead-record.html');
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Yuki Tanaka');
  await expect(panel.getByTestId('insert-ask')).toBeDisabled();
});

test('every host in the registry is read by the shipped build, under its own CSP', async ({ openHost }) => {
  for (const row of HOSTS) {
    const fixture = HOST_FIXTURES[row.id];
    const page = await openHost(fixture.url, fixture.file, { '{{CUSTOMER_SINCE}}': iso(daysAgo(100)) });
    await expect(sidebar(page).getByTestId('contact-email'), row.label).toHaveText(fixture.email);
    await page.close();
  }
});
