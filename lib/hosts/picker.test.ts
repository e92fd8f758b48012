// @vitest-environment happy-dom
import { readPage } from '../../tests/unit/load-fixture';
import { describe, expect, it, vi } from 'vitest';
import { customAdapter } from './custom';
import { runPicker, selectorFor } from './picker';

function page() {
  document.body.innerHTML = `
    <main id="record">
      <div class="row"><span class="k">Name</span><span class="v" id="n-12345678">Amara Okafor</span></div>
      <div class="row"><span class="k">Email</span><span class="v" data-field="email">amara@okafor.example</span></div>
      <div class="row"><span class="k">Since</span><span class="v">05/14/2026</span></div>
      <div class="row"><span class="k">NPS</span><input class="v" value="9"></div>
      <a href="/next" id="next">Next</a>
    </main>`;
}

/** The test stands in for the user: its clicks count as theirs. */
const user = () => true;

describe('the field picker', () => {
  it('makes selectors that find the same element again, avoiding generated ids', () => {
    page();
    const [name, email, since] = [...document.querySelectorAll('.v')];
    expect(selectorFor(email!)).toBe('span[data-field="email"]');
    const nameSel = selectorFor(name!);
    expect(nameSel).not.toContain('12345678');
    for (const el of [name!, email!, since!]) expect(document.querySelector(selectorFor(el))).toBe(el);
  });

  it('asks for each field in turn, records clicks without following links, and can skip or cancel', () => {
    page();
    const done = vi.fn();
    runPicker(document, done, undefined, true, user);
    const bar = document.querySelector('[data-referral-window-picker]')!;
    expect(bar.textContent).toContain('Name (1 of 9)');
    const click = (el: Element) => {
      const e = new MouseEvent('click', { bubbles: true, cancelable: true });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    };
    const values = [...document.querySelectorAll('.v')];
    expect(click(values[0]!)).toBe(true);
    click(values[1]!);
    click(document.getElementById('next')!); // company: the link is picked, not followed
    click(values[2]!);
    click(values[3]!);
    const skip = [...bar.querySelectorAll('button')].find((b) => b.textContent === 'Skip this field')!;
    for (let i = 0; i < 4; i++) skip.click();
    expect(document.querySelector('[data-referral-window-picker]')).toBeNull();
    const picks = done.mock.calls[0]![0];
    expect(Object.keys(picks)).toEqual(['name', 'email', 'company', 'customerSince', 'nps']);

    const ctx = readPage(customAdapter('crm.example', picks), document, 'https://crm.example/contacts/1');
    expect(ctx.contact).toMatchObject({ name: 'Amara Okafor', email: 'amara@okafor.example' });
    expect(ctx.facts).toMatchObject({ customerSince: '2026-05-14', nps: 9 });

    // The email editor is picked whole, wherever in its text the click lands, and the insert goes there.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<form id="mail"><div contenteditable="true"><p id="inside">x</p></div></form><div id="notes" contenteditable="true"></div>',
    );
    const withEditor = vi.fn();
    runPicker(document, withEditor, undefined, true, user);
    const skipNow = () =>
      [...document.querySelectorAll('[data-referral-window-picker] button')].find((b) => b.textContent === 'Skip this field')! as HTMLElement;
    for (let i = 0; i < 8; i++) skipNow().click();
    expect(document.querySelector('[data-referral-window-picker]')!.textContent).toContain('the email editor, where the ask is written (9 of 9)');
    click(document.getElementById('inside')!);
    const editorPicks = withEditor.mock.calls[0]![0];
    const editors = customAdapter('crm.example', { ...picks, composer: editorPicks.composer }).composeEditors(document);
    expect(editors).toEqual([document.querySelector('#mail [contenteditable]')]);
    expect(customAdapter('crm.example', picks).composeEditors(document)).toContain(document.getElementById('notes'));

    const cancelled = vi.fn();
    runPicker(document, cancelled, undefined, true, user);
    [...document.querySelectorAll('[data-referral-window-picker] button')].find((b) => b.textContent === 'Cancel')!.dispatchEvent(new MouseEvent('click'));
    expect(cancelled).not.toHaveBeenCalled();
    expect(document.querySelector('[data-referral-window-picker]')).toBeNull();
  });

  it("a page's own synthetic clicks pick nothing: only the user's trusted clicks do (issue 30)", () => {
    page();
    const done = vi.fn();
    runPicker(document, done);
    // The page answers the picker itself, naming a client of its choice, then presses Skip to the end.
    document.querySelectorAll('.v')[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    for (const button of document.querySelectorAll<HTMLElement>('[data-referral-window-picker] button')) button.click();
    expect(done).not.toHaveBeenCalled();
    expect(document.querySelector('[data-referral-window-picker]')!.textContent).toContain('Name (1 of 9)');
  });

  it("an email picked by its position is read only beside the label it was picked beside: another record's layout names no one (issue 30)", () => {
    // A record with no hooks: the email is picked by its place in the page.
    document.body.innerHTML = `<main><section><div><span>Full name</span><span>Amara Okafor</span></div><div><span>E-mail</span><span>amara@okafor.example</span></div></section></main>`;
    const done = vi.fn();
    runPicker(document, done, undefined, true, user);
    const bar = document.querySelector('[data-referral-window-picker]')!;
    const skip = () => [...bar.querySelectorAll('button')].find((b) => b.textContent === 'Skip this field')!.click();
    skip(); // name
    document.querySelectorAll('main span')[3]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    for (let i = 0; i < 9 && document.querySelector('[data-referral-window-picker]'); i++) skip();
    const picks = done.mock.calls[0]![0];
    expect(readPage(customAdapter('crm.example', picks), document, 'https://crm.example/contacts/1').contact?.email).toBe('amara@okafor.example');

    // Another record of the same site: a row added above, so the same position holds the owner's address.
    document.body.innerHTML = `<main><section><div><span>Full name</span><span>Bob Bright</span></div><div><span>Owner e-mail</span><span>alex@northwind.example</span></div><div><span>E-mail</span><span>bob@bright.example</span></div></section></main>`;
    const other = readPage(customAdapter('crm.example', picks), document, 'https://crm.example/contacts/2');
    expect(other.contact).toBeUndefined();
    expect(other.missing.join(' ')).toContain('picked element no longer sits beside "e-mail"');
  });

  it('a pick that no longer matches says so instead of failing', () => {
    page();
    const ctx = readPage(customAdapter('crm.example', { email: '#gone', name: '##bad(' }), document, 'https://crm.example/x');
    expect(ctx.contact?.email).toBeUndefined();
    expect(ctx.missing.join()).toMatch(/picked element not found/);
  });
});
