/**
 * The sidebar as an extension-page iframe docked to the right. The host page cannot read into it
 * (other origin, other process) and it costs the host's main thread nothing.
 * It pushes the host layout aside rather than covering it: the page's body and Gmail's docked
 * compose windows move left by the sidebar's width, through a constructed stylesheet (which a
 * strict page CSP does not block, unlike an inline <style>).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { COLLAPSED_KEY, SIDEBAR_WIDTH } from '@/lib/sidebar-layout';


export function mountSidebar(ctx: ContentScriptContext): void {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const ui = createIframeUi(ctx, {
    page: '/sidebar.html',
    position: 'inline',
    anchor: 'html',
    onMount(wrapper, iframe) {
      wrapper.setAttribute('data-referral-window', '');
      Object.assign(wrapper.style, { position: 'fixed', top: '0', right: '0', height: '100vh', zIndex: '2147483646' });
      Object.assign(iframe.style, { width: '100%', height: '100%', border: '0', colorScheme: 'normal', display: 'block' });
      iframe.setAttribute('data-testid', 'referral-sidebar');
      iframe.setAttribute('title', 'Referral window');
    },
  });
  ui.mount();

  const layout = (collapsed: boolean) => {
    const width = collapsed ? SIDEBAR_WIDTH.collapsed : SIDEBAR_WIDTH.expanded;
    ui.wrapper.style.width = `${width}px`;
    ui.wrapper.dataset.collapsed = String(collapsed);
    sheet.replaceSync(`html body { margin-right: ${width}px !important; } .dw { right: ${width}px !important; }`);
  };
  layout(false);
  void browser.storage.local.get(COLLAPSED_KEY).then((stored) => layout(stored[COLLAPSED_KEY] === true));
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && COLLAPSED_KEY in changes) layout(changes[COLLAPSED_KEY]!.newValue === true);
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onChanged);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });
}
