import type { Worker } from '@playwright/test';
import { expect, gmailMessage, seed, seededClient, sidebar, test } from './harness';

const badge = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

test('insert -> drafted; the sent message moves it to sent; their "OK" moves it to accepted', async ({ openGmail, context, extensionId }) => {
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('ask-row')).toHaveAttribute('data-status', 'drafted');

  // Send: the compose closes and the message appears in the thread.
  const sentText = await page.locator('div[g_editable="true"]').innerText();
  await page.evaluate(() => document.querySelector('.AO')!.remove());
  await gmailMessage(page, { email: 'alex@northwind.example', name: 'Alex Moreau' }, sentText);
  await expect.poll(async () => (await popup.reload(), popup.getByTestId('ask-row').getAttribute('data-status'))).toBe('sent');
  // Sent: the draft note goes (it counts as asked now).
  await expect(panel.getByTestId('ask-drafted')).toHaveCount(0);

  await gmailMessage(page, { email: 'dana@acme-logistics.example', name: 'Dana Whitfield' }, 'OK, happy to! I know two people.');
  await expect.poll(async () => (await popup.reload(), popup.getByTestId('ask-row').getAttribute('data-status'))).toBe('accepted');
  await expect(popup.getByTestId('ask-row')).toContainText('They said OK: send the intro to forward');
  await expect(panel.getByText('Dana Whitfield said OK.')).toBeVisible();
});

test('a due follow-up shows in the badge and at the top of the popup; dismissing it clears the badge', async ({ context, extensionId, worker }) => {
  const day = 86_400_000;
  const ago = (d: number) => new Date(Date.now() - d * day).toISOString();
  const backup = {
    format: 'referral-window-backup',
    version: 1,
    exportedAt: ago(0),
    contacts: [{ email: 'dana@acme.example', name: 'Dana Whitfield', company: 'Acme', facts: {}, neverAsk: false, updatedAt: ago(10) }],
    asks: [
      {
        id: 'late',
        email: 'dana@acme.example',
        templateId: 'default-ask',
        status: 'sent',
        askedAt: ago(10),
        followUpAt: ago(3),
        history: [
          { status: 'drafted', at: ago(10) },
          { status: 'sent', at: ago(10) },
        ],
      },
      {
        id: 'fresh',
        email: 'ravi@b.example',
        templateId: 'default-ask',
        status: 'sent',
        askedAt: ago(1),
        followUpAt: new Date(Date.now() + 5 * day).toISOString(),
        history: [{ status: 'sent', at: ago(1) }],
      },
    ],
    templates: [],
    kv: [],
  };
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('restore-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('data-message')).toContainText('Restored 1 contact, 2 asks');
  await expect.poll(() => badge(worker)).toBe('1');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const first = popup.getByTestId('ask-row').first();
  await expect(first).toHaveAttribute('data-email', 'dana@acme.example');
  await expect(first).toContainText('No reply after 10 days: follow up once');
  await first.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => badge(worker)).toBe('');
});

test('KPIs match hand-computed numbers; introduced records the referral', async ({ context, extensionId }) => {
  const h = 3_600_000;
  const t0 = Date.now() - 20 * 24 * h;
  const at = (hours: number) => new Date(t0 + hours * h).toISOString();
  const a = (id: string, status: string, history: Array<[string, number]>, segment = 'B2B') => ({
    id,
    email: `${id}@c.example`,
    templateId: 'default-ask',
    status,
    askedAt: at(0),
    segment,
    history: history.map(([s, t]) => ({ status: s, at: at(t) })),
  });
  const backup = {
    format: 'referral-window-backup',
    version: 1,
    exportedAt: at(0),
    contacts: [],
    templates: [],
    kv: [],
    asks: [
      a('one', 'drafted', [['drafted', 0]]),
      a('two', 'sent', [
        ['drafted', 0],
        ['sent', 0],
      ]),
      a(
        'three',
        'accepted',
        [
          ['drafted', 0],
          ['sent', 0],
          ['accepted', 24],
        ],
        'B2C',
      ),
      a('four', 'converted', [
        ['drafted', 0],
        ['sent', 0],
        ['accepted', 2],
        ['introduced', 30],
        ['converted', 200],
      ]),
      a('five', 'declined', [
        ['drafted', 0],
        ['sent', 0],
        ['declined', 48],
      ]),
    ],
  };
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('restore-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('data-message')).toContainText('Restored 0 contacts, 5 asks');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('tab-kpis').click();
  const kpi = (name: string) => popup.locator(`[data-kpi="${name}"]`);
  await expect(kpi('sent')).toHaveText('4');
  await expect(kpi('reply-rate')).toHaveText('75%');
  await expect(kpi('ok-rate')).toHaveText('50%');
  await expect(kpi('introduced')).toHaveText('1');
  await expect(kpi('converted')).toHaveText('1');
  await expect(kpi('conversion-rate')).toHaveText('25%');
  await expect(kpi('median-reply')).toHaveText('24 h');
  // Each segment as a funnel of the same shape: B2B asked 4, sent 3, two replies, one OK that converted.
  const b2b = popup.getByRole('region', { name: 'By segment' }).locator('[data-testid="funnel-group"][data-group="B2B"]');
  const step = (group: typeof b2b, name: string) => group.locator('.step').filter({ hasText: name }).locator('.n');
  await expect(step(b2b, 'Asked')).toHaveText('4');
  await expect(step(b2b, 'Sent')).toHaveText('3');
  await expect(step(b2b, 'Replied')).toHaveText('2');
  await expect(step(b2b, 'Said OK')).toHaveText('1');
  await expect(step(b2b, 'Converted')).toHaveText('1');
  await expect(b2b.locator('h3')).toContainText('33% OK, 33% converted');
  const b2c = popup.getByRole('region', { name: 'By segment' }).locator('[data-testid="funnel-group"][data-group="B2C"]');
  await expect(step(b2c, 'Said OK')).toHaveText('1');
  await expect(popup.getByRole('region', { name: 'By template' }).getByTestId('funnel-group')).toHaveCount(1);

  // Mark "three" introduced, naming the referral: it shows on the row and counts as an intro.
  await popup.getByTestId('tab-asks').click();
  const row = popup.locator('[data-testid="ask-row"][data-email="three@c.example"]');
  await row.getByRole('combobox').selectOption('introduced');
  await row.getByLabel("Referred person's name").fill('Priya Shah');
  await row.getByLabel("Referred person's email").fill('priya@peer.example');
  await row.getByRole('button', { name: 'Mark introduced' }).click();
  await expect(row).toHaveAttribute('data-status', 'introduced');
  await expect(row).toContainText('Referral: Priya Shah priya@peer.example');
  await popup.getByTestId('tab-kpis').click();
  await expect(kpi('introduced')).toHaveText('2');
});

test('the popup shows the open asks the worker saved before its interface loads, then the same rows, usable; an ask discarded is gone from both', async ({
  context,
  extensionId,
  worker,
}) => {
  const now = new Date().toISOString();
  const ask = (id: string, email: string) => ({ id, email, templateId: 'default-ask', status: 'sent', askedAt: now, history: [{ status: 'sent', at: now }] });
  await seed(context, extensionId, {
    contacts: [seededClient('dana@acme-logistics.example', 'Dana Whitfield'), seededClient('lee@peer.example', 'Lee Park', { company: 'Peer Co' })],
    asks: [ask('a1', 'dana@acme-logistics.example'), ask('a2', 'lee@peer.example')],
  });
  const firstScreen = () =>
    worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { rows: Array<{ name: string }> }>> } } } })
        .chrome;
      return (await c.storage.local.get('popup:first-asks'))['popup:first-asks']?.rows.map((r) => r.name);
    });
  // Opened once, the worker saves the page, and its first screen beside it.
  let popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('ask-row')).toHaveCount(2);
  await expect.poll(firstScreen).toEqual(['Dana Whitfield', 'Lee Park']);
  await popup.close();

  popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('ask-row')).toHaveCount(2);
  // Drawn from what was saved before React drew its own rows, and replaced by them: nothing inert is left.
  const marks = await popup.evaluate(() => ['first-content', 'asks-drawn'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? -1));
  expect(marks[0]).toBeGreaterThan(0);
  expect(marks[0]).toBeLessThan(marks[1]!);
  await expect(popup.locator('main[inert]')).toHaveCount(0);
  await expect(popup.getByTestId('ask-row').first()).toContainText('Acme Logistics · Referral ask (B2B) · asked');

  // A write to the asks removes the saved screen at once; the next one holds only what is open.
  await popup.getByTestId('ask-row').filter({ hasText: 'Lee Park' }).getByTestId('ask-discard').click();
  await expect.poll(firstScreen).toEqual(['Dana Whitfield']);
});
