/** The user's own choices: profile, templates, never-ask list, the engine's thresholds, reminders, CRM logging addresses. */
import { validateTemplate } from '@/lib/templates/render';
import type { Handlers } from '../router';
import { setWeeklyReminder } from '../reminders';
import type { Deps } from './deps';
import { LOGGING_CRMS, loggingProblem, type LoggingAddresses } from '@/lib/crm/logging';
import { plainAddress, selfFrom } from '@/lib/identity';

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
  | 'logging/get'
  | 'logging/save'
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

    'logging/get': () => store.loggingAddresses(),

    async 'logging/save'(given) {
      // An address that is a person's (the user's own, a client's) would send them the copy: refused, said.
      const profile = await store.profile();
      const self = selfFrom({ profileEmail: profile.email, aliases: profile.aliases });
      const addresses: LoggingAddresses = {};
      const problems: string[] = [];
      for (const crm of LOGGING_CRMS) {
        const raw = given[crm]?.trim();
        if (!raw) continue;
        // A client's address, or one of their other addresses (issue 31).
        const address = plainAddress(raw);
        const client = address ? ((await store.getContact(address)) ?? (await store.ownerOf(address))) : undefined;
        const problem = loggingProblem(crm, raw, { isSelf: (a) => self.addresses.has(a), isClient: () => Boolean(client) });
        if (problem) problems.push(problem);
        else addresses[crm] = plainAddress(raw)!;
      }
      if (problems.length) throw new Error(`${problems.join(' ')} Nothing was saved.`);
      await store.saveLoggingAddresses(addresses);
      return null;
    },
  };
}
