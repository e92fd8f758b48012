/**
 * The pages the extension reads, by host family. One list feeds the content script's `matches`,
 * `host_permissions` and `web_accessible_resources`, so they cannot drift apart.
 */
export const HOST_MATCHES = {
  gmail: ['https://mail.google.com/*'],
  outlook: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*', 'https://app-ap1.hubspot.com/*'],
  salesforce: ['https://*.lightning.force.com/*'],
  pipedrive: ['https://*.pipedrive.com/*'],
} as const;

export const ALL_HOST_MATCHES: string[] = Object.values(HOST_MATCHES).flat();

/** Gmail, Outlook and the CRMs read out of the box: an origin one of the manifest's host patterns covers. */
export const isNamedHost = (origin: string): boolean =>
  ALL_HOST_MATCHES.some((pattern) => new RegExp(`^${pattern.replace(/\/\*$/, '').replace(/\./g, '\\.').replace('*\\.', '([a-z0-9-]+\\.)+')}$`).test(origin));

/** The webmails: one content script (entrypoints/mail.content). */
export const MAIL_MATCHES: string[] = [...HOST_MATCHES.gmail, ...HOST_MATCHES.outlook];
/** The named CRMs: the other content script (entrypoints/host.content), also run on added CRM sites. */
export const CRM_MATCHES: string[] = [...HOST_MATCHES.hubspot, ...HOST_MATCHES.salesforce, ...HOST_MATCHES.pipedrive];

/**
 * Pages of the matched domains that are not the app (issue 21): Pipedrive's website, blog, developer
 * docs and status page, HubSpot's login. Whole hosts or full-page loads only, so an SPA that starts
 * elsewhere in the app still gets the script.
 */
export const CRM_EXCLUDES: string[] = [
  'https://www.pipedrive.com/*',
  'https://developers.pipedrive.com/*',
  'https://status.pipedrive.com/*',
  'https://support.pipedrive.com/*',
  'https://app.hubspot.com/login*',
  'https://app-eu1.hubspot.com/login*',
];

/**
 * Parts of the named CRMs' apps that are about no customer (HubSpot's settings, Salesforce's
 * Setup): reached inside the app, so the manifest cannot leave them out without losing the SPA
 * navigation back to a record. There the script stays idle (no reads, no sidebar) until the app
 * navigates elsewhere.
 */
export const isOutsideRecords = (url: string): boolean =>
  /^https:\/\/(app(-[a-z0-9]+)?\.hubspot\.com\/(settings|login|signup)\b|[^/]+\.lightning\.force\.com\/lightning\/setup\/)/.test(url);
