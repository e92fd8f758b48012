// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { watchPage } from './observe';

describe('watchPage', () => {
  it('reads a redraw at once, follows a redraw spread over tasks once, throttles a stream, and stops on abort', async () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const onChange = vi.fn(() => {
      seen.push(document.body.childElementCount);
    });
    const controller = new AbortController();
    watchPage(window, onChange, { signal: controller.signal, interval: 300, quiet: 20 });
    document.body.replaceChildren();
    await vi.advanceTimersByTimeAsync(1_000);
    onChange.mockClear();
    seen.length = 0;
    // A thread switch drawn in one task: read once, in the next task, whole.
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('div'));
    expect(onChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([50]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onChange).toHaveBeenCalledTimes(1);
    // A redraw spread over three tasks 5 ms apart: read at once, then once more with all of it.
    for (let t = 0; t < 3; t++) {
      document.body.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(20);
    expect(seen).toEqual([50, 51, 53]);
    // A stream of changes for one second: about one call per 300 ms, not one per change.
    await vi.advanceTimersByTimeAsync(1_000);
    onChange.mockClear();
    for (let t = 0; t < 1000; t += 10) {
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(6);
    controller.abort();
    const calls = onChange.mock.calls.length;
    document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(onChange).toHaveBeenCalledTimes(calls);
    vi.useRealTimers();
  });
});

describe('watchPage on a page that churns without news (issue 16)', () => {
  it('reads less often while nothing read changes, and at the fast pace again on a click or a new URL', async () => {
    vi.useFakeTimers();
    const onChange = vi.fn(() => false);
    const controller = new AbortController();
    watchPage(window, onChange, { signal: controller.signal, interval: 300, quiet: 20, slowest: 1_200 });
    const churn = async (ms: number) => {
      const before = onChange.mock.calls.length;
      for (let t = 0; t < ms; t += 10) {
        document.body.append(document.createElement('span'));
        await vi.advanceTimersByTimeAsync(10);
      }
      return onChange.mock.calls.length - before;
    };
    await churn(3_000);
    // Settled at one read per 1.2 s: the next six seconds read about five times, not twenty.
    expect(await churn(6_000)).toBeLessThanOrEqual(6);
    // The user clicks: the next read comes at the fast pace.
    window.dispatchEvent(new Event('pointerdown'));
    const at = onChange.mock.calls.length;
    await churn(350);
    expect(onChange.mock.calls.length).toBeGreaterThan(at);
    // A reading that changes keeps the fast pace.
    onChange.mockImplementation(() => true);
    expect(await churn(3_000)).toBeGreaterThanOrEqual(8);
    controller.abort();
    vi.useRealTimers();
  });
});

describe('watchPage records nothing between a change and the read it arms (issue 16)', () => {
  it('a storm of mutations costs one mutation callback per read, and no change is missed', async () => {
    vi.useFakeTimers();
    const Native = window.MutationObserver;
    let callbacks = 0;
    class Counting extends Native {
      constructor(callback: MutationCallback) {
        super((records, observer) => {
          callbacks++;
          callback(records, observer);
        });
      }
    }
    vi.stubGlobal('MutationObserver', Counting);
    const seen: number[] = [];
    const onChange = vi.fn(() => {
      seen.push(document.body.childElementCount);
    });
    const controller = new AbortController();
    watchPage(window, onChange, { signal: controller.signal, interval: 300, quiet: 20 });
    for (let t = 0; t < 3_000; t += 10) {
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(callbacks).toBeLessThanOrEqual(onChange.mock.calls.length + 1);
    // After the storm, quiet; then one change: read, with everything in it.
    await vi.advanceTimersByTimeAsync(2_000);
    const reads = onChange.mock.calls.length;
    document.body.append(document.createElement('em'));
    await vi.advanceTimersByTimeAsync(400);
    expect(onChange.mock.calls.length).toBe(reads + 1);
    expect(seen.at(-1)).toBe(document.body.childElementCount);
    // A change made while the page is being read is read next.
    onChange.mockImplementationOnce(() => {
      document.body.append(document.createElement('b'));
    });
    document.body.append(document.createElement('i'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onChange.mock.calls.length).toBe(reads + 3);
    expect(seen.at(-1)).toBe(document.body.childElementCount);
    controller.abort();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
});
