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
});
