import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { startFollowUps } from './follow-ups';

describe('the follow-up badge (issue 16: a worker waking for the popup reads no asks)', () => {
  it('is set when the browser starts or the extension is installed, not each time the worker wakes', async () => {
    const store = new Store(openDb('follow-ups-test-1'));
    await store.addAsk({
      id: 'a1',
      email: 'dana@acme.example',
      templateId: 'default-ask',
      status: 'sent',
      askedAt: '2026-11-01T10:00:00.000Z',
      followUpAt: '2026-11-05T10:00:00.000Z',
      history: [{ status: 'drafted', at: '2026-11-01T10:00:00.000Z' }],
    });
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue();
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue();
    const read = vi.spyOn(store, 'waitingAsks');

    startFollowUps(store);
    await new Promise((r) => setTimeout(r, 20));
    expect(read).not.toHaveBeenCalled();

    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(badge).toHaveBeenLastCalledWith({ text: '1' }));
    badge.mockClear();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await vi.waitFor(() => expect(badge).toHaveBeenLastCalledWith({ text: '1' }));
    // And every hour, by its alarm.
    expect(await fakeBrowser.alarms.get('follow-ups')).toMatchObject({ periodInMinutes: 60 });
  });

  it('keeps its hourly alarm where it is when the worker wakes again, and after the alarm wakes it', async () => {
    await fakeBrowser.alarms.clearAll();
    const store = new Store(openDb('follow-ups-test-2'));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-07T10:00:00Z'));
      startFollowUps(store);
      await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('follow-ups')).toBeDefined());
      const first = (await fakeBrowser.alarms.get('follow-ups'))!.scheduledTime;
      expect(first - Date.parse('2026-12-07T10:01:00Z')).toBeGreaterThanOrEqual(0);
      expect(first - Date.parse('2026-12-07T10:01:00Z')).toBeLessThan(1000);
      // The worker stops and starts again 20 minutes later (a popup, a page), then the alarm wakes it.
      vi.setSystemTime(new Date('2026-12-07T10:20:00Z'));
      startFollowUps(store);
      await new Promise((r) => setTimeout(r, 20));
      expect((await fakeBrowser.alarms.get('follow-ups'))!.scheduledTime).toBe(first);
      vi.setSystemTime(new Date('2026-12-07T10:01:00Z'));
      startFollowUps(store);
      await new Promise((r) => setTimeout(r, 20));
      expect(await fakeBrowser.alarms.get('follow-ups')).toMatchObject({ scheduledTime: first, periodInMinutes: 60 });
    } finally {
      vi.useRealTimers();
    }
  });
});
