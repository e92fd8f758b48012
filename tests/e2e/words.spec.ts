/**
 * The words on screen (issue 18): what the user reads when there is nothing wrong, and the
 * shortcuts the browser really registered.
 */
import type { Worker } from '@playwright/test';
import { expect, sidebar, test } from './harness';

test("Gmail's inbox list is not a reading problem: the sidebar says to open an email", async ({ context, host }) => {
  await host.serve('https://mail.google.com/mail/u/0/', 'plain.html');
  const page = await context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  const panel = sidebar(page);
  await expect(panel.getByText('Open an email to see the client.')).toBeVisible();
  await expect(panel.getByTestId('read-problem')).toHaveCount(0);
  await expect(panel.getByText(/Could not read/)).toHaveCount(0);
});

test('a contact with no start date reads "Customer since not known yet", not "Customer for unknown"', async ({ openGmail }) => {
  const panel = sidebar(await openGmail('thread-own-reply-last'));
  await expect(panel.getByTestId('relationship-age')).toHaveText('not known yet');
  await expect(panel.getByRole('heading', { name: 'Customer since not known yet' })).toBeVisible();
  await expect(panel.getByText('Customer for unknown')).toHaveCount(0);
});

test('both keyboard shortcuts are registered by the browser, and the options page shows them', async ({ worker, context, extensionId }) => {
  const commands = await (worker as Worker).evaluate(() =>
    (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name: string; shortcut: string }>> } } }).chrome.commands.getAll(),
  );
  const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
  expect(byName['toggle-sidebar']).toBe('Alt+Shift+S');
  expect(byName['insert-ask']).toBe('Alt+Shift+I');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const shortcuts = options.getByTestId('shortcuts');
  await expect(shortcuts).toContainText('Show or hide the referral sidebar: Alt+Shift+S');
  await expect(shortcuts).toContainText('Insert the referral ask into the open draft: Alt+Shift+I');
  await expect(shortcuts).toContainText('chrome://extensions/shortcuts');
});

test("a German client's email is read in German, and the sidebar says so (issue 33)", async ({ openGmail }) => {
  const panel = sidebar(
    await openGmail('thread-own-reply-last', {
      'Quick update: the new routing went live last week and it worked. We hit our quarterly target two weeks early, and the ops team loves it. Thank you for pushing it through.':
        'Kurzes Update: Wir sind mit der neuen Planung nicht zufrieden, der Export funktioniert immer noch nicht und wir überlegen, den Vertrag zu kündigen.',
    }),
  );
  const satisfaction = panel.getByTestId('satisfaction');
  await expect(satisfaction).toContainText('Their recent emails sound negative (1 message, read in German)');
  await expect(satisfaction).toContainText('Reported something still broken');
});
