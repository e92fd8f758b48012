import AxeBuilder from '@axe-core/playwright';
import { expect, sidebar, test, withPart } from './harness';

test('the sidebar, popup, options, setup and side panel have no axe violations', async ({ openGmail, context, extensionId }) => {
  // Five pages through axe: on two busy cores this is the suite's longest test.
  test.setTimeout(90_000);
  const page = await openGmail('thread-own-reply-last');
  await expect(sidebar(page).getByTestId('verdict')).toBeVisible();
  // axe follows the sidebar iframe into its own document (targets are [iframe, element]). Its
  // script going into that frame now and then fails on a busy machine, and axe then skips the frame
  // silently (0 nodes inside, 1 full CI run in 5): analysed again until the frame was looked at.
  let sidebarResults: Awaited<ReturnType<AxeBuilder['analyze']>> | undefined;
  await expect(async () => {
    sidebarResults = await new AxeBuilder({ page }).include('[data-testid="referral-sidebar"]').analyze();
    const insideFrame = sidebarResults.passes.flatMap((r) => r.nodes).filter((n) => n.target.length === 2);
    expect(insideFrame.length).toBeGreaterThan(10);
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
  if (!sidebarResults) throw new Error('axe gave no results for the sidebar');
  expect(sidebarResults.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  for (const name of ['popup', 'options', 'setup', 'sidepanel']) {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${extensionId}/${name}.html`);
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
    await p.waitForTimeout(300);
    const results = await new AxeBuilder({ page: p }).analyze();
    expect(results.violations.map((v) => `${name} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('keystrokes typed in the sidebar never reach the host page', async ({ openGmail }) => {
  const page = await openGmail('thread-special-name', withPart('gmail/parts/new-message-compose.html'));
  const panel = sidebar(page);
  await panel.getByLabel('Segment').click();
  await page.keyboard.type('c#rj?');
  await expect(panel.getByLabel('Segment')).toHaveValue('c#rj?');
  expect(await page.evaluate(() => (window as unknown as { hostKeys: number }).hostKeys)).toBe(0);
});
