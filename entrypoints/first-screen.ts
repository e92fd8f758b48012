/**
 * The popup's first screen, before React and before the worker (issue 35). The worker keeps the
 * first rows of the open asks in `storage.local` whenever it saves that page and removes them on
 * every write they depend on (`background/open-asks.ts`). This classic script, the first the
 * popup's <head> loads, starts reading them before any other file of the page loads and draws them as plain text in the popup's layout: inert, hidden from assistive technology,
 * with the words the asks view uses (`rowWords`). It leaves the rows it drew for that view
 * (`DRAWN_FIRST_SCREEN`), whose first render draws the same rows over them, interactive; the
 * worker's own answer follows. Nothing is drawn from rows that no longer hold (another day, past
 * a follow-up falling due), or once React has drawn.
 */
import type { AskRow } from '@/lib/asks/pipeline';
import {
  DRAWN_FIRST_SCREEN,
  FIRST_SCREEN_KEY,
  FIRST_SCREEN_SETTLED,
  firstScreenHolds,
  POPUP_TABS,
  rowWords,
  type FirstScreen,
} from '@/lib/messaging/popup-views';

/**
 * The browser's own storage API, promise-returning in both browsers under MV3 (`browser` in Firefox,
 * `chrome` in Chromium), not the polyfill: that was three quarters of this script (13.8 KB, 3.3
 * without it) and ran before the read could start.
 */
type StorageArea = { get(key: string): Promise<Record<string, unknown>> };
type Api = { storage: { local: StorageArea } };
const storageLocal = (): StorageArea => {
  const { browser, chrome } = globalThis as unknown as { browser?: Api; chrome: Api };
  return (browser ?? chrome).storage.local;
};
const readSaved = async (): Promise<unknown> => (await storageLocal().get(FIRST_SCREEN_KEY))[FIRST_SCREEN_KEY];

type Child = Node | string;

function el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function row(r: AskRow, now: Date): HTMLElement {
  const { who, line, next } = rowWords(r, now);
  return el(
    'li',
    { class: r.followUpDue ? 'due' : r.ask.discardedAt ? 'discarded' : '' },
    el('div', { class: 'who' }, el('strong', {}, who), el('span', { class: 'muted' }, line), el('span', { class: 'next' }, next)),
    el(
      'div',
      { class: 'controls' },
      el('select', { disabled: '' }, el('option', {}, r.ask.status)),
      el('button', { disabled: '' }, 'Discard'),
      el('button', { disabled: '' }, 'Delete'),
    ),
  );
}

/**
 * The saved first screen, drawn into the root (`where`: it, or how to find it once the rows are
 * read) unless React got there first; the rows drawn, or undefined. `main.tsx` starts React's first
 * render once this settles.
 */
export async function drawFirstScreen(where: HTMLElement | (() => Promise<HTMLElement | null>), now = new Date()): Promise<FirstScreen | undefined> {
  const saved = await readSaved().catch(() => undefined);
  const root = typeof where === 'function' ? await where() : where;
  if (!root || !firstScreenHolds(saved, now) || root.childElementCount) return undefined;
  const tabs = POPUP_TABS.map((t, i) => el('button', { role: 'tab', 'aria-selected': String(i === 0) }, t.label));
  const toolbar = el(
    'div',
    { class: 'toolbar' },
    el('label', {}, 'Show ', el('select', { disabled: '' }, el('option', {}, 'Open asks'))),
    el('input', { type: 'search', placeholder: 'Search name, email, company', disabled: '' }),
    el('button', { disabled: '' }, 'Export CSV'),
  );
  const list = el('ul', { class: 'asks' }, ...saved.rows.map((r) => row(r, now)));
  // A picture of the view for the moment before React draws it: nothing in it can be used or read out.
  root.append(
    el(
      'main',
      { class: 'popup', inert: '', 'aria-hidden': 'true' },
      el('h1', {}, 'Referral asks'),
      el('div', { role: 'tablist' }, ...tabs),
      el('section', {}, toolbar, list),
    ),
  );
  (globalThis as Record<string, unknown>)[DRAWN_FIRST_SCREEN] = saved;
  performance.mark('first-content');
  return saved;
}

/** The popup's root: there once the parser passed it (it has, by the time storage answers), else after parsing. */
const popupRoot = (): Promise<HTMLElement | null> =>
  new Promise((found) => {
    const root = () => found(document.getElementById('root'));
    if (document.getElementById('root') || document.readyState !== 'loading') root();
    else document.addEventListener('readystatechange', root, { once: true });
  });

export default defineUnlistedScript(() => {
  try {
    // Run from the popup's <head>, first of its scripts: the read starts before any other file loads.
    (globalThis as Record<string, unknown>)[FIRST_SCREEN_SETTLED] = drawFirstScreen(popupRoot);
  } finally {
    // Then React's entry, which the build names here rather than in the page (`wxt.config.ts`):
    // added whatever became of the first screen, so the popup itself always loads.
    const entry = document.querySelector<HTMLMetaElement>('meta[name="popup-entry"]')?.content;
    if (entry) document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: entry }));
  }
});
