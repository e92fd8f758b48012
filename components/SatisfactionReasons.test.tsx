// @vitest-environment happy-dom
/** Issue 33: the score's arithmetic shown whole: the base, each reason's points, the cap, the score. */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { satisfaction as score } from '@/lib/engine/satisfaction';
import { DEFAULT_SETTINGS } from '@/lib/engine/settings';
import { SatisfactionReasons } from './SatisfactionReasons';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const source = { kind: 'manual' as const, observedAt: '2026-12-01T10:00:00.000Z' };

function shown(facts: Parameters<typeof score>[0]['facts']) {
  const s = score({ facts, clientMessages: [], ourMessageDates: [], now: new Date('2026-12-07T10:00:00Z'), settings: DEFAULT_SETTINGS });
  const container = document.createElement('div');
  act(() => createRoot(container).render(<SatisfactionReasons satisfaction={s} />));
  const points = [...container.querySelectorAll('.reasons li')].map((li) => [li.querySelector('span')!.textContent, li.querySelector('.points')!.textContent]);
  return { s, points };
}

describe('the satisfaction score, its arithmetic whole', () => {
  it('a score over 100 shows the base, every reason, the cap and the score, adding up', () => {
    const { s, points } = shown({
      nps: { value: { score: 10 }, source },
      csat: { value: 98, source },
      openTickets: { value: 0, source },
      spend90d: { value: 900, source },
    });
    expect(s.score).toBe(100);
    expect(points[0]).toEqual(['Every client starts at', '50']);
    expect(points.at(-1)).toEqual(['Score', '100']);
    expect(points.at(-2)![0]).toMatch(/^Capped at 100 \(\d+ before\)$/);
    const total = points.slice(0, -1).reduce((sum, [, p]) => sum + Number(p!.replace('±', '')), 0);
    expect(total).toBe(100);
  });

  it('a score inside 0-100 has no cap line, and base + reasons = score', () => {
    const { s, points } = shown({ nps: { value: { score: 8 }, source } });
    expect(points.some(([label]) => /^Capped|^Kept at 0/.test(label!))).toBe(false);
    const total = points.slice(0, -1).reduce((sum, [, p]) => sum + Number(p!.replace('±', '')), 0);
    expect([total, Number(points.at(-1)![1])]).toEqual([s.score, s.score]);
  });
});
