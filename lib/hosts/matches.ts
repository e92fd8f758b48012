/**
 * The pages the extension reads, by host family. One list feeds the content script's `matches`,
 * `host_permissions` and `web_accessible_resources`, so they cannot drift apart.
 */
export const HOST_MATCHES = {
  gmail: ['https://mail.google.com/*'],
} as const;

export const ALL_HOST_MATCHES: string[] = Object.values(HOST_MATCHES).flat();
