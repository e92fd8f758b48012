/**
 * The referral loop around the ask (issue 19): the client's own words proposed for the result,
 * one ask per company per cool-down, and the person a client introduced recognised later, in
 * Gmail and on their CRM record, where a customer record converts the intro.
 */
import { readFileSync } from 'node:fs';
import { format, subMonths } from 'date-fns';
import { expect, seed, seededClient, sidebar, test } from './harness';

const DAY = 86_400_000;
const ago = (d: number) => new Date(Date.now() - d * DAY).toISOString();
const since = (months: number) => format(subMonths(new Date(), months), 'yyyy-MM-dd');
const us = (d: Date) => `${String(d.getMonth() + 1).padStart(2, '0')}/${String(d.getDate()).padStart(2, '0')}/${d.getFullYear()}`;

test("the client's own words are proposed for the result; one click uses them, in the account manager's voice, and the ask says them", async ({
  openGmail,
}) => {
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await panel.getByTestId('customer-since-input').fill(since(4));
  await panel.getByTestId('nps-input').fill('9');
  await panel.getByTestId('nps-input').blur();
  const suggestions = panel.getByTestId('results-suggestion');
  await expect(suggestions.first()).toBeVisible();
  // The strongest first (issue 33): a goal reached before a go-live.
  await expect(suggestions).toContainText([
    'you hit your quarterly target two weeks early, and the ops team loves it',
    'the new routing went live last week and it worked',
  ]);
  await suggestions.filter({ hasText: 'quarterly target' }).click();
  // Kept as the client said it (issue 33): each part of the email turns it for its reader.
  await expect(panel.getByTestId('results-input')).toHaveValue('we hit our quarterly target two weeks early, and the ops team loves it');
  await expect(panel.getByText(/their email of Nov 2, 2026/)).toBeVisible();
  await expect(suggestions).toHaveCount(0);
  await panel.getByTestId('insert-ask').click();
  const draft = page.locator('div[g_editable="true"]');
  await expect(draft).toContainText('(you hit your quarterly target two weeks early, and the ops team loves it)');
  // The note the client forwards is in the client's voice: "we hit our", never "you hit your".
  await expect(draft.locator('blockquote').first()).toContainText('and we hit our quarterly target two weeks early, and the ops team loves it.');
});

test('one ask per company per cool-down: a colleague of a client asked last week is "asked recently", and not in the queue', async ({
  context,
  extensionId,
  openGmail,
}) => {
  await seed(context, extensionId, {
    contacts: [seededClient('dana@acme-logistics.example', 'Dana Whitfield'), seededClient('lee@acme-logistics.example', 'Lee Park')],
    asks: [
      { id: 'a1', email: 'dana@acme-logistics.example', templateId: 'default-ask', status: 'sent', askedAt: ago(7), history: [{ status: 'sent', at: ago(7) }] },
    ],
  });
  const page = await openGmail('thread-own-reply-last', {
    'dana@acme-logistics.example': 'lee@acme-logistics.example',
    'Dana Whitfield': 'Lee Park',
    'Hi Alex': 'Hello Alex',
  });
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-email')).toHaveText('lee@acme-logistics.example');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'asked-recently');
  await expect(panel.getByTestId('verdict')).toContainText(`Asked a colleague at Acme Logistics on ${format(new Date(Date.now() - 7 * DAY), 'MMM d')}`);
  await expect(panel.getByTestId('verdict')).toContainText('You asked Dana Whitfield at Acme Logistics');
  // Insert is not the advised action: it asks first.
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByTestId('insert-confirm-dialog')).toContainText('Asked a colleague at Acme Logistics');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('tab-queue').click();
  await expect(popup.getByText('Nobody to ask this week')).toBeVisible();
  await expect(popup.locator('[data-testid="queue-row"][data-email="lee@acme-logistics.example"]')).toHaveCount(0);
});

test('the person a client introduced is recognised in Gmail and on their CRM record, where a customer record converts the intro', async ({
  context,
  extensionId,
  openGmail,
  openHost,
}) => {
  test.setTimeout(60_000);
  const introducedAt = ago(20);
  await seed(context, extensionId, {
    contacts: [seededClient('dana@acme-logistics.example', 'Dana Whitfield')],
    asks: [
      {
        id: 'a1',
        email: 'dana@acme-logistics.example',
        templateId: 'default-ask',
        status: 'introduced',
        askedAt: ago(40),
        referral: { name: 'Priya Raman', email: 'priya.raman@lumen-health.example' },
        history: [
          { status: 'sent', at: ago(40) },
          { status: 'accepted', at: ago(38) },
          { status: 'introduced', at: introducedAt },
        ],
      },
    ],
  });
  const introduced = format(new Date(introducedAt), 'MMM d');
  // The programme's two-sided incentive, as the user fills it in the settings.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('What your client gets for an intro').fill('a $100 credit');
  await options.getByLabel('What the friend they introduce gets').fill('their first month free');
  await options.getByRole('button', { name: 'Save profile' }).click();
  await expect(options.getByText('Profile saved.')).toBeVisible();
  // In Gmail first: the thread is from Priya now.
  const gmail = await openGmail('thread-special-name', {
    'zoe.oconnor@renard-freres.example': 'priya.raman@lumen-health.example',
    "Zoë O'Connor": 'Priya Raman',
  });
  await expect(sidebar(gmail).getByTestId('referred-by')).toHaveText(`Referred by Dana Whitfield (Acme Logistics), introduced ${introduced}`);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('[data-testid="ask-row"][data-email="dana@acme-logistics.example"]')).toHaveAttribute('data-status', 'introduced');

  // Then her HubSpot record, which shows her as a customer: the intro converted.
  const record = await openHost('https://app.hubspot.com/contacts/2456789/record/0-1/51', 'hubspot/contact-record.html', {
    '{{CUSTOMER_SINCE}}': us(new Date(Date.now() - 3 * DAY)),
  });
  await expect(sidebar(record).getByTestId('referred-by')).toContainText('Referred by Dana Whitfield (Acme Logistics)');
  await expect(sidebar(record).getByTestId('referred-by')).toContainText('now a customer');
  await popup.reload();
  await popup.getByRole('combobox', { name: 'Filter by status' }).selectOption('all');
  await expect(popup.locator('[data-testid="ask-row"][data-email="dana@acme-logistics.example"]')).toHaveAttribute('data-status', 'converted');

  // Close the loop with Dana: the thank-you (the sidebar offers it after the intro), then how it went.
  const thread = await openGmail('thread-own-reply-last');
  const panel = sidebar(thread);
  await expect(panel.getByTestId('close-loop')).toContainText('Thank them for the intro to Priya Raman');
  await panel.getByTestId('insert-thanks').click();
  const editor = thread.locator('div[g_editable="true"]');
  await expect(editor).toContainText('Thank you for introducing me to Priya Raman.');
  await expect(panel.getByTestId('close-loop')).toContainText('Priya Raman became a customer: tell them how it went');
  await panel.getByTestId('insert-update').click();
  await expect(editor).toContainText('A quick update on your intro to Priya Raman: they are now a customer.');
  await expect(panel.getByTestId('close-loop')).toHaveCount(0);

  // The rewards both sides are owed, marked given in the popup; the numbers count them.
  await popup.reload();
  const row = popup.locator('[data-testid="ask-row"][data-email="dana@acme-logistics.example"]');
  await expect(row.locator('[data-testid="reward"][data-side="client"]')).toContainText('Owed to Dana Whitfield: a $100 credit');
  await expect(row.locator('[data-testid="reward"][data-side="friend"]')).toContainText('Owed to Priya Raman: their first month free');
  await row.locator('[data-testid="reward"][data-side="client"]').getByRole('button', { name: 'Mark given' }).click();
  await expect(row.locator('[data-testid="reward"][data-side="client"]')).toHaveAttribute('data-given', 'true');
  await popup.getByTestId('tab-kpis').click();
  await popup.getByLabel('Period').selectOption('all');
  await expect(popup.locator('[data-kpi="rewards"]')).toHaveText('1 / 1');
  await expect(popup.locator('[data-kpi="days-to-intro"]')).toHaveText('20 days');
  await expect(popup.getByTestId('kpis-by-month')).toBeVisible();
  const download = popup.waitForEvent('download');
  await popup.getByRole('button', { name: /Download the referrals/ }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('Priya Raman,priya.raman@lumen-health.example,converted');
  expect(csv).toContain('Dana Whitfield,dana@acme-logistics.example,Acme Logistics,a $100 credit (given');
});

test("double opt-in: the note asks the peer first with nobody's details; the intro with them follows only the peer's yes", async ({
  context,
  extensionId,
  openGmail,
}) => {
  test.setTimeout(60_000);
  const options = await seed(context, extensionId, { contacts: [seededClient('dana@acme-logistics.example', 'Dana Whitfield')] });
  await options.reload();
  await options.getByLabel('Your email').fill('alex@northwind.example');
  await options.getByLabel(/Intros ask the peer first/).check();
  await options.getByRole('button', { name: 'Save profile' }).click();
  await expect(options.getByText('Profile saved.')).toBeVisible();

  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await expect(panel.getByTestId('template-choice')).toHaveValue('default-ask-peer-first');
  await panel.getByTestId('insert-ask').click();
  const editor = page.locator('div[g_editable="true"]');
  await expect(editor).toContainText('Would you like me to connect you?');
  await expect(editor).not.toContainText('alex@northwind.example');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const row = popup.locator('[data-testid="ask-row"][data-email="dana@acme-logistics.example"]');
  await row.getByRole('combobox').selectOption('accepted');
  await expect(row).toContainText('will ask their peer first');
  await expect(panel.getByTestId('peer-first-waiting')).toBeVisible();
  await expect(panel.getByTestId('insert-intro')).toHaveCount(0);
  await row.getByTestId('peer-agreed').click();
  await expect(row).toContainText('Their peer agreed: send the intro with your details');
  await panel.getByTestId('insert-intro').click();
  await expect(editor).toContainText('easy to reach at alex@northwind.example');
});
