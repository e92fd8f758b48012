import { requestFirstPage } from './first-page';

// The data first, then the interface: both load at once (issue 16).
requestFirstPage();
void import('./mount').then(({ mount }) => mount(document.getElementById('root')!));
