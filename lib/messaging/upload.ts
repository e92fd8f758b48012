/**
 * A large text from the options page to the worker (a backup to restore, a CSV to import), sent
 * in pieces: one extension message holds at most 64 MB (`transfers.ts` gathers them).
 */
import { UNREAD_FILE, UPLOAD_PIECE } from './channels';
import { request } from './client';

/** Sends `text` in pieces; returns the name the worker gathered it under, for the request that uses it. */
export async function upload(text: string): Promise<string> {
  const id = crypto.randomUUID();
  for (let index = 0, at = 0; index === 0 || at < text.length; index++, at += UPLOAD_PIECE) {
    await request('upload/piece', { id, index, text: text.slice(at, at + UPLOAD_PIECE) });
  }
  return id;
}

/**
 * Hands `file` to the worker for `use`: as a blob: URL the worker reads itself (a 205 MB backup in
 * about a second, where 27 messages of 8 MB took 8 s: issue 35), else, if the worker could not
 * read it there, as text in pieces. The URL lives only while `use` runs.
 */
export async function sendFile<T>(file: Blob, use: (source: { file: string } | { upload: string }) => Promise<T>): Promise<T> {
  const url = URL.createObjectURL(file);
  try {
    return await use({ file: url });
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith(UNREAD_FILE))) throw error;
  } finally {
    URL.revokeObjectURL(url);
  }
  return use({ upload: await upload(await file.text()) });
}
