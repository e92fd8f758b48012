// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { watchPage } from './observe';

describe('watchPage', () => {
  it('settles a burst into one call, throttles a stream, and stops on abort', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const controller = new AbortController();
    watchPage(window, onChange, { signal: controller.signal, interval: 300, quiet: 20 });
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
    await vi.advanceTimersByTimeAsync(0);
    expect(onChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(25);
    expect(onChange).toHaveBeenCalledTimes(1);
    // A stream of changes for one second: about one call per 300 ms, not one per change.
    for (let t = 0; t < 1000; t += 10) {
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(5);
    controller.abort();
    const calls = onChange.mock.calls.length;
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(onChange).toHaveBeenCalledTimes(calls);
    vi.useRealTimers();
  });
});
