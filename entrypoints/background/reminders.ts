/**
 * The opt-in weekly reminder: Monday morning, how many contacts enter their referral window this
 * week. Alarms survive the service worker going to sleep; the notification is local.
 */
import { addDays, setHours, setMinutes, startOfDay } from 'date-fns';
import { browser } from 'wxt/browser';
import type { Store } from '@/lib/db/store';
import { enteringWindow, queueStartRange } from '@/lib/engine/queue';

export const WEEKLY_ALARM = 'weekly-queue';
const WEEK_MINUTES = 7 * 24 * 60;

/** Next Monday at 9:00 local time (today if it is Monday before 9). */
export function nextMondayMorning(now: Date): Date {
  let day = setMinutes(setHours(startOfDay(now), 9), 0);
  while (day.getDay() !== 1 || day <= now) day = addDays(day, 1);
  return day;
}

export async function setWeeklyReminder(enabled: boolean, now = new Date()): Promise<void> {
  if (enabled) await browser.alarms.create(WEEKLY_ALARM, { when: nextMondayMorning(now).getTime(), periodInMinutes: WEEK_MINUTES });
  else await browser.alarms.clear(WEEKLY_ALARM);
}

/**
 * Alarms do not always survive a browser restart: whenever the worker starts, the weekly reminder
 * is re-created from the stored setting when it is missing (issue 17), and removed when it is off.
 */
export async function restoreReminders(store: Store, now = new Date()): Promise<void> {
  const { weeklyQueue } = await store.value('reminders');
  const existing = await browser.alarms.get(WEEKLY_ALARM);
  if (weeklyQueue && !existing) await setWeeklyReminder(true, now);
  if (!weeklyQueue && existing) await setWeeklyReminder(false, now);
}

export function listenForReminders(store: Store): void {
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== WEEKLY_ALARM) return;
    const now = new Date();
    const settings = await store.settings();
    const range = queueStartRange(now, settings);
    const candidates = await store.contactsStartedBetween(range.from, range.to);
    const count = enteringWindow(candidates, now, settings);
    await browser.notifications.create(WEEKLY_ALARM, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Referral window: this week',
      message:
        count === 0
          ? 'No contact enters the referral window this week. Open the queue to see who is in it now.'
          : `${count} contact${count === 1 ? '' : 's'} enter${count === 1 ? 's' : ''} the referral window this week. Open the queue to plan the asks.`,
    });
  });
}
