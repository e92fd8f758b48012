#!/usr/bin/env node
/**
 * `npm run screenshots`: the README's pictures of the sidebar, the popup and the options page, in
 * light and dark mode, taken on the demo workspace (`workspace.mjs`) from the production build.
 */
import path from 'node:path';
import { openDemo, root } from './workspace.mjs';

for (const scheme of ['light', 'dark']) {
  const { context, page, extensionId } = await openDemo({ colorScheme: scheme });
  const out = (name) => path.join(root, 'docs/screens', `${name}-${scheme}.png`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: out('sidebar') });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 604, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('tab-queue').click();
  await popup.getByTestId('queue-row').first().waitFor();
  await popup.screenshot({ path: out('popup') });

  const options = await context.newPage();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Your name').waitFor();
  await options.screenshot({ path: out('options') });
  await context.close();
  console.log(`Screenshots (${scheme}) in docs/screens/`);
}
