/** Types of `browsers.mjs` (plain JavaScript, so `.ci/run` can call it before `npm ci`). */
export function findChromium(): Promise<string | undefined>;
export function findFirefox(): string | undefined;
export function ensureBrowsers(names: Array<'chromium' | 'firefox'>): Promise<void>;
