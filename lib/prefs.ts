/**
 * The preferences kept in the browser's own storage (`storage.local`), each declared once with its
 * key and how a stored value reads (its default included): whether the sidebar is collapsed, where
 * it shows, and where the first-run setup was left. They live there, not in the database, because
 * the content scripts read them (plain code: no schema library ships in a host page). Every read,
 * write and watch of `storage.local` goes through here (`conventions.test.ts`); the database's own
 * values are declared in `keys.ts`.
 */
import { browser } from 'wxt/browser';
import { placesFrom, type Places } from './sidebar-place';
import { FIRST_SCREEN_KEY } from './messaging/popup-views';

export interface Pref<T> {
  key: string;
  /** The stored value as it reads: anything else, or nothing, is the default. */
  read(stored: unknown): T;
}

/** True when the user collapsed the sidebar; absent on a fresh profile: expanded. Every sidebar and frame follows it. */
export const COLLAPSED: Pref<boolean> = { key: 'sidebar:collapsed', read: (v) => v === true };
/** Where the sidebar shows, per host family (`sidebar-place.ts`); the page by default. */
export const PLACES: Pref<Places> = { key: 'sidebar:place', read: placesFrom };
/** The first-run step the user left the setup at. */
export const SETUP_STEP: Pref<number> = { key: 'setup:step', read: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0) };

/**
 * The columns the user mapped by hand, per export shape (`import/headers.ts` shapeOf): offered
 * again when the same export comes back (issue 31). The options page checks each field it reads.
 */
export const IMPORT_MAPPINGS: Pref<Record<string, Array<string | null>>> = {
  key: 'import:mappings',
  read: (v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).filter(
            (e): e is [string, Array<string | null>] => Array.isArray(e[1]) && e[1].every((f) => f === null || typeof f === 'string'),
          ),
        )
      : {},
};

/**
 * The first rows of the open asks, as the worker last saved that page (issue 35): the popup draws
 * them before React loads. Derived data: removed on every write it depends on, never in a backup;
 * the popup checks it holds today (`firstScreenHolds`) before drawing anything from it.
 */
export const FIRST_ASKS_SCREEN: Pref<unknown> = { key: FIRST_SCREEN_KEY, read: (v) => v };

export async function getPref<T>(pref: Pref<T>): Promise<T> {
  return pref.read((await browser.storage.local.get(pref.key))[pref.key]);
}

export async function setPref<T>(pref: Pref<T>, value: T): Promise<void> {
  await browser.storage.local.set({ [pref.key]: value });
}

export async function removePref(pref: Pref<unknown>): Promise<void> {
  await browser.storage.local.remove(pref.key);
}

/**
 * Calls `onValue` with the stored value, then with each change (from any context). A change seen
 * before the first read answers is newer than that read: the read is then dropped. Ends with `signal`.
 */
export function watchPref<T>(pref: Pref<T>, onValue: (value: T) => void, signal: AbortSignal): void {
  let changed = false;
  void browser.storage.local.get(pref.key).then((stored) => !signal.aborted && !changed && onValue(pref.read(stored[pref.key])));
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(pref.key in changes) || signal.aborted) return;
    changed = true;
    onValue(pref.read(changes[pref.key]!.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
