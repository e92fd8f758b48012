/**
 * The plain names of the channels between the extension's contexts (declared with the rest of the
 * wire protocol in `protocol.ts`); constants only, so the content scripts carry no schema library.
 */
/** The long-lived channel a sidebar opens (named `sidebar:<frame key>`) to receive its view as the page and data change. */
export const SIDEBAR_PORT = 'sidebar';
/** The message by which the content script hands its sidebar frame the key that lets it connect (`sidebar-frame.ts`). */
export const FRAME_KEY_MESSAGE = 'referral-window/frame-key';
/** The channel the browser's side panel opens: it says which tab it shows (`{ tabId }`), and receives that tab's view (`PanelMessage`). */
export const PANEL_PORT = 'sidepanel';

/**
 * Characters in one piece of a large text sent between the options page and the worker (a backup):
 * under the 64 MB one message holds, even once every quote of the JSON it carries is escaped.
 */
export const UPLOAD_PIECE = 8_000_000;

/** The start of what the worker answers when it could not read a file by its blob: URL: the page then sends it in pieces. */
export const UNREAD_FILE = 'The file could not be read where the page holds it';
