/**
 * The one page-watching helper every host uses. After a calm spell, the first change is read at
 * once (the next task: a host that redraws in one task, as a thread switch does, is read whole,
 * and the sidebar follows within a few milliseconds). If that read found something new and the
 * page goes on changing, one more read follows `quiet` ms later, for a redraw spread over several
 * tasks; after that, under a constant stream of changes, at most one read per `interval` ms, so a
 * busy page costs little. The mutation callback itself only arms a timer (and compares the URL):
 * no per-mutation DOM work. Between the first change and the read it arms, nobody listens: the
 * observer is disconnected, so a page mutating hundreds of times a second pays for one mutation
 * record per read, not for every one (recording them was most of the cost the extension added to
 * a busy page), and is connected again just before the read, which sees everything since.
 *
 * A page that keeps changing while what it shows stays the same (`onChange` answers false: the
 * same reading as last time) is read less and less often, down to once per `slowest` ms; a new
 * URL, a navigation, a click or a key brings it back to `interval` at once (issue 16: the host's
 * main thread under a storm of mutations).
 */
export function watchPage(
  win: Window,
  onChange: () => boolean | void,
  { signal, interval = 300, quiet = 20, slowest = 2_400 }: { signal: AbortSignal; interval?: number; quiet?: number; slowest?: number },
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  let wait = interval;
  /** The last read came at once after a calm spell and found news: the redraw may go on. */
  let settling = false;
  let href = win.location.href;
  const run = (calm: boolean) => {
    timer = undefined;
    if (signal.aborted) return;
    listen();
    lastRun = performance.now();
    const news = onChange() !== false;
    wait = news ? interval : Math.min(slowest, wait * 2);
    settling = news && calm;
  };
  const arm = () => {
    const since = performance.now() - lastRun;
    const calm = since >= wait;
    const delay = calm ? 0 : settling ? quiet - since : wait - since;
    settling = false;
    timer = setTimeout(() => run(calm), Math.max(0, delay));
  };
  /** Back to the fast pace; a read already waiting is brought forward. */
  const hurry = () => {
    if (wait === interval) return;
    wait = interval;
    if (timer !== undefined) {
      clearTimeout(timer);
      arm();
    }
  };
  const schedule = () => {
    if (signal.aborted) return;
    // The read to come sees every change until it runs: none needs recording until then.
    observer.disconnect();
    if (win.location.href !== href) {
      href = win.location.href;
      hurry();
    }
    if (timer === undefined) arm();
  };
  const observer = new MutationObserver(schedule);
  // Title changes (Gmail puts the account and subject there) arrive as <title> child mutations.
  const listen = () =>
    observer.observe(win.document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['title', 'email', 'value'],
    });
  listen();
  const navigated = () => (hurry(), schedule());
  win.addEventListener('popstate', navigated, { signal });
  win.addEventListener('hashchange', navigated, { signal });
  // The user acting on the page: what follows is read at the fast pace.
  for (const type of ['pointerdown', 'keydown'] as const) win.addEventListener(type, hurry, { signal, capture: true, passive: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
