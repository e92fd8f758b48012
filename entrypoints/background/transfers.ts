/**
 * Large texts cross between the options page and the worker in pieces: one extension message
 * holds at most 64 MB, and a backup of 200,000 contacts is over 100 MB (issue 16). A download is
 * made whole first (one consistent read, checked as a restore would check it) and handed out in
 * pieces; an upload is gathered piece by piece and used once, whole.
 */
import { UPLOAD_PIECE } from '@/lib/messaging/channels';

/** Characters a piece: under 64 MB once the message escapes every quote of the JSON it carries. */
export const PIECE = UPLOAD_PIECE;
/** A transfer nobody finished within this time is forgotten. */
const EXPIRES_MS = 10 * 60_000;
/** At most this much gathered at once (characters), so a page cannot fill the worker's memory. */
const MAX_UPLOAD = 1_500_000_000;

interface Transfer {
  pieces: string[];
  at: number;
}

export class Transfers {
  private readonly downloads = new Map<string, Transfer>();
  private readonly uploads = new Map<string, Transfer>();

  constructor(
    private readonly clock: () => number = () => Date.now(),
    private readonly size = PIECE,
  ) {}

  /** Keeps `text` to hand out in pieces; returns how many. */
  offer(id: string, text: string): number {
    this.expire();
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += this.size) pieces.push(text.slice(i, i + this.size));
    if (!pieces.length) pieces.push('');
    this.downloads.set(id, { pieces, at: this.clock() });
    return pieces.length;
  }

  /** One piece of a download; the last one taken ends it. */
  piece(id: string, index: number): string {
    const download = this.downloads.get(id);
    const piece = download?.pieces[index];
    if (!download || piece === undefined) throw new Error('The extension restarted while the backup was downloading: download it again.');
    if (index === download.pieces.length - 1) this.downloads.delete(id);
    return piece;
  }

  /** Gathers one piece of an upload, in order. */
  put(id: string, index: number, text: string): void {
    this.expire();
    const upload = this.uploads.get(id) ?? { pieces: [], at: this.clock() };
    if (index !== upload.pieces.length) throw new Error('A piece of the file went missing on the way: choose the file again. Nothing was changed.');
    const gathered = [...this.uploads.values()].reduce((n, u) => n + u.pieces.reduce((m, p) => m + p.length, 0), 0);
    if (gathered + text.length > MAX_UPLOAD) throw new Error('This file is too large for the extension to read (over 1.5 GB). Nothing was changed.');
    upload.pieces.push(text);
    this.uploads.set(id, upload);
  }

  /** The whole upload, once: it is forgotten as it is taken. */
  take(id: string): string {
    const upload = this.uploads.get(id);
    if (!upload) throw new Error('The extension restarted while the file was read: choose the file again. Nothing was changed.');
    this.uploads.delete(id);
    return upload.pieces.join('');
  }

  private expire(): void {
    const now = this.clock();
    for (const map of [this.downloads, this.uploads]) for (const [id, t] of map) if (now - t.at > EXPIRES_MS) map.delete(id);
  }
}
