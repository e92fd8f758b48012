/**
 * The sidebar as an extension-page iframe docked to the right. The host page cannot read into it
 * (other origin, other process) and it costs the host's main thread nothing.
 * It pushes the host layout aside rather than covering it: the page's body and Gmail's docked
 * compose windows move left by the sidebar's width, through a constructed stylesheet (which a
 * strict page CSP does not block, unlike an inline <style>).
 *
 * Only the frame mounted here is served a view (issue 21): a one-time key, registered with the
 * background and handed to our frame by `postMessage` aimed at the extension's origin, never
 * written in the page's DOM. A `sidebar.html` the page frames itself never gets one.
 */
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging/send';
import { FRAME_KEY_MESSAGE } from '@/lib/messaging/channels';
import { COLLAPSED, PLACES, watchPref } from '@/lib/prefs';
import type { HostFamily, Places } from '@/lib/sidebar-place';

/** The sidebar's widths: open, and collapsed to its tab. */
const SIDEBAR_WIDTH = { expanded: 360, collapsed: 44 } as const;

/**
 * The sidebar in the page while the user wants it there for this host family, and nothing in the
 * page (its layout untouched) while they want the browser's side panel (issue 20).
 */
export function placeSidebar(family: HostFamily, signal: AbortSignal): void {
  let mounted: AbortController | undefined;
  const place = (places: Places) => {
    const inPage = places[family] === 'page';
    if (inPage && !mounted) {
      mounted = new AbortController();
      signal.addEventListener('abort', () => mounted?.abort(), { once: true });
      mountSidebar(mounted.signal);
    } else if (!inPage && mounted) {
      mounted.abort();
      mounted = undefined;
    }
  };
  watchPref(PLACES, place, signal);
}

function mountSidebar(signal: AbortSignal): void {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const wrapper = document.createElement('div');
  const iframe = document.createElement('iframe');
  wrapper.setAttribute('data-referral-window', '');
  iframe.setAttribute('data-testid', 'referral-sidebar');
  iframe.title = 'Referral window';
  const page = browser.runtime.getURL('/sidebar.html');
  iframe.src = page;
  const key = crypto.randomUUID();
  const registered = send('sidebar/frame', { key });
  // Every load of our frame (a page that moves it reloads it) gets the key, and only an extension page can receive it.
  iframe.addEventListener('load', () => void registered.then(() => iframe.contentWindow?.postMessage({ type: FRAME_KEY_MESSAGE, key }, new URL(page).origin)), {
    signal,
  });
  wrapper.append(iframe);
  document.documentElement.append(wrapper);

  let width: number = SIDEBAR_WIDTH.expanded;
  // The wrapper's and the frame's own inline styles win over the page's (inline !important), and
  // are put back if the page edits them: the page must not hide, fade or move the sidebar under a
  // decoy (issue 21; the sidebar also refuses to act when it is not visibly unobstructed).
  const set = new Map<HTMLElement, string>();
  const own = (el: HTMLElement, css: string) => {
    if (set.get(el) === el.style.cssText) return;
    el.style.cssText = `${css};opacity:1;visibility:visible;display:block;transform:none;filter:none`.replace(/;/g, '!important;') + '!important';
    set.set(el, el.style.cssText);
  };
  const enforce = () => {
    own(wrapper, `position:fixed;top:0;right:0;height:100vh;width:${width}px;z-index:2147483646;clip-path:none;pointer-events:auto`);
    own(iframe, 'width:100%;height:100%;border:0;color-scheme:normal');
  };
  const layout = (collapsed: boolean) => {
    width = collapsed ? SIDEBAR_WIDTH.collapsed : SIDEBAR_WIDTH.expanded;
    wrapper.dataset.collapsed = String(collapsed);
    set.clear();
    enforce();
    sheet.replaceSync(`html body { margin-right: ${width}px !important; } .dw { right: ${width}px !important; }`);
  };
  const guard = new MutationObserver(enforce);
  for (const el of [wrapper, iframe]) guard.observe(el, { attributes: true, attributeFilter: ['style'] });
  layout(false);
  watchPref(COLLAPSED, layout, signal);
  signal.addEventListener('abort', () => {
    guard.disconnect();
    wrapper.remove();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}
