import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNREAD_FILE, UPLOAD_PIECE } from './channels';

const sent: Array<{ type: string; payload: { id: string; index: number; text: string } }> = [];
vi.mock('./client', () => ({ request: async (type: string, payload: never) => void sent.push({ type, payload }) }));
const { sendFile } = await import('./upload');

describe('a file handed to the worker (issue 35)', () => {
  afterEach(() => void sent.splice(0));

  it('goes by a blob: URL that lives only while it is used', async () => {
    const file = new Blob(['{"format":"referral-window-backup"}']);
    let url = '';
    expect(await sendFile(file, async (source) => ('file' in source ? ((url = source.file), (await fetch(url)).text()) : ''))).toBe(
      '{"format":"referral-window-backup"}',
    );
    expect(url).toMatch(/^blob:/);
    await expect(fetch(url)).rejects.toThrow();
    expect(sent).toEqual([]);
  });

  it('is sent as text in pieces when the worker could not read it there; any other refusal is the answer', async () => {
    const text = 'é'.repeat(UPLOAD_PIECE + 5);
    const used: unknown[] = [];
    const answer = await sendFile(new Blob([text]), async (source) => {
      used.push(source);
      if ('file' in source) throw new Error(`${UNREAD_FILE} (Failed to fetch).`);
      return 'restored';
    });
    expect(answer).toBe('restored');
    expect(used).toHaveLength(2);
    expect(sent.map((m) => [m.type, m.payload.index, m.payload.text.length])).toEqual([
      ['upload/piece', 0, UPLOAD_PIECE],
      ['upload/piece', 1, 5],
    ]);
    expect(used[1]).toEqual({ upload: sent[0]!.payload.id });
    await expect(sendFile(new Blob(['x']), async () => Promise.reject(new Error('This is not a JSON file. Nothing was changed.')))).rejects.toThrow(
      'not a JSON file',
    );
  });
});
