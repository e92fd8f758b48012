import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listen, roleOf, type Handlers } from './router';

const ext = 'chrome-extension://test-extension-id';

describe('who may ask the background what', () => {
  it('names each sender, and nobody else', () => {
    expect(roleOf({ id: fakeBrowser.runtime.id, url: `${ext}/popup.html` })).toBe('popup');
    expect(roleOf({ id: fakeBrowser.runtime.id, url: `${ext}/options.html` })).toBe('options');
    expect(roleOf({ id: fakeBrowser.runtime.id, url: `${ext}/sidebar.html`, tab: { id: 4 } as never })).toBe('sidebar');
    // A sidebar page with no tab (opened on its own) is nobody.
    expect(roleOf({ id: fakeBrowser.runtime.id, url: `${ext}/sidebar.html` })).toBeUndefined();
    expect(roleOf({ id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 } as never })).toBe('content');
    expect(roleOf({ id: 'another-extension', url: 'https://mail.google.com/', tab: { id: 4 } as never })).toBeUndefined();
    expect(roleOf({ id: fakeBrowser.runtime.id, url: `${ext}/unknown.html` })).toBeUndefined();
  });

  it('refuses a request from the wrong context or with a bad payload, before any handler runs', async () => {
    const handlers = new Proxy({} as Handlers, { get: () => vi.fn(async () => null) });
    const spy = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    listen(handlers);
    const listener = spy.mock.calls[0]![0] as (m: unknown, s: unknown) => Promise<unknown> | undefined;
    const content = { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 } };
    const options = { id: fakeBrowser.runtime.id, url: `${ext}/options.html` };

    // A content script reads an untrusted page: it may report the page and nothing else.
    expect(await listener({ type: 'contact/edit', payload: { email: 'a@b.example', edit: { nps: 0 } } }, content)).toEqual({
      ok: false,
      error: 'contact/edit is not accepted from content',
    });
    expect(await listener({ type: 'ask/insert', payload: { email: 'a@b.example' } }, options)).toMatchObject({ ok: false });
    expect(await listener({ type: 'contact/edit', payload: { email: 'not-an-email', edit: {} } }, options)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Not saved: The contact email is not an email address'),
    });
    expect(await listener({ type: 'contact/edit', payload: { email: 'a@b.example', edit: { nps: 3 } } }, options)).toEqual({ ok: true, value: null });
    // Messages that are not ours are left alone for other listeners.
    expect(listener({ type: 'import/progress', done: 1 }, options)).toBeUndefined();
    expect(listener('hello', options)).toBeUndefined();
  });
});

describe('a page read the background refuses', () => {
  it('is reported to the rejection hook with the tab, so the tab stops showing the previous contact', async () => {
    const handlers = new Proxy({} as Handlers, { get: () => vi.fn(async () => null) });
    const spy = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const rejected = vi.fn();
    listen(handlers, rejected);
    const listener = spy.mock.calls.at(-1)![0] as (m: unknown, s: unknown) => Promise<unknown> | undefined;
    const content = { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#inbox/x', tab: { id: 9 } };
    const reply = await listener(
      { type: 'page/context', payload: { host: 'gmail', hostLabel: 'Gmail', url: 'not a url', composeCount: 0, missing: [] } },
      content,
    );
    expect(reply).toMatchObject({ ok: false });
    expect(rejected).toHaveBeenCalledWith('page/context', expect.objectContaining({ tabId: 9, role: 'content' }), expect.stringContaining('url'));
  });
});
