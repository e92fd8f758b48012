import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '@/components/base.css';
import { App } from './App';

export function mount(root: HTMLElement): void {
  // Drawn in this task, not the next: the first page is usually here already (issue 16).
  const app = createRoot(root);
  flushSync(() =>
    app.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
