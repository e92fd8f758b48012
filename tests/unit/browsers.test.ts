/**
 * A fresh machine, two commands (issue 29): `npm start` and `npm test` find the browsers they
 * drive, install Debian's where they can, and otherwise stop with one sentence saying what to
 * install (never Playwright's "executable doesn't exist" stack trace).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fs = vi.hoisted(() => ({ present: new Set<string>() }));
const exec = vi.hoisted(() => ({ calls: [] as string[][], apt: true, installs: [] as string[] }));
vi.mock('node:fs', async (original) => ({ ...(await original<typeof import('node:fs')>()), existsSync: (p: string) => fs.present.has(p) }));
vi.mock('node:child_process', () => ({
  execFileSync: (cmd: string, args: string[]) => {
    exec.calls.push([cmd, ...args]);
    if (!exec.apt) throw new Error('ENOENT');
    if (args[0] === 'install')
      for (const pkg of args.filter((a) => !a.startsWith('-') && a !== 'install'))
        fs.present.add(pkg === 'chromium' ? '/usr/bin/chromium' : '/usr/bin/firefox-esr');
    return '';
  },
}));
vi.mock('@playwright/test', () => ({ chromium: { executablePath: () => '/nowhere/playwright-chromium' } }));

const { ensureBrowsers, findChromium, findFirefox } = await import('../shared/browsers.mjs');

describe('finding the browsers', () => {
  let uid: number;
  beforeEach(() => {
    fs.present.clear();
    exec.calls = [];
    exec.apt = true;
    uid = 1000;
    vi.spyOn(process, 'getuid').mockImplementation(() => uid);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    delete process.env.CHROME_PATH;
    delete process.env.FIREFOX_PATH;
  });
  afterEach(() => vi.restoreAllMocks());

  it('takes CHROME_PATH and FIREFOX_PATH first, then the usual install paths of Chromium, Chrome, Edge and Firefox', async () => {
    fs.present.add('/usr/bin/google-chrome-stable');
    fs.present.add('/usr/bin/firefox');
    expect(await findChromium()).toBe('/usr/bin/google-chrome-stable');
    expect(findFirefox()).toBe('/usr/bin/firefox');
    process.env.CHROME_PATH = '/opt/mine/chrome';
    process.env.FIREFOX_PATH = '/opt/mine/firefox';
    expect(await findChromium()).toBe('/opt/mine/chrome');
    expect(findFirefox()).toBe('/opt/mine/firefox');
  });

  it("as root with apt, installs Debian's packages for what is missing, and says so", async () => {
    uid = 0;
    fs.present.add('/usr/bin/chromium');
    await ensureBrowsers(['chromium', 'firefox']);
    expect(exec.calls.filter((c) => c[0] === 'apt-get' && c[1] !== '--version')).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'firefox-esr'],
    ]);
    expect(console.log).toHaveBeenCalledWith(expect.stringContaining("Installing Debian's firefox-esr"));
    expect(findFirefox()).toBe('/usr/bin/firefox-esr');
  });

  it('elsewhere, stops with one sentence naming what to install', async () => {
    await expect(ensureBrowsers(['chromium', 'firefox'])).rejects.toThrow(
      /^No browser to run this with: install Chromium, Chrome or Edge \(on Debian or Ubuntu: sudo apt-get install chromium\), or set CHROME_PATH to one; and Firefox .*FIREFOX_PATH to one\.$/,
    );
    expect(exec.calls.filter((c) => c[1] === 'install')).toEqual([]);
    uid = 0;
    exec.apt = false;
    await expect(ensureBrowsers(['chromium'])).rejects.toThrow(/^No browser to run this with: install Chromium/);
  });

  it('installs nothing when every browser is there', async () => {
    uid = 0;
    fs.present.add('/usr/bin/chromium');
    fs.present.add('/usr/bin/firefox-esr');
    await ensureBrowsers(['chromium', 'firefox']);
    expect(exec.calls).toEqual([]);
  });
});
