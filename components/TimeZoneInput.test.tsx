// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeZoneInput } from './TimeZoneInput';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Types into the input as a user would (React listens to the native input event), then leaves it. */
function typeAndLeave(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
}

describe('the time zone picker', () => {
  let container: HTMLElement;
  afterEach(() => container?.remove());

  const mount = (onCommit: (zone: string) => void) => {
    container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    act(() => root.render(<TimeZoneInput label="Time zone" value="" onCommit={onCommit} testId="tz" />));
    return container.querySelector<HTMLInputElement>('[data-testid="tz"]')!;
  };

  it('offers the browser zones with their offsets once focused, and saves a city as its zone', () => {
    const onCommit = vi.fn();
    const input = mount(onCommit);
    expect(container.querySelectorAll('option')).toHaveLength(0);
    act(() => input.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    const kolkata = container.querySelector<HTMLOptionElement>('option[value="Asia/Kolkata"]');
    expect(kolkata?.getAttribute('label')).toBe('Asia/Kolkata (UTC+5:30)');
    typeAndLeave(input, 'kolkata');
    expect(onCommit).toHaveBeenCalledWith('Asia/Kolkata');
    expect(input.value).toBe('Asia/Kolkata');
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('saves nothing for free text and says to choose from the list', () => {
    const onCommit = vi.fn();
    const input = mount(onCommit);
    typeAndLeave(input, 'somewhere in France');
    expect(onCommit).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Choose a time zone from the list/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});
