/** Helpers for the component tests only (no entrypoint imports this file). */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A React root in a fresh container for each test (after `before`), unmounted after it. */
export function testRoot(before?: () => void): { readonly container: HTMLElement; readonly root: Root } {
  const at = {} as { container: HTMLElement; root: Root };
  beforeEach(() => {
    before?.();
    at.container = document.body.appendChild(document.createElement('div'));
    at.root = createRoot(at.container);
  });
  afterEach(() => {
    act(() => at.root.unmount());
    at.container.remove();
  });
  return at;
}

/** Types into an input as a user would (React listens to the native input event), staying in the field. */
export function typeInto(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
