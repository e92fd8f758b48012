import { format, subMonths } from 'date-fns';
import { expect, sidebar, sidebarFrame, test, withPart } from './harness';

/** A calendar day `monthsAgo` months before today, clamped at month ends (Jul 31 - 1 month = Jun 30). */
const day = (monthsAgo: number) => format(subMonths(new Date(), monthsAgo), 'yyyy-MM-dd');

test.describe('the verdict follows the facts the user enters', () => {
  for (const [name, since, nps, verdict] of [
    ['too early: one month in', day(1), '10', 'too-early'],
    ['ask now: four months in, promoter', day(4), '9', 'ask-now'],
    ['past the window: eight months in, promoter', day(8), '10', 'past-window'],
    ['fix first: four months in, detractor', day(4), '3', 'fix-first'],
  ] as const) {
    test(name, async ({ openGmail }) => {
      // A thread with a reply open: Insert is enabled, so what it does per verdict shows.
      const panel = sidebar(await openGmail('thread-own-reply-last'));
      await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'needs-info');
      await expect(panel.getByTestId('relationship-age')).toHaveAttribute('data-days', '');
      await panel.getByTestId('customer-since-input').fill(since);
      await panel.getByTestId('nps-input').fill(nps);
      await panel.getByTestId('nps-input').blur();
      await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', verdict);
      await expect(panel.getByTestId('satisfaction')).not.toHaveAttribute('data-score', '');
      // Insert is the primary action only where an ask is advised; elsewhere it asks first (issue 18, item 3).
      const advised = verdict === 'ask-now' || verdict === 'past-window';
      await expect(panel.getByTestId('insert-ask')).toHaveClass(advised ? /\bprimary\b/ : /\bsecondary\b/);
      if (verdict === 'too-early' || verdict === 'fix-first') {
        await panel.getByTestId('insert-ask').click();
        await expect(panel.getByTestId('insert-confirm-dialog')).toContainText('An ask is not advised now. Insert it anyway?');
      }
    });
  }
});

test('relationship age in days and words; the state survives a reload', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name');
  let panel = sidebar(page);
  const since = day(4);
  await panel.getByTestId('customer-since-input').fill(since);
  const days = Math.round((Date.now() - new Date(`${since}T12:00:00`).getTime()) / 86_400_000);
  await expect(panel.getByTestId('relationship-age')).toHaveAttribute('data-days', String(days));
  await expect(panel.getByTestId('relationship-age')).toHaveText('4 months');
  await panel.getByTestId('nps-input').fill('9');
  await panel.getByTestId('nps-input').press('Enter');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');

  await page.reload();
  panel = sidebar(page);
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await expect(panel.getByTestId('customer-since-input')).toHaveValue(since);
  await expect(panel.getByTestId('nps-input')).toHaveValue('9');
  await expect(panel.getByText('entered by you on').first()).toBeVisible();
});

test('issue 31: a number too big to keep is refused in words, and the value before it is kept', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name');
  const panel = sidebar(page);
  await panel.getByTestId('spend90d-input').fill('1200');
  await panel.getByTestId('spend90d-input').press('Enter');
  await expect(panel.getByText('entered by you on').first()).toBeVisible();
  await panel.getByTestId('spend90d-input').fill('9'.repeat(400));
  await panel.getByTestId('spend90d-input').press('Enter');
  await expect(panel.getByText(/^Not saved:/)).toHaveText('Not saved: "Spend, last 90 days" must be at most 1000000000000. Nothing was changed.');
  await page.reload();
  await expect(sidebar(page).getByTestId('spend90d-input')).toHaveValue('1200');
});

test('issue 32: a company guessed from the email domain is shown as a guess', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name');
  await expect(sidebar(page).getByTestId('contact-company')).toHaveText(
    'Renard Freres (a guess from their email address: no page or file has named their company)',
  );
});

test('collapses to a narrow tab, and remembers it', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name');
  const frame = page.locator('[data-testid="referral-sidebar"]');
  await sidebar(page).getByRole('button', { name: 'Collapse the sidebar' }).click();
  await expect.poll(async () => (await frame.boundingBox())!.width).toBeLessThan(60);
  await page.reload();
  await expect.poll(async () => (await frame.boundingBox())!.width).toBeLessThan(60);
  await sidebar(page).getByRole('button', { name: 'Open the referral sidebar' }).click();
  await expect.poll(async () => (await frame.boundingBox())!.width).toBeGreaterThan(300);
});

test('does not cover a docked compose window', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name', withPart('gmail/parts/new-message-compose.html'));
  const bar = (await page.locator('[data-testid="referral-sidebar"]').boundingBox())!;
  const compose = (await page.locator('div.AD').boundingBox())!;
  expect(compose.x + compose.width).toBeLessThanOrEqual(bar.x + 1);
});

test("the rules are the user's: opening the window after 1 month makes a 2-month client ask-now", async ({ openGmail, context, extensionId }) => {
  const panel = sidebar(await openGmail('thread-special-name'));
  await panel.getByTestId('customer-since-input').fill(day(2));
  await panel.getByTestId('nps-input').fill('10');
  await panel.getByTestId('nps-input').blur();
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'too-early');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Referral window opens, months after the first purchase').fill('7');
  await options.getByRole('button', { name: 'Save rules' }).click();
  await expect(options.getByTestId('rules-message')).toHaveText(
    'Not saved: "Referral window closes, months after the first purchase" must be after the month the window opens. Nothing was changed.',
  );
  await options.getByLabel('Referral window opens, months after the first purchase').fill('1');
  await options.getByRole('button', { name: 'Save rules' }).click();
  await expect(options.getByTestId('rules-message')).toHaveText('Rules saved: every verdict now uses them.');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
});

test('follows the browser into dark mode', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name');
  await page.emulateMedia({ colorScheme: 'dark' });
  const frame = await sidebarFrame(page);
  await expect.poll(() => frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 25, 29)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('why the advice changed: the history under the verdict names what changed it', async ({ openGmail }) => {
  const panel = sidebar(await openGmail('thread-special-name'));
  await panel.getByTestId('customer-since-input').fill(day(4));
  await panel.getByTestId('nps-input').fill('9');
  await panel.getByTestId('nps-input').press('Enter');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'ask-now');
  await panel.getByTestId('csat-input').fill('40');
  await panel.getByTestId('csat-input').press('Enter');
  await expect(panel.getByTestId('verdict')).toHaveAttribute('data-verdict', 'fix-first');
  const history = panel.getByTestId('verdict-history');
  await history.getByText('Why the advice changed').click();
  await expect(history.locator('li').first()).toContainText('Fix the relationship first');
  await expect(history.locator('li').first()).toContainText('CSAT (%): 40 (you,');
  await expect(history.locator('li').nth(1)).toContainText('Ask now');
});

test("the client's time zone is picked from the browser's list by city, and the send time is said in both zones", async ({ openGmail }) => {
  const panel = sidebar(await openGmail('thread-special-name'));
  await panel.getByTestId('customer-since-input').fill(day(4));
  await panel.getByTestId('nps-input').fill('9');
  await panel.getByTestId('nps-input').press('Enter');
  const zone = panel.getByTestId('time-zone-input');
  await zone.fill('Somewhere nice');
  await zone.press('Enter');
  await expect(panel.getByText('Choose a time zone from the list')).toBeVisible();
  await zone.fill('kolkata');
  await zone.press('Enter');
  await expect(zone).toHaveValue('Asia/Kolkata');
  await expect(panel.locator('.sendtime')).toContainText(/in Kolkata, .* for you|in Kolkata, the same for you/);
});

test('a thread drawn over several tasks, colleague first: the sidebar never names anyone but the client, and ends on them', async ({ openGmail }) => {
  const page = await openGmail('thread-own-reply-last', withPart('gmail/parts/staged-thread-switch.html'));
  const panel = sidebar(page);
  await expect(panel.getByTestId('contact-email')).toHaveText('dana@acme-logistics.example');
  const frame = await sidebarFrame(page);
  // Every contact the sidebar shows from here on, as it shows it.
  await frame.evaluate(() => {
    const w = window as unknown as { shown: string[]; asked: string[] };
    w.shown = [];
    w.asked = [];
    new MutationObserver(() => {
      const email = document.querySelector('[data-testid="contact-email"]')?.textContent ?? '';
      if (email && email !== w.shown.at(-1)) w.shown.push(email);
      const question = document.querySelector('[data-testid="read-problem"]')?.textContent ?? '';
      if (question && question !== w.asked.at(-1)) w.asked.push(question);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // Stages 10 ms apart (inside the content script's follow-up read), 40 ms (past it), 400 ms (each
  // stage read on its own: the colleague's message alone, with no client yet, is read too).
  const before = ['dana@acme-logistics.example'];
  for (const [gap, client, name] of [
    [10, 'lee@peer-corp.example', 'Lee Park'],
    [40, 'zoe@lisbon-freight.example', 'Zoë Lima'],
    [400, 'kai@harbor-supply.example', 'Kai Berg'],
  ] as const) {
    await page.evaluate(
      ([ms, who]) => (window as unknown as { switchThreadInStages(ms: number, who: readonly string[]): Promise<void> }).switchThreadInStages(ms, who),
      [gap, [client, name]] as const,
    );
    await expect(panel.getByTestId('contact-email')).toHaveText(client);
    await expect(panel.getByTestId('verdict')).toBeVisible();
    const shown = await frame.evaluate(() => (window as unknown as { shown: string[] }).shown);
    // Never the colleague who wrote first, never the account itself: only each client in turn.
    before.push(client);
    expect(shown.filter((e) => e !== before[0])).toEqual(before.slice(1));
  }
  // The stages in between were read, not skipped: the sidebar said so while there was no thread yet.
  expect(await frame.evaluate(() => (window as unknown as { asked: string[] }).asked)).toContainEqual(
    expect.stringContaining('Could not read an open email thread'),
  );
});
