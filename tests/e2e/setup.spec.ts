/** The first run (issue 18): a short setup opens once at install, and can be left and resumed. */
import { expect, test } from './harness';

// Installing is what it tests: a browser of its own, on a fresh profile.
test.use({ freshProfile: true });

test('installing opens the setup: profile and incentives, an import or a skip, then where the sidebar shows; left and resumed where it was', async ({
  context,
}) => {
  const setup = context.pages().find((p) => p.url().endsWith('/setup.html')) ?? (await context.waitForEvent('page', (p) => p.url().endsWith('/setup.html')));
  await expect(setup.getByTestId('setup')).toBeVisible();
  await expect(setup.getByRole('heading', { name: 'Welcome to Referral window' })).toBeVisible();
  await setup.getByLabel('Your name').fill('Alex Moreau');
  await setup.getByLabel('What your client gets for an intro').fill('a $100 credit');
  await setup.getByLabel('What the friend they introduce gets').fill('their first month free');
  await setup.getByRole('button', { name: 'Save profile' }).click();
  await expect(setup.getByText('Profile saved.')).toBeVisible();
  await setup.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(setup.getByTestId('import-file')).toBeAttached();
  // Left here, and opened again: it resumes at the import step.
  await setup.reload();
  await expect(setup.getByTestId('import-file')).toBeAttached();
  await setup.getByRole('button', { name: 'Next (or skip)' }).click();
  await expect(setup.getByRole('heading', { name: 'See it on an email' })).toBeVisible();
  // The profile typed in the setup is the one the options page shows.
  const options = await context.newPage();
  await options.goto(setup.url().replace('setup.html', 'options.html'));
  await expect(options.getByLabel('Your name')).toHaveValue('Alex Moreau');
  await expect(options.getByLabel('What the friend they introduce gets')).toHaveValue('their first month free');
});
