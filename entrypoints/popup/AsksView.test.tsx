// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { testRoot } from '@/components/testing';
import type { AskRow } from '@/lib/asks/pipeline';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_ASKS } from '@/lib/messaging/popup-views';

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

const row = (email: string, name: string): AskRow => ({
  ask: { id: email, email, templateId: 'default-ask', status: 'sent', askedAt: '2026-11-20T10:00:00.000Z', history: [] },
  name,
  company: 'Northwind',
  templateName: 'Referral ask',
  nextStep: { rank: 3, label: 'Waiting for a reply' },
  followUpDue: false,
});
const PAGE = { rows: [row('ada@client.example', 'Ada Lovelace'), row('alan@client.example', 'Alan Turing')], total: 2 };

/** A reply the test settles when it chooses. */
function deferred<T>() {
  let settle!: { ok: (value: T) => void; fail: (error: Error) => void };
  const promise = new Promise<T>((ok, fail) => (settle = { ok, fail }));
  return { promise, ...settle };
}

describe("the popup's first page (issue 16)", () => {
  // Each test loads the modules afresh: the first page is kept in module state, once per popup.
  const at = testRoot(() => {
    vi.resetModules();
    request.mockReset();
  });
  const names = () => [...at.container.querySelectorAll('[data-testid="ask-row"] strong')].map((n) => n.textContent);

  it('is drawn by the first render when its answer came before React, and is not asked for twice', async () => {
    request.mockResolvedValue(PAGE);
    const { requestFirstPage } = await import('./first-page');
    const { AsksView } = await import('./AsksView');
    requestFirstPage();
    await new Promise((r) => setTimeout(r));
    act(() => at.root.render(<AsksView />));
    expect(names()).toEqual(['Ada Lovelace', 'Alan Turing']);
    await act(() => new Promise((r) => setTimeout(r, 10)));
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith('asks/list', FIRST_ASKS);
  });

  /** The first request sent, and the view drawn before its answer comes: as a popup whose worker was asleep. */
  async function drawnBeforeTheAnswer() {
    const reply = deferred<typeof PAGE>();
    request.mockReturnValue(reply.promise);
    const { requestFirstPage } = await import('./first-page');
    const { AsksView } = await import('./AsksView');
    requestFirstPage();
    act(() => at.root.render(<AsksView />));
    return reply;
  }

  it('is waited for when React is first (a worker that was asleep): loading, then the rows, still one request', async () => {
    const reply = await drawnBeforeTheAnswer();
    expect(at.container.textContent).toContain('Loading');
    await act(async () => reply.ok(PAGE));
    expect(names()).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('says why when the first request fails', async () => {
    const reply = await drawnBeforeTheAnswer();
    await act(async () => reply.fail(new Error('The extension was restarting and did not answer: try again. Nothing was written.')));
    expect(at.container.querySelector('[role="alert"]')?.textContent).toMatch(/restarting/);
  });

  it('is not taken by a view asking for something else: that view gets its own answer', async () => {
    const first = deferred<typeof PAGE>();
    request.mockReturnValueOnce(first.promise).mockResolvedValue({ rows: [PAGE.rows[1]], total: 1 });
    const { requestFirstPage, takeFirstPage, firstPageNow } = await import('./first-page');
    requestFirstPage();
    expect(takeFirstPage({ filter: 'all', query: '', limit: 100 })).toBeUndefined();
    // Once given up, a late answer is not handed to the first render of a later view either.
    await act(async () => first.ok(PAGE));
    expect(firstPageNow()).toEqual({ page: undefined, final: false });
  });
});

describe("the popup's first screen before React (issue 35)", () => {
  const at = testRoot(() => {
    vi.resetModules();
    request.mockReset();
    performance.clearMarks();
    fakeBrowser.reset();
  });
  const NOW = new Date('2026-11-25T10:00:00');
  const saved = (over: object = {}) => fakeBrowser.storage.local.set({ 'popup:first-asks': { day: '2026-11-25', total: 2, rows: PAGE.rows, ...over } });

  it('draws the rows the worker saved, inert, before any answer; React draws the same rows over it, then the answer', async () => {
    await saved();
    const reply = deferred<{ rows: AskRow[]; total: number }>();
    request.mockReturnValue(reply.promise);
    const { requestFirstPage } = await import('./first-page');
    const { drawFirstScreen } = await import('../first-screen');
    requestFirstPage();
    const drawn = await drawFirstScreen(at.container, NOW);
    const main = at.container.querySelector('main')!;
    expect([...main.querySelectorAll('li strong')].map((n) => n.textContent)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(main.querySelector('li .muted')!.textContent).toBe('Northwind · Referral ask · asked 5 days ago');
    expect(main.hasAttribute('inert') && main.getAttribute('aria-hidden')).toBe('true');
    expect(performance.getEntriesByName('first-content')).toHaveLength(1);

    expect(drawn?.rows).toHaveLength(2);
    const { AsksView } = await import('./AsksView');
    act(() => at.root.render(<AsksView />));
    // React's own rows replaced the picture, from the same saved rows, while the answer is awaited.
    expect(at.container.querySelectorAll('main')).toHaveLength(0);
    expect([...at.container.querySelectorAll('[data-testid="ask-row"] strong')].map((n) => n.textContent)).toEqual(['Ada Lovelace', 'Alan Turing']);
    await act(async () => reply.ok({ rows: [PAGE.rows[1]!], total: 1 }));
    expect([...at.container.querySelectorAll('[data-testid="ask-row"] strong')].map((n) => n.textContent)).toEqual(['Alan Turing']);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('draws nothing from rows saved another day, or past a follow-up falling due, or once React has drawn', async () => {
    const { drawFirstScreen } = await import('../first-screen');
    await saved({ day: '2026-11-24' });
    expect(await drawFirstScreen(at.container, NOW)).toBeUndefined();
    await saved({ until: '2026-11-25T08:00:00.000Z' });
    expect(await drawFirstScreen(at.container, NOW)).toBeUndefined();
    await fakeBrowser.storage.local.clear();
    expect(await drawFirstScreen(at.container, NOW)).toBeUndefined();
    expect(at.container.childElementCount).toBe(0);
    await saved();
    at.container.append(document.createElement('p'));
    expect(await drawFirstScreen(at.container, NOW)).toBeUndefined();
    expect(performance.getEntriesByName('first-content')).toHaveLength(0);
  });

  it('run from the <head>, it reads first and finds the root after; no root, nothing drawn', async () => {
    const { drawFirstScreen } = await import('../first-screen');
    await saved();
    expect(await drawFirstScreen(async () => null, NOW)).toBeUndefined();
    const found = vi.fn(async () => at.container);
    expect((await drawFirstScreen(found, NOW))?.rows).toHaveLength(2);
    expect(found).toHaveBeenCalledOnce();
    expect(at.container.querySelectorAll('main li')).toHaveLength(2);
  });
});
