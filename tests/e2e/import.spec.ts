import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from '@playwright/test';
import { expect, launch, ROOT, test } from './harness';

/** Reads the alarm in the service worker (the extension origin), as chrome://extensions would show it. */
const weeklyAlarm = (worker: Worker) =>
  worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number; scheduledTime: number } | undefined> } } }
    ).chrome.alarms.get('weekly-queue'),
  );

const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** A HubSpot-style contacts export, dated relative to today so the queue is right on any day. */
function hubspotExport(): string {
  return [
    '"Record ID","First Name","Last Name","Email","Associated Company","Became a Customer Date","NPS Score","Lifecycle Stage","Time Zone"',
    `"101","Dana","Whitfield","dana@acme-logistics.example","Acme Logistics","${iso(120)} 10:22","9","customer","America/Chicago"`,
    `"102","Ravi","Patel","ravi@brightpath.example","Brightpath","${iso(88)}","10","customer",""`,
    `"103","Mia","Keller","mia@keller-bau.example","Keller Bau","${iso(30)}","10","customer","Europe/Berlin"`,
    `"104","Tom","Grant","tom@grant.example","Grant & Co","${iso(120)}","4","customer",""`,
    `"105","Broken","Email","broken-at-example","Nowhere","${iso(120)}","9","customer",""`,
    `"106","Bad","Score","bad@score.example","Score Inc","${iso(120)}","15","customer",""`,
    `"107","Lena","Ortiz","lena@ortiz.example","Ortiz SA","${iso(400)}","9","customer",""`,
  ].join('\n');
}

test('import a HubSpot export, see the report and the queue, back up and restore into a fresh profile', async ({ context, extensionId, host }) => {
  // Two browsers (the restore goes into a fresh profile) and a compose tab: longer than most.
  test.setTimeout(90_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('import-file').setInputFiles({ name: 'hubspot-contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotExport()) });
  // The preview shows how each column will be read before anything is written.
  await expect(options.getByLabel('Import column Became a Customer Date as')).toHaveValue('customerSince');
  await expect(options.getByLabel('Import column Record ID as')).toHaveValue('');
  await options.getByTestId('import-confirm').click();
  const report = options.getByTestId('import-report');
  await expect(report).toContainText('6 of 7 rows imported');
  await expect(report).toContainText('Line 6: "broken-at-example" is not an email address');
  // A bad NPS skips that cell; the contact still comes in.
  await expect(report).toContainText('Line 7, column NPS Score: "15" is not a whole number from 0 to 10: cell skipped');
  await expect(report).toContainText('Every row: 6 + 0 + 1 = 7');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('tab-queue').click();
  // Dana: in the window. Ravi: opens within days. Mia: too early. Tom: detractor. Lena: past the window.
  await expect(popup.getByTestId('queue-row')).toHaveCount(2);
  await expect(popup.getByTestId('queue-row').nth(0)).toHaveAttribute('data-email', 'dana@acme-logistics.example');
  await expect(popup.getByTestId('queue-row').nth(1)).toHaveAttribute('data-email', 'ravi@brightpath.example');
  await expect(popup.getByTestId('queue-count')).toHaveText('2 clients to ask');
  await expect(popup.getByTestId('queue-order')).toContainText('high-value clients first');

  // "Compose in Gmail" opens Gmail's compose to Dana with the ask already written in, and records a draft.
  await host.serve('https://mail.google.com/mail/?**', 'plain.html');
  const [compose] = await Promise.all([
    context.waitForEvent('page'),
    popup.locator('[data-testid="queue-row"][data-email="dana@acme-logistics.example"]').getByTestId('queue-compose').click(),
  ]);
  await compose.waitForURL(/view=cm/);
  const url = new URL(compose.url());
  expect(url.searchParams.get('to')).toBe('dana@acme-logistics.example');
  expect(url.searchParams.get('body')).toMatch(/^Hi Dana,\n/);
  expect(url.searchParams.get('body')).toContain('forward');
  await compose.close();
  await popup.getByTestId('tab-asks').click();
  await expect(popup.locator('[data-testid="ask-row"][data-email="dana@acme-logistics.example"]').first()).toHaveAttribute('data-status', 'drafted');
  await popup.getByTestId('tab-queue').click();
  // Her ask is drafted: she leaves "Who to ask" (a second click would have recorded a second ask).
  await expect(popup.getByTestId('queue-row')).toHaveCount(1);
  await expect(popup.getByTestId('queue-row').nth(0)).toHaveAttribute('data-email', 'ravi@brightpath.example');

  // The imported facts are there when the client's thread is opened in Gmail.
  const gmailUrl = 'https://mail.google.com/mail/u/0/imported';
  await host.serve(gmailUrl, 'gmail/thread-own-reply-last.html');
  const gmail = await context.newPage();
  await gmail.goto(gmailUrl);
  const panel = gmail.frameLocator('[data-testid="referral-sidebar"]');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await expect(panel.getByText('imported from hubspot-contacts.csv on').first()).toBeVisible();
  await gmail.close();

  // Re-importing the same file updates, it does not duplicate.
  await options.getByTestId('import-file').setInputFiles({ name: 'hubspot-contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotExport()) });
  await options.getByTestId('import-confirm').click();
  await expect(options.getByTestId('import-report')).toContainText('(0 new, 0 updated, 6 unchanged)');

  // Never ask a whole domain: it leaves the queue.
  await options.getByLabel('Domains, one per line').fill('brightpath.example');
  await options.getByRole('button', { name: 'Save never-ask list' }).click();
  await expect(options.getByTestId('data-message')).toHaveText('Never-ask list saved.');
  await popup.reload();
  await popup.getByTestId('tab-queue').click();
  await expect(popup.getByTestId('queue-row')).toHaveCount(0);

  const downloadPromise = options.waitForEvent('download');
  await options.getByTestId('export-backup').click();
  const backupPath = await (await downloadPromise).path();
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(backup.contacts).toHaveLength(6);

  // A second, fresh browser profile: restore, and everything is there, exactly.
  const profile = mkdtempSync(path.join(tmpdir(), 'rw-restore-'));
  const fresh = await launch(profile);
  try {
    const page = await fresh.context.newPage();
    await page.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    await page.getByTestId('restore-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await page.getByTestId('restore-confirm').click();
    await expect(page.getByTestId('data-message')).toHaveText('Restored 6 contacts, 1 ask and 9 templates from backup.json.');
    const again = page.waitForEvent('download');
    await page.getByTestId('export-backup').click();
    const restored = JSON.parse(readFileSync(await (await again).path(), 'utf8'));
    expect({ ...restored, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });
    const freshPopup = await fresh.context.newPage();
    await freshPopup.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
    await freshPopup.getByTestId('tab-queue').click();
    // As in the first profile: Dana's draft ask and the never-ask domain came along, so no one is queued.
    await expect(freshPopup.getByTestId('queue-empty')).toContainText('no ask to them is waiting in a draft');

    // A file that is not a backup is refused and changes nothing.
    await page.getByTestId('restore-file').setInputFiles({ name: 'nope.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
    await expect(page.getByTestId('data-message')).toContainText('not a valid Referral window backup');
  } finally {
    await fresh.context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a file with no email column asks for the mapping; choosing it imports', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const csv = `Contact,Customer Since,NPS\nana@cliente.example,${iso(100)},10\n`;
  await options.getByTestId('import-file').setInputFiles({ name: 'custom.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(options.getByText('Choose which column holds the email address')).toBeVisible();
  await expect(options.getByTestId('import-confirm')).toBeDisabled();
  await options.getByLabel('Import column Contact as').selectOption('email');
  await options.getByTestId('import-confirm').click();
  await expect(options.getByTestId('import-report')).toContainText('1 of 1 row imported');
  // The same export again: the mapping the user chose is offered, and Import is ready (issue 31).
  await options.getByTestId('import-file').setInputFiles({ name: 'custom.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(options.getByTestId('import-remembered')).toContainText('as you chose for this export last time');
  await expect(options.getByLabel('Import column Contact as')).toHaveValue('email');
  await expect(options.getByTestId('import-confirm')).toBeEnabled();
});

test('issue 31: a date column nothing settles is asked about, never guessed; a Salesforce report footer is skipped as one', async ({
  context,
  extensionId,
}) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // A US Close Date column plus a row rejected for its email whose date is a date in neither order.
  const csv = 'Email,Close Date\none@x.example,11/06/2026\nnine@x.example,03/06/2026\nnot-an-email,31/31/2026\n';
  await options.getByTestId('import-file').setInputFiles({ name: 'close-dates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const question = options.getByTestId('import-date-order');
  await expect(question).toContainText('Does the day or the month come first in Close Date?');
  await expect(options.getByText('Choose whether the day or the month comes first in Close Date: dates are never guessed.')).toBeVisible();
  await expect(options.getByTestId('import-confirm')).toBeDisabled();
  await question.getByLabel('Month first: 11/06/2026 = 6 November 2026, 03/06/2026 = 6 March 2026').check();
  await options.getByTestId('import-confirm').click();
  const report = options.getByTestId('import-report');
  await expect(report).toContainText('2 of 3 rows imported');
  await expect(report).toContainText('Close Date: dates as MM/DD/YYYY (month first), as you chose');

  const footer = readFileSync(path.join(ROOT, 'tests/fixtures/exports/salesforce-report-us.csv'));
  await options.getByTestId('import-file').setInputFiles({ name: 'report.csv', mimeType: 'text/csv', buffer: footer });
  await expect(options.getByText(/the report footer says it was generated on 12\/6\/2026|day or month first/).first()).toBeVisible();
  // Month first by the footer's own date when that is recent; asked otherwise (the fixture is dated 2026-12-06).
  if (await question.count()) await question.getByLabel(/^Month first/).check();
  await options.getByTestId('import-confirm').click();
  await expect(report).toContainText('3 of 3 rows imported');
  await expect(report).toContainText('+ 6 of the Salesforce report footer');
  await expect(options.getByTestId('import-footer')).toHaveText('Lines 5-10: Salesforce report footer, skipped.');
});

test('the weekly reminder is opt-in and sets a Monday alarm', async ({ context, extensionId, worker }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await weeklyAlarm(worker)).toBeFalsy();
  await options.getByLabel(/Every Monday at 9:00/).check();
  await expect(options.getByTestId('data-message')).toHaveText('Weekly reminder on: Mondays at 9:00.');
  const alarm = await weeklyAlarm(worker);
  expect(alarm?.periodInMinutes).toBe(7 * 24 * 60);
  expect(new Date(alarm!.scheduledTime).getDay()).toBe(1);
  await options.getByLabel(/Every Monday at 9:00/).uncheck();
  await expect(options.getByTestId('data-message')).toHaveText('Weekly reminder off.');
  expect(await weeklyAlarm(worker)).toBeFalsy();
});

test('every line of a messy export is accounted for: duplicates merged and named, bad cells skipped, formats said', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const csv = [
    'Email;Full Name;NPS;Time Zone;Spend 90d;Close Date;Segment',
    `amara@okafor.example;Amara Okafor;9;Africa/Lagos;1.234,50;16.07.2026;Enterprise`,
    `ben@bexley.example;Ben Bexley;n/a;Mars/Olympus_Mons;99,90;03.08.2026;enterprise`,
    `not-an-email;Nobody;9;;;;`,
    `AMARA@okafor.example;;3;;;;`,
    `cleo@formula.example;=HYPERLINK("x");10;;;;`,
  ].join('\n');
  await options.getByTestId('import-file').setInputFiles({ name: 'messy.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // The preview says how the columns will be read before anything is written.
  await expect(options.getByText('amounts with a decimal comma (1.234,50)')).toBeVisible();
  await expect(options.getByText('dates as DD.MM.YYYY')).toBeVisible();
  await expect(options.getByText(/Rows with the same email are merged/)).toBeVisible();
  await options.getByTestId('import-confirm').click();
  const report = options.getByTestId('import-report');
  await expect(report).toContainText('3 of 5 rows imported');
  await expect(report).toContainText('Every row: 3 + 1 + 1 = 5');
  await expect(report).toContainText("The file's 6 lines: 1 header + 5 rows");
  await expect(report).toContainText('Line 5: duplicate of line 2 (amara@okafor.example), merged into it: NPS 9 → 3');
  await expect(report).toContainText('Line 3, column NPS: "n/a" is not a whole number from 0 to 10: cell skipped');
  await expect(report).toContainText('Line 3, column Time Zone');
  await expect(report).toContainText('Line 4: "not-an-email" is not an email address');
  await expect(report).toContainText('Line 6: the name "=HYPERLINK("x")" looks like a spreadsheet formula');

  // A workbook renamed .csv: said plainly, nothing imported.
  await options
    .getByTestId('import-file')
    .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('PK\u0003\u0004\u0014\u0000binary') });
  await expect(options.getByRole('alert')).toContainText('This is not a CSV file');
  await expect(options.getByTestId('import-confirm')).toHaveCount(0);
});

test('a CRM export over the 64 MB one message holds is imported whole (its long notes column included)', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  // 2,000 contacts with ~36 KB of notes each: ~72 MB, a file any long-lived CRM can export.
  const notes = `"${'Met at the fair; renewal talk, see thread. '.repeat(820)}"`;
  const rows = ['Email,First Name,Last Name,Customer Since,NPS,Notes'];
  for (let i = 0; i < 2_000; i++) rows.push(`client${i}@big-crm.example,Client,${i},${iso(100 + (i % 50))},${i % 11},${notes}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'rw-big-csv-'));
  const file = path.join(dir, 'crm-export.csv');
  writeFileSync(file, rows.join('\n'));
  try {
    expect(statSync(file).size).toBeGreaterThan(64 * 2 ** 20);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByTestId('import-file').setInputFiles(file);
    await options.getByTestId('import-confirm').click();
    await expect(options.getByTestId('import-report')).toContainText(/2,000 of 2,000 rows imported/, { timeout: 90_000 });
    await expect(options.getByRole('alert')).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a large restore says how far it has written, then what it restored', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  const at = new Date().toISOString();
  const contacts = Array.from({ length: 20_000 }, (_, i) => ({
    email: `client${i}@restored.example`,
    name: `Client ${i}`,
    company: 'Restored Co',
    facts: {},
    neverAsk: false,
    updatedAt: at,
  }));
  const backup = { format: 'referral-window-backup', version: 1, exportedAt: at, contacts, asks: [], templates: [], kv: [] };
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The file goes to the worker by its blob: URL, read there (issue 35), not in 8 MB messages.
  await options.evaluate(() => {
    const w = window as unknown as { pieces: number; chrome: { runtime: { sendMessage(m: { type?: string }): Promise<unknown> } } };
    const runtime = w.chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    w.pieces = 0;
    runtime.sendMessage = (m) => ((w.pieces += m?.type === 'upload/piece' ? 1 : 0), send(m));
  });
  await options
    .getByTestId('restore-file')
    .setInputFiles({ name: 'big-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('restore-progress')).toContainText(/of 20,000 contacts and asks written/, { timeout: 60_000 });
  await expect(options.getByTestId('data-message')).toContainText('Restored 20,000 contacts', { timeout: 90_000 });
  await expect(options.getByTestId('restore-progress')).toHaveCount(0);
  expect(await options.evaluate(() => (window as unknown as { pieces: number }).pieces)).toBe(0);
});

test('a 12,000-row export is read while it is written: every line accounted for, a late duplicate of a multi-line row merged', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(120_000);
  // A Salesforce-style export: every cell quoted, Windows line ends, an address over two lines. Over
  // 5,000 rows, the import reads the file in pauses while its writes catch up (issue 16).
  const rows = ['"Email","First Name","Last Name","Mailing Address","Customer Since","NPS"'];
  for (let i = 0; i < 12_000; i++) rows.push(`"client${i}@sf.example","Client","${i}","${i} Main St\r\nSpringfield","${iso(100 + (i % 50))}","${i % 11}"`);
  rows.splice(6_001, 0, '"not-an-email","Bad","Row","","",""');
  // The first client again, last: a new NPS, the rest empty (an empty cell never erases).
  rows.push('"CLIENT0@sf.example","","","","","7"');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('import-file').setInputFiles({ name: 'salesforce.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) });
  await options.getByLabel('Import column Mailing Address as').selectOption('');
  await options.getByTestId('import-confirm').click();
  const report = options.getByTestId('import-report');
  await expect(report).toContainText('12,000 of 12,002 rows imported', { timeout: 90_000 });
  await expect(report).toContainText('Every row: 12000 + 1 + 1 = 12002');
  await expect(report).toContainText("The file's 24,003 lines: 1 header + 12,002 rows + 12000 inside quoted cells");
  await expect(report).toContainText('Line 12002: "not-an-email" is not an email address');
  await expect(report).toContainText('Line 24003: duplicate of line 2 (client0@sf.example), merged into it: NPS 0 → 7');

  // What is stored, as the user can see it: the contacts exported as CSV.
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export contacts as CSV' }).click()]);
  const exported = readFileSync((await download.path())!, 'utf8').split(/\r?\n/);
  const header = exported[0]!.split(',');
  const cell = (email: string, column: string) => exported.find((l) => l.startsWith(`${email},`))?.split(',')[header.indexOf(column)];
  expect(exported.filter((l) => l.includes('@sf.example'))).toHaveLength(12_000);
  expect(cell('client0@sf.example', 'NPS')).toBe('7');
  expect(cell('client0@sf.example', 'Name')).toBe('Client 0');
  expect(cell('client11999@sf.example', 'NPS')).toBe(String(11_999 % 11));
});
