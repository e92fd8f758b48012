/** Shared by the content script (which sizes the iframe) and the sidebar (which toggles it). */
export const SIDEBAR_WIDTH = { expanded: 360, collapsed: 44 } as const;
/** storage.local key: true when the user collapsed the sidebar. Absent on a fresh profile: expanded. */
export const COLLAPSED_KEY = 'sidebar:collapsed';
/** The long-lived channel a sidebar opens to receive its view as the page and data change. */
export const SIDEBAR_PORT = 'sidebar';
