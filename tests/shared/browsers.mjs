#!/usr/bin/env node
/**
 * Finds the browsers `npm start`, `npm test`, `npm run bench` and `.ci/run` drive, and on a machine
 * without them installs Debian's where it can. Chromium: `CHROME_PATH`, then the usual install paths
 * of Chromium, Chrome and Edge, then Playwright's own download. Firefox: `FIREFOX_PATH`, then the
 * usual paths of Firefox ESR and Firefox.
 *
 * As a command (`node tests/shared/browsers.mjs chromium firefox`): prints where each one is; where
 * one is missing, installs Debian's `chromium` / `firefox-esr` with apt when running as root on a
 * machine that has apt (and says so), else stops with one sentence saying what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CHROMIUM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];
const FIREFOX = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

/** Playwright's own Chromium, when `npx playwright install chromium` was run. */
async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

/** The Chromium (or Chrome, or Edge) to drive, or undefined. */
export async function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return CHROMIUM.find((p) => existsSync(p)) ?? (await playwrightChromium());
}

/** The Firefox to drive, or undefined. */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return FIREFOX.find((p) => existsSync(p));
}

const DEBIAN = { chromium: 'chromium', firefox: 'firefox-esr' };
const SAY = {
  chromium: 'Chromium, Chrome or Edge (on Debian or Ubuntu: sudo apt-get install chromium), or set CHROME_PATH to one',
  firefox: 'Firefox (on Debian or Ubuntu: sudo apt-get install firefox-esr), or set FIREFOX_PATH to one',
};

const hasApt = () => {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Makes sure each named browser is here: found, or installed from Debian's packages where this machine can, else an error in one sentence. */
export async function ensureBrowsers(names) {
  const find = { chromium: findChromium, firefox: async () => findFirefox() };
  const missing = [];
  for (const name of names) if (!(await find[name]())) missing.push(name);
  if (!missing.length) return;
  if (process.getuid?.() === 0 && hasApt()) {
    const packages = missing.map((n) => DEBIAN[n]);
    console.log(`Installing Debian's ${packages.join(' and ')} (not found on this machine): apt-get update, then apt-get install.`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const still = [];
    for (const name of missing) if (!(await find[name]())) still.push(name);
    if (!still.length) return;
    missing.splice(0, missing.length, ...still);
  }
  throw new Error(`No browser to run this with: install ${missing.map((n) => SAY[n]).join('; and ')}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2).filter((n) => n in DEBIAN);
  try {
    await ensureBrowsers(names.length ? names : ['chromium', 'firefox']);
    for (const name of names) console.log(`${name}: ${name === 'chromium' ? await findChromium() : findFirefox()}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
