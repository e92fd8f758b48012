// @vitest-environment happy-dom
/**
 * Every message a user can meet, walked (issue 33 item 8): each request refused by its schema,
 * through the router as the pages meet it; every error the code throws; every line an import
 * reports; every reason a page gives for what it could not read; every refused backup. Each must
 * be plain words: no code name, no schema phrasing, no "undefined", no doubled words, no "1 lines".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { payloadSchema, requests, type RequestType } from '@/lib/messaging/protocol';
import { NOW, setup } from '@/entrypoints/background/handlers/testing';
import { parseContactsCsv } from '@/lib/import/csv';
import { readPage } from './load-fixture';
import { adapterFor } from '@/lib/hosts';

/** What a developer wrote for a developer, never for the user. */
const JARGON: Array<[RegExp, string]> = [
  [/\b(undefined|null|NaN|true|false)\b|\[object /, 'a value printed as code'],
  [/\bInvalid (input|option|type|string|email)|expected (one of|a |string|number)|received /i, "the schema's own words"],
  [/\b[a-z]+[A-Z][A-Za-z]*\b/, 'a camelCase name'],
  [/\b[a-z]+_[a-z_]+\b/, 'a snake_case name'],
  [/\b[a-z]+\.\d+\.[a-z]+/i, 'a path like asks.0.status'],
  [/\b(\w{2,}(?:\s+\w+)?)\W{0,2}\s+\1\b/i, 'a doubled word'],
  [/(^|[^\d,.])1 (lines|rows|contacts|asks|messages|days|cells|columns|emails)\b/, 'a plural after 1'],
  [/\{\{|\}\}|\$\{/, 'a template placeholder'],
  [/^(Error|TypeError|ZodError)\b/, 'an exception name'],
  [/^\s|\s$|\s{2,}/, 'stray spaces'],
];

/** Code names a message may say on purpose: file names the user sees, and this product's words. */
const ALLOWED = /\b(HubSpot|LinkedIn|JavaScript|mailto|iPhone|macOS|webextension)\b|\bhttps?:\/\/\S+|\b[\w-]+\.(csv|json|html)\b|\bdata-[\w-]+/g;

function problemsOf(message: string): string[] {
  const text = message.replace(ALLOWED, 'X');
  return JARGON.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

function expectPlain(message: string, where: string) {
  expect(problemsOf(message), `${where}: ${message}`).toEqual([]);
}

/** A value of the wrong kind for a schema: text where a number goes, a number where text goes. */
function wrongFor(schema: z.ZodType): unknown {
  const type = (schema as unknown as { def?: { type?: string; innerType?: z.ZodType; getter?: () => z.ZodType } }).def;
  if (type?.type === 'lazy') return wrongFor(type.getter!());
  if (type?.type === 'optional' || type?.type === 'nullable' || type?.type === 'default') return wrongFor(type.innerType!);
  if (type?.type === 'string') return 12345;
  if (type?.type === 'array') return 'not a list';
  if (type?.type === 'object') return 'not a record';
  return 'not this';
}

describe('every message a user can meet is in plain words (issue 33)', () => {
  it('the JARGON check itself finds what was seen before the fixes', () => {
    expect(problemsOf('asks.0.status: Invalid option: expected one of "drafted"|"sent"')).not.toEqual([]);
    expect(problemsOf('Not saved: Not saved: the NPS must be a number')).toContain('a doubled word');
    expect(problemsOf("The file's 1 lines")).toContain('a plural after 1');
    expect(problemsOf('customerSince is undefined')).not.toEqual([]);
    expect(problemsOf('The file has 1 row; 24,001 lines were read.')).toEqual([]);
  });

  it('each request refused by its schema, field by field, as the router says it', async () => {
    const { send } = setup();
    let walked = 0;
    for (const type of Object.keys(requests) as RequestType[]) {
      const spec = requests[type] as { from: readonly string[] };
      type Fields = z.ZodType & { shape?: Record<string, z.ZodType> };
      const declared: z.ZodType = payloadSchema(type);
      // A schema built on first use (z.lazy): its fields are the built one's.
      const schema = (declared instanceof z.ZodLazy ? declared.unwrap() : declared) as Fields;
      // A content script's report refused is not shown as such: the sidebar says the page could not be read.
      const role = spec.from.find((r) => r !== 'content') as 'sidebar' | undefined;
      if (!role) continue;
      const payloads: unknown[] = ['not a request'];
      for (const [key, field] of Object.entries(schema.shape ?? {})) payloads.push({ [key]: wrongFor(field) });
      for (const payload of payloads) {
        const reply = await send(role, type, payload);
        if (reply.ok) continue;
        walked++;
        expectPlain(reply.error, `${type} ${JSON.stringify(payload)}`);
      }
    }
    expect(walked).toBeGreaterThan(60);
  });

  it('every error the code throws, as written', () => {
    const roots = ['lib', 'entrypoints', 'components'];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$|testing\.ts$/.test(name)) files.push(full);
      }
    };
    roots.forEach(walk);
    let found = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/new Error\(\s*(['`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
        found++;
        // A value put in is read as a word; what stays is what the user reads around it.
        const message = m[2]!.replace(/\$\{[^}]*\}/g, 'X').replace(/\\'/g, "'");
        expectPlain(message, path.relative('.', file));
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it('every line an import reports: refused rows, skipped cells, merged duplicates, notes and footer', () => {
    const csv = [
      'Email,Name,NPS,CSAT,Customer since,Open tickets,Spend (90 days),Time zone,Segment',
      'dana@acme.example,Dana,11,0.9,2026-02-30,-1,"1e400",Mars/Olympus,Enterprise',
      'not-an-email,Lee,9,80,2026-01-10,0,100,Europe/Paris,SMB',
      'sam@beta.example,=HYPERLINK("x"),9,80,2099-01-10,two,100,Europe/Paris,SMB',
      'dana@acme.example,Dana,3,,,,,,',
      'sam@beta.example,Sam,x,,05/06/2026,,,,',
      '"unclosed@quote.example,Quote,9',
    ].join('\r\n');
    const parsed = parseContactsCsv(csv, { today: '2026-11-25' });
    const lines = [
      ...parsed.rejected.map((r) => r.reason),
      ...parsed.flagged.map((r) => r.reason),
      ...parsed.skipped.map((s) => `${s.column}: ${s.reason}`),
      ...parsed.duplicates.flatMap((d) => d.changes),
      ...(parsed.notes ?? []),
    ];
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) expectPlain(line, 'import');
    const refused = parseContactsCsv('Name,Company\nDana,Acme\n', { today: '2026-11-25' }).refused;
    expect(refused).toBeTruthy();
    expectPlain(refused!, 'import refused');
  });

  it('every reason a host page gives for what it could not read', () => {
    const urls = [
      'https://mail.google.com/mail/u/0/#inbox/abc',
      'https://outlook.office.com/mail/inbox/id/x',
      'https://outlook.cloud.microsoft/mail/inbox/id/x',
      'https://app.hubspot.com/contacts/1/record/0-1/2',
      'https://app.hubspot.com/contacts/1/record/0-3/2',
      'https://acme.lightning.force.com/lightning/r/Contact/003/view',
      'https://acme.pipedrive.com/person/1',
      'https://acme.pipedrive.com/deal/1',
    ];
    document.body.innerHTML = '<main><h1>Nothing here</h1><p>Customer since: 08/04/2026</p></main>';
    let said = 0;
    for (const url of urls) {
      const adapter = adapterFor(url);
      if (!adapter) continue;
      for (const missing of readPage(adapter, document, url).missing) {
        said++;
        expectPlain(missing, url);
      }
    }
    expect(said).toBeGreaterThanOrEqual(urls.length);
  });

  it('every refused backup says which record and field, in words', async () => {
    const { store, send } = setup();
    await store.updateContact('dana@acme.example', (c) => ({ ...c, name: 'Dana' }), NOW.toISOString());
    const valid = JSON.parse(JSON.stringify(await store.exportAll(NOW.toISOString()))) as Record<string, unknown[]>;
    const broken = (change: (b: Record<string, any>) => void) => {
      const copy = JSON.parse(JSON.stringify(valid));
      change(copy);
      return copy;
    };
    const files = [
      broken((b) => b.contacts.push({ ...b.contacts[0], email: 'not-an-email' })),
      broken((b) => (b.contacts[0].facts = { nps: { value: { score: 42 }, source: { kind: 'manual', observedAt: NOW.toISOString() } } })),
      broken((b) => b.asks.push({ id: 'a', email: 'dana@acme.example', templateId: 'x', status: 'maybe', askedAt: NOW.toISOString(), history: [] })),
      broken((b) => (b.templates[0].ask = 7)),
      broken((b) => delete b.contacts),
      broken((b) => b.kv.push({ key: 'neverAsk', value: { emails: ['not an address'], domains: [] } })),
      broken((b) => b.kv.push({ key: 'crmLogging', value: { hubspot: 'nope' } })),
      'not a backup',
    ];
    for (const [i, backup] of files.entries()) {
      const reply = await send('options', 'backup/check', { backup });
      expect(reply.ok, `file ${i}`).toBe(false);
      if (!reply.ok) expectPlain(reply.error, 'backup');
    }
  });
});
