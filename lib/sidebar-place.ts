/**
 * Where the sidebar shows (issue 20): in the page (the iframe docked to the right) or in the
 * browser's own side panel, chosen per host family. The webmails and the named CRMs default to the
 * page; a CRM site the user added has only the side panel (its sidebar page is not web-accessible
 * there). Plain data, so the content scripts read it without a schema library; the choice is
 * stored as the `PLACES` preference (`prefs.ts`).
 */
import { familyOf, type HostFamily } from './hosts/registry';

export type { HostFamily };
export { familyOf };

export type SidebarPlace = 'page' | 'panel';
export type Places = Record<HostFamily, SidebarPlace>;

export const DEFAULT_PLACES: Places = { mail: 'page', crm: 'page' };

/** The stored choice, each family falling back to the page. */
export function placesFrom(stored: unknown): Places {
  const s = (stored ?? {}) as Partial<Record<HostFamily, unknown>>;
  return { mail: s.mail === 'panel' ? 'panel' : 'page', crm: s.crm === 'panel' ? 'panel' : 'page' };
}

/** Where a host's sidebar shows under the stored choice. */
export function placeFor(host: string, places: Places): SidebarPlace {
  const family = familyOf(host);
  return family ? places[family] : 'panel';
}
