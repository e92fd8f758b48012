import { describe, expect, it } from 'vitest';
import { Transfers } from './transfers';

describe('texts larger than one message cross in pieces (issue 16: a backup of 200,000 contacts)', () => {
  it('a download is handed out piece by piece, whole, once', () => {
    const transfers = new Transfers(() => 0, 4);
    expect(transfers.offer('d1', 'abcdefghij')).toBe(3);
    expect([0, 1, 2].map((i) => transfers.piece('d1', i)).join('')).toBe('abcdefghij');
    expect(() => transfers.piece('d1', 0)).toThrow('download it again');
    expect(transfers.offer('empty', '')).toBe(1);
  });

  it('an upload is gathered in order, taken once; a missing piece or a restart is said, not guessed', () => {
    const transfers = new Transfers(() => 0);
    transfers.put('u1', 0, 'abc');
    transfers.put('u1', 1, 'def');
    expect(() => transfers.put('u1', 3, 'x')).toThrow('went missing');
    expect(transfers.take('u1')).toBe('abcdef');
    expect(() => transfers.take('u1')).toThrow('choose the file again');
  });

  it('a transfer left unfinished is forgotten after ten minutes', () => {
    let now = 0;
    const transfers = new Transfers(() => now);
    transfers.put('old', 0, 'abc');
    now = 11 * 60_000;
    transfers.put('new', 0, 'x');
    expect(() => transfers.take('old')).toThrow('choose the file again');
    expect(transfers.take('new')).toBe('x');
  });
});
