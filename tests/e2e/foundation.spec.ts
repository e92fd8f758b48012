import { expect, sidebar, test } from './harness';

test('shows the other party of a thread whose last message is my own reply', async ({ openGmail }) => {
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText('Dana Whitfield');
  await expect(panel.getByTestId('contact-email')).toHaveText('dana@acme-logistics.example');
  // Never the account's own address, though it wrote the last message.
  await expect(panel.getByText('alex@northwind.example')).toHaveCount(0);
});

test('shows a name with &, <, quotes and non-Latin letters as plain text', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name');
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-name')).toHaveText(`Zoë "Zed" O'Connor & Søren <Ω> 李`);
  await expect(panel.getByTestId('contact-email')).toHaveText('zoe.oconnor@renard-freres.example');
  await expect(panel.locator('[data-testid="contact-name"] *')).toHaveCount(0);
});

test('the sidebar starts expanded and does not cover the page content', async ({ openGmail }) => {
  const page = await openGmail('thread-own-reply-last');
  const frame = page.locator('[data-testid="referral-sidebar"]');
  const box = (await frame.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(300);
  const send = (await page.getByText('Send', { exact: true }).boundingBox())!;
  expect(send.x + send.width).toBeLessThanOrEqual(box.x);
});

test('popup and options open without errors', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Referral asks' })).toBeVisible();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
});
