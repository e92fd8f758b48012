/**
 * The one page-watching helper every host uses. After the page changes (DOM mutations, history
 * or hash navigation) it calls `onChange` once the burst settles (`quiet` ms, so a thread switch
 * shows quickly), and under a constant stream of changes at most once per `interval` ms, so a
 * busy page costs little. The mutation callback itself only arms a timer: no per-mutation DOM work.
 */
export function watchPage(
  win: Window,
  onChange: () => void,
  { signal, interval = 300, quiet = 20 }: { signal: AbortSignal; interval?: number; quiet?: number },
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  const run = () => {
    timer = undefined;
    if (signal.aborted) return;
    lastRun = performance.now();
    onChange();
  };
  const schedule = () => {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(run, Math.max(quiet, interval - (performance.now() - lastRun)));
  };
  const observer = new MutationObserver(schedule);
  // Title changes (Gmail puts the account and subject there) arrive as <title> child mutations.
  observer.observe(win.document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['title', 'email', 'value'],
  });
  win.addEventListener('popstate', schedule, { signal });
  win.addEventListener('hashchange', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
