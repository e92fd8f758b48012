import { expect, sidebar, test, withPart } from './harness';

test('insert into an inline reply: two parts, above signature and quote, ask recorded', async ({ openGmail, context, extensionId }) => {
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  const since = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);
  await panel.getByTestId('customer-since-input').fill(since);
  await panel.getByTestId('nps-input').fill('9');
  await panel.getByTestId('nps-input').blur();
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await expect(panel.getByTestId('insert-ask')).toBeEnabled();
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();

  const editor = page.locator('div[g_editable="true"]');
  await expect(editor).toContainText('Hi Dana,');
  await expect(editor).toContainText('just reply "OK"');
  await expect(editor.locator('blockquote').first()).toContainText('I wanted to introduce you to');
  // Gaps are marked, not silently dropped (no profile yet), as plain text: no highlight of ours may reach a sent email (issue 18).
  await expect(editor).toContainText('[FILL IN: your name]');
  expect(await editor.evaluate((el) => [...el.querySelectorAll('[style]')].filter((e) => /background/.test(e.getAttribute('style')!)).length)).toBe(0);
  // The sidebar lists them; one click selects the gap in the draft, and typing replaces it cleanly.
  await panel.getByTestId('draft-gaps').getByRole('button', { name: 'your name' }).click();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe('[FILL IN: your name]');
  const gapsLeft = () => editor.evaluate((el) => el.textContent!.split('[FILL IN: your name]').length - 1);
  const before = await gapsLeft();
  await page.keyboard.type('Alex Moreau');
  await expect.poll(gapsLeft).toBe(before - 1);
  await expect(editor).toContainText('Alex Moreau');
  const order = await editor.evaluate((el) => {
    const html = el.innerHTML;
    return [html.indexOf('Hi Dana'), html.indexOf('gmail_signature'), html.indexOf('gmail_quote')];
  });
  expect(order[0]).toBeGreaterThanOrEqual(0);
  expect(order[0]).toBeLessThan(order[1]!);
  expect(order[1]).toBeLessThan(order[2]!);

  // The ask is recorded as a draft: it counts as asked once it is sent (issue 17).
  await expect(panel.getByTestId('ask-drafted')).toContainText('not sent yet');
  await expect(panel.getByTestId('verdict')).not.toHaveAttribute('data-verdict', 'asked-recently');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('ask-row')).toHaveAttribute('data-email', 'dana@acme-logistics.example');
  await expect(popup.getByTestId('ask-row')).toHaveAttribute('data-status', 'drafted');
});

test('insert into a pop-out compose: values escaped, subject set because it was empty, undo removes it', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name', withPart('gmail/parts/new-message-compose.html'));
  const panel = sidebar(page);
  const hostile = '<img src=x onerror=alert(1)> & "quotes"';
  await panel.getByLabel('Results they got').fill(hostile);
  await panel.getByLabel('Results they got').blur();
  await expect(panel.getByLabel('Results they got')).toHaveValue(hostile);
  await expect(panel.getByText('entered by you on').first()).toBeVisible();

  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  const editor = page.locator('div.AD div[g_editable="true"]');
  await expect(editor).toContainText(hostile);
  await expect(editor.locator('img')).toHaveCount(0);
  await expect(editor).toContainText('Hi Zoë,');
  await expect(page.locator('div.AD input[name="subjectbox"]')).toHaveValue('A quick favour, Zoë?');

  await editor.focus();
  await page.keyboard.press('Control+z');
  await expect(editor).not.toContainText('Hi Zoë,');
  await expect(editor).toContainText('Alex Moreau | Northwind');
});

test('with no compose open the button says how to get one', async ({ openGmail }) => {
  const panel = sidebar(await openGmail('thread-special-name'));
  await expect(panel.getByTestId('insert-ask')).toBeDisabled();
  await expect(panel.getByText(/Open a reply or a new email/)).toBeVisible();
});

test('two compose windows: the ask goes where the caret was last placed, after what the user typed', async ({ openGmail }) => {
  const page = await openGmail('thread-own-reply-last', withPart('gmail/parts/popup-compose.html'));
  const panel = sidebar(page);
  await expect(panel.getByTestId('insert-ask')).toBeEnabled();
  const popupEditor = page.locator('#popup-editor');
  // Caret at the end of "Quick note first."
  await popupEditor.getByText('Quick note first.').click();
  await page.keyboard.press('End');
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'at your cursor' })).toBeVisible();
  await expect(popupEditor).toContainText('Hi Dana,');
  const html = await popupEditor.innerHTML();
  expect(html.indexOf('Quick note first.')).toBeLessThan(html.indexOf('Hi Dana'));
  expect(html.indexOf('Hi Dana')).toBeLessThan(html.indexOf('gmail_signature'));
  await expect(page.locator('.AO div[g_editable="true"]')).not.toContainText('Hi Dana');
  await expect(page.locator('#popup-editor').locator('xpath=ancestor::div[contains(@class,"M9")]').locator('input[name="subjectbox"]')).toHaveValue(
    'A quick favour, Dana?',
  );
});

test('no draft open but a Reply control: the insert opens the reply first, then writes into it', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name', withPart('gmail/parts/reply-button.html'));
  const panel = sidebar(page);
  await expect(panel.getByText(/inserting opens a reply to/)).toBeVisible();
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  const editor = page.locator('.AO div[g_editable="true"]');
  await expect(editor).toContainText('Hi Zoë,');
  const html = await editor.innerHTML();
  expect(html.indexOf('Hi Zoë')).toBeLessThan(html.indexOf('gmail_signature'));
});

test('a caret in the middle of a typed greeting: the ask starts on its own line after it, without a second greeting (issue 18)', async ({ openGmail }) => {
  const page = await openGmail('thread-own-reply-last', withPart('gmail/parts/popup-compose.html'));
  const panel = sidebar(page);
  await expect(panel.getByTestId('insert-ask')).toBeEnabled();
  const popupEditor = page.locator('#popup-editor');
  await popupEditor.getByText('Quick note first.').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Hi Dana, great call today.');
  // The caret back between "great" and " call".
  for (let i = 0; i < ' call today.'.length; i++) await page.keyboard.press('ArrowLeft');
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
  await expect(popupEditor).toContainText('Hi Dana, great call today.');
  await expect(popupEditor).toContainText('just reply "OK"');
  const text = await popupEditor.evaluate((el) => (el as HTMLElement).innerText);
  // One greeting only: the user's own.
  expect(text.match(/Hi Dana,/g)).toHaveLength(1);
  // The typed line is whole, and the ask is below it.
  expect(text.indexOf('Hi Dana, great call today.')).toBeLessThan(text.indexOf('just reply'));
});

test('after the thread on screen changed to another client and back, Insert works at once: the panel stays seen across contacts', async ({ openGmail }) => {
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await expect(panel.getByTestId('insert-ask')).toBeEnabled();
  // Gmail shows another thread, then this one again (its senders rewritten, as Gmail's single page does).
  const senders = (email: string) =>
    page.evaluate((to) => {
      for (const s of document.querySelectorAll('span.gD')) if (s.getAttribute('email') !== 'alex@northwind.example') s.setAttribute('email', to);
    }, email);
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(400);
    await senders(`client${i}@peer.example`);
    await expect(panel.getByTestId('contact-email')).toHaveText(`client${i}@peer.example`);
  }
  await senders('dana@acme-logistics.example');
  await expect(panel.getByTestId('contact-email')).toHaveText('dana@acme-logistics.example');
  await panel.getByTestId('customer-since-input').fill(new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10));
  await panel.getByTestId('nps-input').fill('9');
  await panel.getByTestId('nps-input').blur();
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  // The panel was visible all along: the button is usable within the steady moment, not never.
  await expect(panel.getByTestId('insert-ask')).toBeEnabled({ timeout: 2_000 });
  await expect(panel.getByTestId('obstructed')).toHaveCount(0);
  await panel.getByTestId('insert-ask').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Inserted' })).toBeVisible();
});
