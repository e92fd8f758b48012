#!/usr/bin/env node
/**
 * `npm start`: opens Chromium on the bundled demo workspace (`workspace.mjs`). With no display it
 * runs headless, writes a screenshot and prints its path.
 */
import path from 'node:path';
import { openDemo, root } from './workspace.mjs';

const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const { context, page } = await openDemo({ headless });
if (headless) {
  const shot = path.join(root, 'demo-screenshot.png');
  await page.screenshot({ path: shot });
  console.log(`Demo screenshot: ${shot}`);
  await context.close();
} else {
  console.log('Chromium is open on the demo workspace. Close the window (or press Ctrl+C) to finish.');
  // Ctrl+C closes the browser first, so its temporary profile is removed with it.
  process.once('SIGINT', () => void context.close().finally(() => process.exit(130)));
  await new Promise((resolve) => context.on('close', resolve));
}
