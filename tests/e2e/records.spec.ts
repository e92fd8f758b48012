/**
 * Trustworthy records (issue 17) and refresh on change (issue 13): what the popup does shows at
 * once in an open sidebar; the collapsed state follows the shortcut; an undone insert and a
 * discarded ask stop counting as asked; the headline states the real state; a restore says what
 * it replaces and every form reloads.
 */
import { format, subMonths } from 'date-fns';
import { expect, seed, seededClient, sidebar, test } from './harness';

const DAY = 86_400_000;
const ago = (d: number) => new Date(Date.now() - d * DAY).toISOString();
const since = (months: number) => format(subMonths(new Date(), months), 'yyyy-MM-dd');

/** A sent ask to Dana, `daysAgo` old, its follow-up due `followUpIn` days from now (negative: past). */
const sentAsk = (daysAgo: number, followUpIn: number) => ({
  id: 'a1',
  email: 'dana@acme-logistics.example',
  templateId: 'default-ask',
  status: 'sent',
  askedAt: ago(daysAgo),
  followUpAt: ago(-followUpIn),
  history: [{ status: 'sent', at: ago(daysAgo) }],
});

const dana = (extra: object = {}) => seededClient('dana@acme-logistics.example', 'Dana Whitfield', { company: 'Acme', ...extra });

test('dismissing a due follow-up in the popup changes the open sidebar at once, and what Insert would write', async ({ context, extensionId, openGmail }) => {
  await seed(context, extensionId, { contacts: [dana()], asks: [sentAsk(12, -2)] });
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await expect(panel.getByTestId('verdict')).toContainText('No reply yet: follow up once now.');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('ask-row').first().getByRole('button', { name: 'Dismiss' }).click();
  await page.bringToFront();
  await expect(panel.getByTestId('verdict')).toContainText('No follow-up planned (reminder dismissed)');
  await expect(panel.getByTestId('verdict')).not.toContainText('Followed up already');
});

test('the shortcut collapsing the sidebar collapses the app inside the frame too', async ({ openGmail, worker }) => {
  const page = await openGmail('thread-special-name');
  const frame = page.locator('[data-testid="referral-sidebar"]');
  // What Alt+Shift+S does (headless Chromium does not route the keys to extension commands).
  await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await c.storage.local.set({ 'sidebar:collapsed': true });
  });
  await expect.poll(async () => (await frame.boundingBox())!.width).toBeLessThan(60);
  await expect(sidebar(page).getByRole('button', { name: 'Open the referral sidebar' })).toBeVisible();
  await expect(sidebar(page).getByTestId('verdict')).toHaveCount(0);
});

test('an insert undone in the editor is discarded: it does not count as asked, and the popup no longer lists it', async ({
  openGmail,
  context,
  extensionId,
}) => {
  const page = await openGmail('thread-special-name');
  const panel = sidebar(page);
  await panel.getByTestId('customer-since-input').fill(since(4));
  await panel.getByTestId('nps-input').fill('10');
  await panel.getByTestId('nps-input').blur();
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  // A compose opened by hand: the ask goes in, then Ctrl+Z takes it out again.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.className = 'M9';
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('g_editable', 'true');
    editor.setAttribute('role', 'textbox');
    const to = document.createElement('div');
    to.setAttribute('name', 'to');
    to.textContent = 'zoe.oconnor@renard-freres.example';
    box.append(to, editor);
    document.body.append(box);
  });
  await page.locator('[g_editable="true"]').click();
  await panel.getByTestId('insert-ask').click();
  await expect(page.locator('[g_editable="true"]')).toContainText('just reply "OK"');
  await expect(panel.getByTestId('ask-drafted')).toBeVisible();
  await page.locator('[g_editable="true"]').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('[g_editable="true"]')).not.toContainText('just reply "OK"');
  await expect(panel.getByTestId('ask-drafted')).toHaveCount(0);
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByText('No open asks')).toBeVisible();
});

test('the popup discards an ask (with undo): not an open ask, not counted as asked', async ({ context, extensionId, openGmail }) => {
  await seed(context, extensionId, { contacts: [dana()], asks: [sentAsk(2, 3)] });
  const page = await openGmail('thread-own-reply-last');
  await expect(sidebar(page).getByTestId('verdict')).toHaveAttribute('data-verdict', 'asked-recently');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('ask-row').getByTestId('ask-discard').click();
  await expect(popup.getByTestId('ask-row')).toHaveCount(0);
  await page.bringToFront();
  await expect(sidebar(page).getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await popup.bringToFront();
  await popup.getByTestId('ask-undo').click();
  await expect(popup.getByTestId('ask-row')).toHaveCount(1);
});

test('never-ask and snoozed are the headline; Insert asks before writing there', async ({ context, extensionId, openGmail }) => {
  const options = await seed(context, extensionId, { contacts: [dana({ snoozedUntil: format(new Date(Date.now() + 14 * DAY), 'yyyy-MM-dd') })] });
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'snoozed');
  await expect(panel.getByTestId('verdict')).toContainText('Snoozed until');
  await expect(panel.locator('.sendtime')).toHaveCount(0);
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByTestId('insert-confirm-dialog')).toBeVisible();
  await expect(page.locator('[g_editable="true"]')).not.toContainText('Hi Dana');
  await panel.getByRole('button', { name: 'Cancel' }).click();

  await options.bringToFront();
  await options.getByLabel('Domains, one per line').fill('acme-logistics.example');
  await options.getByRole('button', { name: 'Save never-ask list' }).click();
  await page.bringToFront();
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'never-ask');
  await expect(panel.getByTestId('verdict')).toContainText('On your never-ask list');
});

test('a restore says what it replaces; after it, every form shows the restored values', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByLabel('Your name')).toHaveValue('');
  await options.getByTestId('restore-file').setInputFiles({
    name: 'b.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'referral-window-backup',
        version: 1,
        exportedAt: ago(0),
        contacts: [dana()],
        asks: [],
        templates: [],
        kv: [
          {
            key: 'profile',
            value: {
              name: 'Alex Moreau',
              title: 'Account manager',
              company: 'Northwind',
              email: 'alex@northwind.example',
              phone: '',
              links: [],
              product: 'Northwind Routing',
              incentive: '',
            },
          },
          { key: 'neverAsk', value: { emails: ['ceo@rival.example'], domains: [] } },
        ],
      }),
    ),
  });
  await expect(options.getByRole('alertdialog', { name: 'Confirm the restore' })).toContainText('replaces everything here now (0 contacts, 0 asks');
  await expect(options.getByRole('alertdialog', { name: 'Confirm the restore' })).toContainText("the backup's 1 contact, 0 asks");
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('data-message')).toContainText('Restored 1 contact,');
  await expect(options.getByLabel('Your name')).toHaveValue('Alex Moreau');
  await expect(options.getByLabel('Email addresses, one per line')).toHaveValue('ceo@rival.example');
});
