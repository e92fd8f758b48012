/**
 * Where the sidebar shows (issue 20): in the page (the iframe docked to the right) or in the
 * browser's own side panel, chosen per host family. The webmails and the named CRMs default to the
 * page; a CRM site the user added has only the side panel (its sidebar page is not web-accessible
 * there). Plain data and storage.local, so the content scripts read it without a schema library.
 */
export const PLACE_KEY = 'sidebar:place';

export type HostFamily = 'mail' | 'crm';
export type SidebarPlace = 'page' | 'panel';
export type Places = Record<HostFamily, SidebarPlace>;

export const DEFAULT_PLACES: Places = { mail: 'page', crm: 'page' };

/** The families as the settings name them. */
export const FAMILY_LABELS: Record<HostFamily, string> = { mail: 'Gmail and Outlook', crm: 'HubSpot, Salesforce and Pipedrive' };

/** The stored choice, each family falling back to the page. */
export function placesFrom(stored: unknown): Places {
  const s = (stored ?? {}) as Partial<Record<HostFamily, unknown>>;
  return { mail: s.mail === 'panel' ? 'panel' : 'page', crm: s.crm === 'panel' ? 'panel' : 'page' };
}

/** A page's host family; `undefined` for a CRM site the user added (always the panel). */
export function familyOf(host: string): HostFamily | undefined {
  if (host === 'gmail' || host === 'outlook') return 'mail';
  if (host === 'hubspot' || host === 'salesforce' || host === 'pipedrive') return 'crm';
  return undefined;
}

/** Where a host's sidebar shows under the stored choice. */
export function placeFor(host: string, places: Places): SidebarPlace {
  const family = familyOf(host);
  return family ? places[family] : 'panel';
}
