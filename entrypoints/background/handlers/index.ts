/** Every request's handler, by area: what the router serves (index.ts) and what the tests call (testing.ts). */
import type { Handlers } from '../router';
import { askHandlers } from './asks';
import { contactHandlers } from './contacts';
import { dataHandlers } from './data';
import type { Deps } from './deps';
import { insertHandlers } from './insert';
import { pageHandlers } from './pages';
import { queueHandlers } from './queue';
import { settingHandlers } from './settings';
import { siteHandlers } from './sites';
import { crmHandlers } from './crm';

export function allHandlers(deps: Deps): Handlers {
  return {
    ...pageHandlers(deps),
    ...contactHandlers(deps),
    ...insertHandlers(deps),
    ...askHandlers(deps),
    ...settingHandlers(deps),
    ...siteHandlers(deps),
    ...dataHandlers(deps),
    ...queueHandlers(deps),
    ...crmHandlers(deps),
  };
}
