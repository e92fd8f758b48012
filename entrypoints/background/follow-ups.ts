/**
 * Follow-up reminders: the toolbar badge counts asks with no reply past their follow-up date;
 * once a day, in working hours, a local notification says so. Checked hourly by an alarm (the
 * service worker sleeps between) and after every change to an ask.
 */
import { browser } from 'wxt/browser';
import { isFollowUpDue } from '@/lib/asks/pipeline';
import { toDay } from '@/lib/engine/relationship';
import type { Store } from '@/lib/db/store';

export const FOLLOW_UP_ALARM = 'follow-ups';

export async function dueFollowUps(store: Store, now = new Date()) {
  const open = await store.waitingAsks();
  return open.filter((a) => isFollowUpDue(a, now));
}

export async function refreshFollowUps(store: Store, { notify = false } = {}): Promise<number> {
  const now = new Date();
  const due = await dueFollowUps(store, now);
  await browser.action.setBadgeText({ text: due.length ? String(due.length) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  const hour = now.getHours();
  const today = toDay(now);
  if (notify && due.length && hour >= 9 && hour < 18 && (await store.value('followUps:notifiedOn')) !== today) {
    await store.setValue('followUps:notifiedOn', today);
    await browser.notifications.create(FOLLOW_UP_ALARM, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Referral window: follow-ups due',
      message: `${due.length} referral ask${due.length === 1 ? ' has' : 's have'} had no reply. A single follow-up raises replies markedly: open the popup.`,
    });
  }
  return due.length;
}

/**
 * The hourly check's alarm, created when it is missing (a first start, a browser that dropped it).
 * Not created again at each start: an alarm created under the same name replaces the one there, so
 * every wake moved the check to a minute after it, and the check's own firing (a wake) set the next
 * one a minute later: the worker woke every minute for as long as the browser ran.
 */
async function scheduleFollowUps(): Promise<void> {
  if (!(await browser.alarms.get(FOLLOW_UP_ALARM))) await browser.alarms.create(FOLLOW_UP_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
}

/**
 * The badge is set when the browser starts or the extension is installed or updated, hourly, and
 * after every change to an ask (`refresh.ts`). Not each time the service worker wakes: the badge
 * outlives the worker, and reading every waiting ask on each wake-up delayed the popup that woke
 * it (issue 16: ~3,000 asks read before the popup's first page with 10,000 asks).
 */
export function startFollowUps(store: Store): void {
  void scheduleFollowUps();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOW_UP_ALARM) void refreshFollowUps(store, { notify: true });
  });
  browser.runtime.onStartup.addListener(() => void refreshFollowUps(store));
  browser.runtime.onInstalled.addListener(() => void refreshFollowUps(store));
}
