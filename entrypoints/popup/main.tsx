import { FIRST_SCREEN_SETTLED, FIRST_SCREEN_WAIT_MS } from '@/lib/messaging/popup-views';
import { requestFirstPage } from './first-page';

// The data first, then the interface: both load at once (issue 16). The first screen the worker
// saved may already be on the page, drawn by `/first-screen.js` while the page parsed (issue 35).
requestFirstPage();
// React loads meanwhile, and draws once the first screen is on the page (or is not coming): its
// first render takes the page's thread for tens of ms, and the saved rows would wait behind it.
const firstScreen = (globalThis as Record<string, unknown>)[FIRST_SCREEN_SETTLED] as Promise<unknown> | undefined;
const settled = Promise.race([firstScreen?.catch(() => undefined), new Promise((done) => setTimeout(done, FIRST_SCREEN_WAIT_MS))]);
void Promise.all([import('./mount'), settled]).then(([{ mount }]) => mount(document.getElementById('root')!));
