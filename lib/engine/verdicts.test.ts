import { describe, expect, it } from 'vitest';
import { adviceFor, VERDICT_KINDS, VERDICTS } from './verdicts';

describe('the verdict table', () => {
  it('advises an ask only where the row says so, a follow-up once due', () => {
    const advised = VERDICT_KINDS.filter((k) => adviceFor(k, false).advised);
    expect(advised).toEqual(['ask-now', 'past-window']);
    expect(adviceFor('asked-recently', true)).toEqual({ advised: true, confirm: false, never: false, template: 'follow-up' });
    expect(adviceFor('asked-recently', false)).toEqual({ advised: false, confirm: true, never: false, template: 'ask' });
  });
  it('asks first wherever an ask is not advised, except where too little is known to judge', () => {
    for (const kind of VERDICT_KINDS) {
      for (const due of [false, true]) {
        const a = adviceFor(kind, due);
        expect(a.advised && a.confirm, kind).toBe(false);
        expect(a.advised || a.confirm, kind).toBe(kind !== 'needs-info');
      }
    }
    expect(adviceFor('never-ask', true)).toMatchObject({ advised: false, confirm: true, never: true });
  });
  it('queues only the open window and the window about to open; a follow-up due elsewhere changes nothing', () => {
    expect(VERDICT_KINDS.filter((k) => VERDICTS[k].queue !== 'no')).toEqual(['too-early', 'ask-now']);
    expect(adviceFor('fix-first', true).advised).toBe(false);
    expect(adviceFor('past-window', true).template).toBe('reactivation');
  });
});
