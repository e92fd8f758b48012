/**
 * The one page-watching helper every host uses: calls `onChange` after the page changed
 * (DOM mutations, history or hash navigation), at most once per `interval` ms, and never while
 * nothing changes. The mutation callback itself only sets a flag: no per-mutation DOM work.
 */
export function watchPage(
  win: Window,
  onChange: () => void,
  { signal, interval = 300 }: { signal: AbortSignal; interval?: number },
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) onChange();
    }, interval);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(win.document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['title', 'email'] });
  // Title changes (Gmail puts the thread subject and account there) arrive as <title> mutations.
  win.addEventListener('popstate', schedule, { signal });
  win.addEventListener('hashchange', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
