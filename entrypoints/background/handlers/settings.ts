/** The user's own choices: profile, templates, never-ask list, the engine's thresholds, reminders. */
import { validateTemplate } from '@/lib/templates/render';
import type { Handlers } from '../router';
import { setWeeklyReminder } from '../reminders';
import type { Deps } from './deps';

type SettingHandlers = Pick<
  Handlers,
  | 'profile/get'
  | 'profile/save'
  | 'templates/list'
  | 'template/save'
  | 'template/delete'
  | 'templates/restore'
  | 'never-ask/get'
  | 'never-ask/save'
  | 'settings/get'
  | 'settings/save'
  | 'reminders/get'
  | 'reminders/save'
>;

export function settingHandlers({ store }: Deps): SettingHandlers {
  return {
    'profile/get': () => store.profile(),

    async 'profile/save'(profile) {
      await store.saveProfile(profile);
      return null;
    },

    'templates/list': () => store.templates(),

    async 'template/save'(template) {
      const problems = validateTemplate(template);
      if (problems.length) throw new Error(problems.join(' '));
      await store.saveTemplate(template);
      return null;
    },

    async 'template/delete'({ id }) {
      await store.deleteTemplate(id);
      return null;
    },

    async 'templates/restore'() {
      await store.restoreDefaultTemplates();
      return null;
    },

    'never-ask/get': () => store.neverAskList(),

    async 'never-ask/save'(list) {
      await store.saveNeverAskList(list);
      return null;
    },

    'settings/get': () => store.settings(),

    async 'settings/save'(settings) {
      await store.saveSettings(settings);
      return null;
    },

    'reminders/get': () => store.value('reminders'),

    async 'reminders/save'(reminders) {
      await store.setValue('reminders', reminders);
      await setWeeklyReminder(reminders.weeklyQueue);
      return null;
    },
  };
}
