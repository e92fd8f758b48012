import { expect, sidebar, test } from './harness';

test('profile and an edited template are what gets inserted; bad templates are refused with reasons', async ({ context, extensionId, openGmail }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Your name').fill('Alex Moreau');
  await options.getByLabel('Your company').fill('Northwind');
  await options.getByLabel(/Bio and profile links/).fill('javascript:alert(1)');
  await expect(options.getByRole('alert')).toContainText('Not a web or mail link');
  await expect(options.getByRole('button', { name: 'Save profile' })).toBeDisabled();
  await options.getByLabel(/Bio and profile links/).fill('https://northwind.example/alex');
  await options.getByRole('button', { name: 'Save profile' }).click();
  await expect(options.getByText('Profile saved.')).toBeVisible();

  // The default ask template is selected first; a typo in a variable is caught before saving.
  await options.getByLabel('Part 1: the ask to your client').fill('Hi {{frstName}}');
  await expect(options.getByTestId('template-problems')).toContainText('Unknown variable {{frstName}}');
  await expect(options.getByRole('button', { name: 'Save template' })).toBeDisabled();
  await options.getByLabel('Part 1: the ask to your client').fill('Dear {{firstName}}, **just reply OK** if you know someone at a company like {{company}}.');
  await expect(options.getByTestId('template-preview')).toContainText('Dear Dana, just reply OK');
  await options.getByRole('button', { name: 'Save template' }).click();
  await expect(options.getByText('Template saved.')).toBeVisible();

  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  await panel.getByTestId('insert-ask').click();
  const editor = page.locator('div[g_editable="true"]');
  await expect(editor).toContainText('Dear Dana, just reply OK');
  await expect(editor.locator('b')).toHaveText('just reply OK');
  await expect(editor.locator('blockquote').first()).toContainText('I wanted to introduce you to Alex Moreau');
  await expect(editor.locator('a[href="https://northwind.example/alex"]')).toHaveCount(1);

  // Restore defaults brings the shipped wording back.
  await options.bringToFront();
  await options.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(options.getByText('Built-in templates restored.')).toBeVisible();
  await expect(options.getByLabel('Part 1: the ask to your client')).toHaveValue(/Thank you again for the last few months/);
});

test('the contact segment picks its own template', async ({ openGmail }) => {
  const panel = sidebar(await openGmail('thread-special-name'));
  await expect(panel.getByTestId('template-choice')).toHaveValue('default-ask');
  await panel.getByLabel('Segment').fill('B2C');
  await panel.getByLabel('Segment').blur();
  await expect(panel.getByTestId('template-choice')).toHaveValue('b2c-ask');
  await expect(panel.getByText(/missing .*it will be marked \[FILL IN\]/i)).toBeVisible();
});

test('issue 33: the user chooses the template in the sidebar and sees the exact text first; Insert writes that text', async ({ openGmail }) => {
  const page = await openGmail('thread-own-reply-last');
  const panel = sidebar(page);
  const choice = panel.getByTestId('template-choice');
  await expect(choice).toHaveValue('default-ask');
  await expect(choice.locator('option[value="default-ask"]')).toHaveText('Referral ask (B2B) (recommended)');
  await choice.selectOption('default-ask-incentive');
  await expect(choice).toHaveValue('default-ask-incentive');
  await panel.getByText('What Insert will write').click();
  const preview = panel.getByTestId('template-preview');
  await expect(preview).toContainText('As a thank-you, you will get');
  const shown = (await preview.innerText()).split('\n').find((l) => l.includes('As a thank-you'))!;
  await panel.getByTestId('insert-ask').click();
  // What the preview showed is what the draft holds.
  await expect(page.locator('div[g_editable="true"]')).toContainText(shown.trim());
  // Back to the recommended one.
  await choice.selectOption('default-ask');
  await expect(preview).not.toContainText('As a thank-you');
});
