// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Contact, FactSource } from '@/lib/model';
import { viewWithDefaults } from '@/tests/shared/views';
import { testRoot, typeInto as type } from './testing';

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));
const { ContactPanel } = await import('./ContactPanel');

const NOW = new Date();
const src: FactSource = { kind: 'manual', observedAt: NOW.toISOString() };
const person = (email: string, nps?: number): Contact => ({
  email,
  name: email.split('@')[0]!,
  company: '',
  facts: nps === undefined ? {} : { nps: { value: { score: nps, answeredOn: NOW.toISOString().slice(0, 10) }, source: src } },
  neverAsk: false,
  updatedAt: NOW.toISOString(),
});
const viewOf = (contact: Contact) =>
  viewWithDefaults(
    {
      host: 'gmail',
      hostLabel: 'Gmail',
      url: 'https://mail.google.com/mail/u/0/#inbox/x',
      contact: { email: contact.email },
      composeCount: 1,
      missing: [],
    },
    contact,
    NOW,
  );

describe('the contact panel moving from one contact to the next, kept in place', () => {
  const at = testRoot(() => request.mockReset());
  const dana = person('dana@acme.example', 9);
  const sam = person('sam@other.example');
  const show = (contact: Contact) => act(() => at.root.render(<ContactPanel view={viewOf(contact)} unobstructed />));
  const field = (id: string) => at.container.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;

  it('an edit typed for one contact is saved to them, and never shows or lands on the next', () => {
    request.mockResolvedValue(null);
    show(dana);
    const nps = field('nps-input');
    const product = field('product-input');
    expect(nps.value).toBe('9');
    type(nps, '7');
    type(product, 'Fleet plan');
    // The page moves to Sam before the pause that saves: Dana's edits are saved now, to Dana.
    show(sam);
    expect(field('nps-input')).toBe(nps);
    expect(request.mock.calls).toEqual([
      ['contact/edit', { email: dana.email, edit: { nps: 7 } }],
      ['contact/edit', { email: dana.email, edit: { product: 'Fleet plan' } }],
    ]);
    // Sam's fields show Sam's (empty) facts, not what was typed for Dana, though both were empty.
    expect(field('nps-input').value).toBe('');
    expect(field('product-input').value).toBe('');
    // Leaving the field on Sam's panel saves nothing to anyone.
    act(() => field('product-input').dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(request).toHaveBeenCalledTimes(2);
  });

  it("a save refused after the page moved on is not shown on the next contact's panel", async () => {
    let refuse: (e: Error) => void = () => undefined;
    request.mockReturnValue(new Promise((_, reject) => (refuse = reject)));
    show(dana);
    type(field('nps-input'), '7');
    act(() => field('nps-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(request).toHaveBeenCalledWith('contact/edit', { email: dana.email, edit: { nps: 7 } });
    show(sam);
    await act(async () => refuse(new Error('Not saved: the store is closed')));
    expect(at.container.textContent).not.toContain('Not saved');
    // Back on Dana: her panel starts clean too (the answer came for a panel no longer shown).
    show(dana);
    expect(at.container.textContent).not.toContain('Not saved');
    expect(field('nps-input').value).toBe('9');
  });

  it('a refusal while the contact is shown is said there, and gone on the next contact', async () => {
    request.mockRejectedValue(new Error('Not saved: NPS is a score from 0 to 10'));
    show(dana);
    type(field('nps-input'), '12');
    await act(async () => field('nps-input').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(at.container.querySelector('[role="alert"]')?.textContent).toContain('NPS is a score from 0 to 10');
    show(sam);
    expect(at.container.textContent).not.toContain('NPS is a score');
  });
});
