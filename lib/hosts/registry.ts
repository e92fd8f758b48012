/**
 * The hosts the extension reads out of the box, one row each. Everything that names a host
 * derives from here: `HostId` and the protocol's enum, the manifest's matches, excludes, host
 * permissions and web-accessible resources, each host's family, every host list on screen, and
 * the content scripts' dispatch (`dispatch.ts`). Plain data, so the content scripts may import it.
 *
 * Adding a host is its adapter file, one row here, its entry in the family's adapter map (the
 * compiler asks for it) and its fixtures: a page and the CSP the host sends (`HOST_FIXTURES` in
 * tests/shared/hosts.ts, also asked for by the compiler; `registry.test.ts` walks every row through
 * the dispatch that ships). The CSP sits with the fixtures, not here: every byte of a row ships in
 * every host page (the injected-size budget), and the policy is the tests' alone.
 */

export type HostFamily = 'mail' | 'crm';

export interface HostRow {
  id: string;
  /** The host's name as the user knows it: "Gmail", "HubSpot". */
  label: string;
  family: HostFamily;
  /** Manifest match patterns: where the family's content script runs and what the extension may read. */
  matches: readonly string[];
  /** Pages of those domains that are not the app (the website, docs, login): no script there at all. */
  excludes?: readonly string[];
  /** A URL of the app this host's adapter reads (the others on the matched domains are left alone). */
  app: RegExp;
  /** Parts of the app about no customer (settings, setup), reached inside the app: the script waits there, idle. */
  noCustomer?: RegExp;
}

/** Pipedrive's subdomains that are its own sites, never a company's app. */
const PIPEDRIVE_SITES = [
  'www',
  'developers',
  'status',
  'support',
  'community',
  'careers',
  'jobs',
  'blog',
  'marketplace',
  'academy',
  'learn',
  'partners',
  'investors',
  'press',
  'media',
  'go',
  'info',
  'api',
  'oauth',
] as const;

/** The webmails: the mail content script carries these rows only. */
export const MAIL_HOSTS = [
  {
    id: 'gmail',
    label: 'Gmail',
    family: 'mail',
    matches: ['https://mail.google.com/*'],
    app: /^https:\/\/mail\.google\.com\/mail\//,
  },
  {
    id: 'outlook',
    label: 'Outlook',
    family: 'mail',
    // outlook.cloud.microsoft: where Microsoft moves Microsoft 365 users' Outlook on the web (2025-26).
    matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
    app: /^https:\/\/outlook\.(office\.com|office365\.com|live\.com|cloud\.microsoft)\/mail\//,
  },
] as const satisfies readonly HostRow[];

/** The named CRMs: the CRM content script carries these rows only. */
export const CRM_HOSTS = [
  {
    id: 'hubspot',
    label: 'HubSpot',
    family: 'crm',
    matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*', 'https://app-ap1.hubspot.com/*'],
    excludes: ['https://app.hubspot.com/login*', 'https://app-eu1.hubspot.com/login*'],
    app: /^https:\/\/app(-[a-z]{2}\d)?\.hubspot\.com\//,
    noCustomer: /^https:\/\/app(-[a-z0-9]+)?\.hubspot\.com\/(settings|login|signup)\b/,
  },
  {
    id: 'salesforce',
    label: 'Salesforce',
    family: 'crm',
    matches: ['https://*.lightning.force.com/*'],
    app: /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*\.lightning\.force\.com\//,
    noCustomer: /^https:\/\/[^/]+\.lightning\.force\.com\/lightning\/setup\//,
  },
  {
    id: 'pipedrive',
    label: 'Pipedrive',
    family: 'crm',
    matches: ['https://*.pipedrive.com/*'],
    // The app is each company's own subdomain; these are Pipedrive's own sites (website, blog,
    // docs, status, support, community, careers, marketplace, academy...) and the bare domain.
    excludes: ['https://pipedrive.com/*', ...PIPEDRIVE_SITES.map((name) => `https://${name}.pipedrive.com/*`)],
    app: new RegExp(`^https://(?!(${PIPEDRIVE_SITES.join('|')})\\.)[a-z0-9-]+\\.pipedrive\\.com/`),
  },
] as const satisfies readonly HostRow[];

export const HOSTS = /* @__PURE__ */ (() => [...MAIL_HOSTS, ...CRM_HOSTS])();

export type NamedHost = (typeof HOSTS)[number];
export type NamedHostId = NamedHost['id'];
/** A named host, or a CRM site the user added (read from their picks). */
export type HostId = NamedHostId | 'custom';
/** The named hosts of one family. */
export type HostIdOf<F extends HostFamily> = Extract<NamedHost, { family: F }>['id'];

export const HOST_IDS: [HostId, ...HostId[]] = /* @__PURE__ */ ((): [HostId, ...HostId[]] => ['custom', ...HOSTS.map((h) => h.id)])();

const rows: readonly HostRow[] = HOSTS;

export const hostsOf = (family: HostFamily): readonly HostRow[] => (family === 'mail' ? MAIL_HOSTS : CRM_HOSTS);

/** The row among `among` whose app this URL is, if any (a content script passes its family's rows only). */
export const rowIn = (among: readonly HostRow[], url: string): HostRow | undefined => among.find((h) => h.app.test(url));

/** The named host whose app this URL is, if any. */
export const rowFor = (url: string): HostRow | undefined => rowIn(rows, url);

export const rowOf = (id: string): HostRow | undefined => rows.find((h) => h.id === id);

/** Every named host's match patterns: the manifest's host permissions and web-accessible resources. */
export const ALL_HOST_MATCHES: string[] = /* @__PURE__ */ rows.flatMap((h) => h.matches);

/** Manifest patterns of some rows (a family's: `matchesIn(CRM_HOSTS)`). */
export const matchesIn = (among: readonly HostRow[]): string[] => among.flatMap((h) => [...h.matches]);
export const excludesIn = (among: readonly HostRow[]): string[] => among.flatMap((h) => [...(h.excludes ?? [])]);

/** Gmail, Outlook and the CRMs read out of the box: an origin one of the manifest's host patterns covers. */
export const isNamedHost = (origin: string): boolean =>
  ALL_HOST_MATCHES.some((pattern) => new RegExp(`^${pattern.replace(/\/\*$/, '').replace(/\./g, '\\.').replace('*\\.', '([a-z0-9-]+\\.)+')}$`).test(origin));

/** Parts of a named app that are about no customer: the script stays idle there until the app navigates elsewhere. */
export const outsideRecordsIn = (among: readonly HostRow[], url: string): boolean => !!rowIn(among, url)?.noCustomer?.test(url);
export const isOutsideRecords = (url: string): boolean => outsideRecordsIn(rows, url);

/** A page's host family; `undefined` for a CRM site the user added. */
export const familyOf = (host: string): HostFamily | undefined => rowOf(host)?.family;

/** "Gmail, Outlook and HubSpot": the named hosts (of one family) as a sentence lists them. */
export function hostNames(family?: HostFamily, last: 'and' | 'or' = 'and'): string {
  const names = (family ? hostsOf(family) : rows).map((h) => h.label);
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;
}
