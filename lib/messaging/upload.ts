/**
 * A large text from the options page to the worker (a backup to restore, a CSV to import), sent
 * in pieces: one extension message holds at most 64 MB (`transfers.ts` gathers them).
 */
import { UPLOAD_PIECE } from './channels';
import { request } from './client';

/** Sends `text` in pieces; returns the name the worker gathered it under, for the request that uses it. */
export async function upload(text: string): Promise<string> {
  const id = crypto.randomUUID();
  for (let index = 0, at = 0; index === 0 || at < text.length; index++, at += UPLOAD_PIECE) {
    await request('upload/piece', { id, index, text: text.slice(at, at + UPLOAD_PIECE) });
  }
  return id;
}
