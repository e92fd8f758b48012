/**
 * The hardening suite (issue 21): bad inputs of every kind, through the router as the pages and
 * content scripts send them. Each must be handled cleanly — accepted within the limits, or refused
 * with words that say what is wrong (never a library's or the runtime's own message) — and a
 * refused one must leave every stored record as it was. The figures go in the README.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEMPLATES } from '@/lib/templates/defaults';
import type { Reply } from '@/lib/messaging/protocol';
import { NOW, setup, TAB } from './testing';

type Expect = 'refused' | 'accepted';
interface BadInput {
  what: string;
  role: 'content' | 'sidebar' | 'popup' | 'options';
  type: string;
  payload: unknown;
  expect: Expect;
  /** What else must hold afterwards. */
  check?: (reply: Reply<unknown>, ctx: ReturnType<typeof setup>) => Promise<void> | void;
}

const csv = (text: string) => ({ fileName: 'export.csv', observedAt: '2026-11-24T10:00:00.000Z', text });
const backup = (change: (b: Record<string, unknown>) => void) => async (ctx: ReturnType<typeof setup>) => {
  const b = structuredClone(await ctx.store.exportAll(NOW.toISOString())) as unknown as Record<string, unknown>;
  change(b);
  return { backup: b };
};
const template = (over: Record<string, string>) => ({ ...DEFAULT_TEMPLATES[0]!, id: 'mine', name: 'Mine', ...over });

/** Library and runtime messages a user must never read. */
const RAW = /TypeError|is not a function|Cannot read|undefined|\[object|bulkAdd|ConstraintError|ZodError|"code":|at \w+ \(/;

const BAD: Array<Omit<BadInput, 'payload'> & { payload: unknown | ((ctx: ReturnType<typeof setup>) => Promise<unknown>) }> = [
  // CSV imports
  { what: 'a binary file', role: 'options', type: 'contacts/import', payload: csv('PK\u0003\u0004\u0000\u0000\u0000\u0000binary'), expect: 'refused' },
  { what: 'an empty file', role: 'options', type: 'contacts/import', payload: csv(''), expect: 'refused' },
  { what: 'no email column', role: 'options', type: 'contacts/import', payload: csv('Name,NPS\nDana,9\n'), expect: 'refused' },
  {
    what: 'a 1 MB name and a 73-character plan',
    role: 'options',
    type: 'contacts/import',
    payload: csv(`Email,Name,Plan\nlee@peer.example,${'N'.repeat(1_000_000)},${'P'.repeat(73)}\n`),
    expect: 'accepted',
    check: async (reply, { store }) => {
      expect((reply as { value: { skipped: unknown[] } }).value.skipped).toHaveLength(2);
      // The name is cut to what a contact keeps, and said; the plan is skipped, and said.
      expect((await store.getContact('lee@peer.example'))?.name).toHaveLength(300);
    },
  },
  {
    what: 'empty cells for a contact with facts',
    role: 'options',
    type: 'contacts/import',
    payload: csv('Email,NPS,Segment\ndana@acme.example,,\n'),
    expect: 'accepted',
    check: async (_, { store }) => expect((await store.getContact('dana@acme.example'))?.facts.nps?.value.score).toBe(9),
  },
  {
    what: 'CR-only line endings with a bad cell on line 3',
    role: 'options',
    type: 'contacts/import',
    payload: csv('Email,NPS\rdana@acme.example,9\rlee@peer.example,eleven\r'),
    expect: 'accepted',
    check: (reply) => expect((reply as { value: { skipped: Array<{ line: number }> } }).value.skipped.map((s) => s.line)).toEqual([3]),
  },
  { what: 'an unclosed quote', role: 'options', type: 'contacts/import', payload: csv('Email,Name\n"lee@peer.example,Lee\n'), expect: 'accepted' },
  {
    what: 'a formula as a name',
    role: 'options',
    type: 'contacts/import',
    payload: csv('Email,Name\nlee@peer.example,"=HYPERLINK(""http://x"")"\n'),
    expect: 'accepted',
  },
  {
    what: 'a column mapped to no known field',
    role: 'options',
    type: 'contacts/import',
    payload: { ...csv('Email\na@b.example\n'), mapping: ['password'] },
    expect: 'refused',
  },
  // Backups
  { what: 'a backup that is a string', role: 'options', type: 'backup/restore', payload: { backup: 'hello' }, expect: 'refused' },
  { what: 'an empty object as a backup', role: 'options', type: 'backup/restore', payload: { backup: {} }, expect: 'refused' },
  {
    what: 'an ask with an unknown status',
    role: 'options',
    type: 'backup/restore',
    payload: backup((b) => ((b.asks as Array<Record<string, unknown>>)[0]!.status = 'bogus')),
    expect: 'refused',
  },
  {
    what: 'reminders set to "no"',
    role: 'options',
    type: 'backup/restore',
    payload: backup((b) => (b.kv as unknown[]).push({ key: 'reminders', value: { weeklyQueue: 'no' } })),
    expect: 'refused',
  },
  {
    what: 'one bad never-ask entry',
    role: 'options',
    type: 'backup/restore',
    payload: backup((b) => (b.kv as unknown[]).push({ key: 'neverAsk', value: { emails: ['ceo@rival.example', 42], domains: [] } })),
    expect: 'refused',
  },
  {
    what: 'a data: thread URL',
    role: 'options',
    type: 'backup/restore',
    payload: backup((b) => ((b.asks as Array<Record<string, unknown>>)[0]!.threadUrl = 'data:text/html,<script>x</script>')),
    expect: 'refused',
  },
  {
    what: 'a 1 MB contact name',
    role: 'options',
    type: 'backup/restore',
    payload: backup((b) => ((b.contacts as Array<Record<string, unknown>>)[0]!.name = 'N'.repeat(1_000_000))),
    expect: 'refused',
  },
  {
    what: 'a template with {{toString}}',
    role: 'options',
    type: 'backup/restore',
    payload: backup((b) => ((b.templates as Array<Record<string, unknown>>)[0]!.ask = 'Hi {{toString}}')),
    expect: 'refused',
  },
  // Templates
  { what: '{{constructor}} in a template', role: 'options', type: 'template/save', payload: template({ ask: 'Hi {{constructor}}' }), expect: 'refused' },
  { what: 'an unclosed placeholder', role: 'options', type: 'template/save', payload: template({ ask: 'Hi {{firstName},' }), expect: 'refused' },
  { what: 'a {{#if}} condition', role: 'options', type: 'template/save', payload: template({ ask: '{{#if results}}Great{{/if}}' }), expect: 'refused' },
  { what: 'a javascript: link', role: 'options', type: 'template/save', payload: template({ intro: 'See [this](javascript:alert(1))' }), expect: 'refused' },
  // What the user types about a contact
  { what: 'NPS 11', role: 'sidebar', type: 'contact/edit', payload: { email: 'dana@acme.example', edit: { nps: 11 } }, expect: 'refused' },
  {
    what: 'a 73-character segment',
    role: 'sidebar',
    type: 'contact/edit',
    payload: { email: 'dana@acme.example', edit: { segment: 'S'.repeat(73) } },
    expect: 'refused',
  },
  {
    what: 'a 1 MB name',
    role: 'sidebar',
    type: 'contact/edit',
    payload: { email: 'dana@acme.example', edit: { name: 'N'.repeat(1_000_000) } },
    expect: 'refused',
  },
  {
    what: 'a time zone that does not exist',
    role: 'sidebar',
    type: 'contact/edit',
    payload: { email: 'dana@acme.example', edit: { timeZone: 'Mars/Olympus_Mons' } },
    expect: 'refused',
  },
  {
    what: '"yesterday" as a date',
    role: 'sidebar',
    type: 'contact/edit',
    payload: { email: 'dana@acme.example', edit: { customerSince: 'yesterday' } },
    expect: 'refused',
  },
  { what: 'an email that is not one', role: 'sidebar', type: 'contact/edit', payload: { email: 'not an email', edit: { nps: 5 } }, expect: 'refused' },
  // Settings
  {
    what: 'a window that closes before it opens',
    role: 'options',
    type: 'settings/save',
    payload: { windowOpensAfterMonths: 6, windowClosesAfterMonths: 3 },
    expect: 'refused',
  },
  { what: 'a negative cool-down', role: 'options', type: 'settings/save', payload: { askCooldownDays: -5 }, expect: 'refused' },
  // Asks
  { what: 'a status for an ask that does not exist', role: 'popup', type: 'ask/status', payload: { id: 'nope', status: 'sent' }, expect: 'refused' },
  { what: 'a malformed ask to restore', role: 'popup', type: 'ask/restore', payload: { ask: { id: 'x', email: 'x' } }, expect: 'refused' },
  { what: 'discarding an ask that does not exist', role: 'popup', type: 'ask/discard', payload: { id: 'nope' }, expect: 'refused' },
  // Sites
  { what: 'an http CRM site', role: 'options', type: 'custom-site/add', payload: { origin: 'http://crm.example.com' }, expect: 'refused' },
  { what: 'a javascript: CRM site', role: 'options', type: 'custom-site/add', payload: { origin: 'javascript:alert(1)' }, expect: 'refused' },
  // Pages and senders
  {
    what: 'a page read with a 4 MB message',
    role: 'content',
    type: 'page/context',
    payload: {
      host: 'gmail',
      hostLabel: 'Gmail',
      url: 'https://mail.google.com/mail/u/0/',
      composeCount: 0,
      missing: [],
      contact: { email: 'dana@acme.example' },
      thread: { messages: [{ from: 'dana@acme.example', text: 'x'.repeat(4_000_000) }] },
    },
    expect: 'refused',
  },
  {
    what: 'a page naming a contact whose address is not one',
    role: 'content',
    type: 'page/context',
    payload: {
      host: 'hubspot',
      hostLabel: 'HubSpot',
      url: 'https://app.hubspot.com/contacts/1/record/0-1/2',
      composeCount: 0,
      missing: [],
      contact: { email: 'evil<script>' },
    },
    expect: 'accepted',
    check: async (_, { call }) => expect((await call('tab/view', { tabId: TAB }, { role: 'popup' })).state).not.toBe('contact'),
  },
  {
    what: 'a content script editing a contact',
    role: 'content',
    type: 'contact/edit',
    payload: { email: 'dana@acme.example', edit: { nps: 0 } },
    expect: 'refused',
  },
  { what: 'the popup inserting without naming its tab', role: 'popup', type: 'ask/insert', payload: { email: 'dana@acme.example' }, expect: 'refused' },
];

describe('the hardening suite: bad inputs through the router', () => {
  it(`every one of ${BAD.length} bad inputs is handled cleanly and loses nothing`, async () => {
    // Refusals are logged by the router for the extension's own console; not this suite's output.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let clean = 0;
    let lost = 0;
    const failures: string[] = [];
    for (const bad of BAD) {
      const ctx = setup();
      await ctx.call('contact/edit', { email: 'dana@acme.example', edit: { nps: 9, segment: 'Enterprise', customerSince: '2026-07-01' } });
      await ctx.store.addAsk({
        id: 'a1',
        email: 'dana@acme.example',
        templateId: 'default-ask',
        status: 'sent',
        askedAt: '2026-11-01T10:00:00.000Z',
        history: [{ status: 'sent', at: '2026-11-01T10:00:00.000Z' }],
      });
      const before = JSON.stringify({ ...(await ctx.store.exportAll('x')), kv: undefined });
      const payload = typeof bad.payload === 'function' ? await (bad.payload as (c: typeof ctx) => Promise<unknown>)(ctx) : bad.payload;
      let reply: Reply<unknown>;
      try {
        reply = await ctx.send(bad.role, bad.type as never, payload);
      } catch (error) {
        failures.push(`${bad.what}: threw ${String(error)}`);
        continue;
      }
      const outcome: Expect = reply.ok ? 'accepted' : 'refused';
      const words = reply.ok ? '' : reply.error;
      const after = JSON.stringify({ ...(await ctx.store.exportAll('x')), kv: undefined });
      if (outcome === 'refused' && after !== before) lost++;
      let ok = outcome === bad.expect && !RAW.test(words) && (outcome === 'accepted' || words.length > 10);
      if (ok && bad.check) {
        try {
          await bad.check(reply, ctx);
        } catch (error) {
          ok = false;
          failures.push(`${bad.what}: ${String(error).slice(0, 200)}`);
        }
      } else if (!ok) failures.push(`${bad.what}: ${outcome} (${words.slice(0, 200)}), expected ${bad.expect}`);
      if (ok) clean++;
    }
    console.info(`hardening: ${BAD.length} bad inputs tried, ${clean} handled cleanly, ${lost} lost data`);
    expect(failures).toEqual([]);
    expect(clean).toBe(BAD.length);
    expect(lost).toBe(0);
  }, 60_000);
});
