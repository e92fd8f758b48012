import { requestFirstPage } from './first-page';

// The data first, then the interface: both load at once (issue 16). The first screen the worker
// saved may already be on the page, drawn by `/first-screen.js` while the page parsed (issue 35).
requestFirstPage();
void import('./mount').then(({ mount }) => mount(document.getElementById('root')!));
