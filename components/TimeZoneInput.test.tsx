// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TimeZoneInput } from './TimeZoneInput';
import { testRoot, typeInto } from './testing';

/** Types into the input as a user would, then leaves it. */
function typeAndLeave(input: HTMLInputElement, text: string) {
  typeInto(input, text);
  act(() => input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
}

describe('the time zone picker', () => {
  const at = testRoot();

  const mount = (onCommit: (zone: string) => void) => {
    act(() => at.root.render(<TimeZoneInput label="Time zone" value="" onCommit={onCommit} testId="tz" />));
    return at.container.querySelector<HTMLInputElement>('[data-testid="tz"]')!;
  };

  it('offers the browser zones with their offsets once focused, and saves a city as its zone', () => {
    const onCommit = vi.fn();
    const input = mount(onCommit);
    expect(at.container.querySelectorAll('option')).toHaveLength(0);
    act(() => input.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    const kolkata = at.container.querySelector<HTMLOptionElement>('option[value="Asia/Kolkata"]');
    expect(kolkata?.getAttribute('label')).toBe('Asia/Kolkata (UTC+5:30)');
    typeAndLeave(input, 'kolkata');
    expect(onCommit).toHaveBeenCalledWith('Asia/Kolkata');
    expect(input.value).toBe('Asia/Kolkata');
    expect(at.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('saves nothing for free text and says to choose from the list', () => {
    const onCommit = vi.fn();
    const input = mount(onCommit);
    typeAndLeave(input, 'somewhere in France');
    expect(onCommit).not.toHaveBeenCalled();
    expect(at.container.querySelector('[role="alert"]')?.textContent).toMatch(/Choose a time zone from the list/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });
});
