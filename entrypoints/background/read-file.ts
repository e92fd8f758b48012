/**
 * A file the options page holds, read by the worker from the blob: URL the page made for it (a
 * 205 MB backup in about a second: issue 35). Not the network: only this extension's own blob:
 * URLs are read (the conventions test holds this file to that), anything else is refused unread.
 */
import { UNREAD_FILE } from '@/lib/messaging/channels';

/**
 * The text of a file the options page holds, by the blob: URL it made (this extension's own only).
 * Anything that stops the read is said as UNREAD_FILE: the page then sends the file in pieces.
 */
export async function readFile(url: string): Promise<string> {
  if (!url.startsWith(`blob:${globalThis.location?.origin}/`)) throw new Error(`${UNREAD_FILE}: not this extension's.`);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(String(response.status));
    return await response.text();
  } catch (error) {
    throw new Error(`${UNREAD_FILE} (${error instanceof Error ? error.message : String(error)}).`);
  }
}
