import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/db';
import { Store } from '@/lib/db/store';
import { restoreReminders, WEEKLY_ALARM } from './reminders';

let n = 0;
const freshStore = () => new Store(openDb(`reminders-test-${++n}`));

describe('alarms after a browser restart (issue 17)', () => {
  it('the weekly reminder is re-created from the stored setting when the worker starts', async () => {
    const store = freshStore();
    await store.setValue('reminders', { weeklyQueue: true });
    // A restarted browser: no alarm left.
    expect(await fakeBrowser.alarms.get(WEEKLY_ALARM)).toBeUndefined();
    await restoreReminders(store, new Date(2026, 10, 25, 12));
    const alarm = await fakeBrowser.alarms.get(WEEKLY_ALARM);
    expect(alarm?.periodInMinutes).toBe(7 * 24 * 60);
    expect(new Date(alarm!.scheduledTime).getDay()).toBe(1);
  });

  it('and removed when the setting is off', async () => {
    const store = freshStore();
    await fakeBrowser.alarms.create(WEEKLY_ALARM, { periodInMinutes: 60 });
    await restoreReminders(store);
    expect(await fakeBrowser.alarms.get(WEEKLY_ALARM)).toBeUndefined();
  });
});
