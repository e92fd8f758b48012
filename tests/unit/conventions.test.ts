/**
 * The project's own promises about where code lives, checked on every run:
 * the database only in the background, browser APIs out of lib/, React out of host pages,
 * and nothing that talks to the network.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS } from '../../lib/keys';

const ROOT = path.resolve(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [rel] : [];
  });
}
const code = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
/** The code without its comments (a comment may name what the code must not do). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const all = [...sources('lib'), ...sources('entrypoints'), ...sources('components')];

describe('conventions', () => {
  it('only the background (and lib/db itself) imports the database', () => {
    const importers = all.filter((f) => /from '(@\/lib\/db|\.\.?\/db|\.\.\/\.\.\/lib\/db)[/']/.test(code(f)));
    for (const f of importers) expect(f, f).toMatch(/^(entrypoints\/background\/|lib\/db\/)/);
    expect(importers.length).toBeGreaterThan(0);
  });

  it("nothing outside lib/db touches the database: no Dexie, no tables, only the store's methods", () => {
    const outside = all.filter((f) => !f.startsWith('lib/db/'));
    const offenders = outside.filter((f) => /from 'dexie'|\bstore\.db\b|\.db\.(contacts|asks|kv|templates)\b|this\.store\.db\b/.test(code(f)));
    expect(offenders).toEqual([]);
  });

  it('one database door, announcing: every Store method that writes announces what changed', () => {
    const store = code('lib/db/store.ts');
    const writes = [...store.matchAll(/^  (?:async )?(\w+)\([^)]*\)[^{]*\{\n([\s\S]*?)\n  \}\n/gm)].filter(([, , body]) =>
      /this\.db\.\w+\.(put|add|bulkPut|bulkAdd|delete|clear)\(/.test(body!),
    );
    expect(writes.length).toBeGreaterThan(8);
    for (const [, name, body] of writes) {
      // The kv write (its callers announce where a view depends on the value), and the saved views themselves.
      if (['putValue', 'saveView', 'dropView'].includes(name!)) continue;
      expect(body, name).toMatch(/announce|Changed/);
    }
  });

  it('lib/ uses no browser extension API, except the typed messaging client', () => {
    const offenders = sources('lib').filter((f) => /from 'wxt\/browser'|\bchrome\.\w+\.|\bbrowser\.(runtime|tabs|storage)\b/.test(code(f)));
    expect(offenders).toEqual(['lib/messaging/client.ts', 'lib/messaging/send.ts', 'lib/prefs.ts']);
  });

  it('a preference is one key: browser storage only through lib/prefs.ts, database values only through lib/keys.ts', () => {
    // Typed items with a default and a watch; no raw storage.local (or its change events) elsewhere.
    const raw = all.filter((f) => /storage\.(local|onChanged)\b/.test(withoutComments(code(f))));
    // But the popup's first script, which reads its one derived key before any library loads (issue 35), and nothing else.
    expect(raw.sort()).toEqual(['entrypoints/first-screen.ts', 'lib/prefs.ts']);
    expect(withoutComments(code('entrypoints/first-screen.ts')).match(/\.(get|set|remove|clear)\([^)]*\)/g)).toEqual(['.get(FIRST_SCREEN_KEY)']);
    // The kv store is read and written in one place, by declared key; no untyped read survives.
    expect(all.filter((f) => /\.kv\.(get|put|toArray|bulkAdd|clear)\(/.test(code(f)))).toEqual(['lib/db/store.ts']);
    expect(all.filter((f) => /getValue\s*[<(]/.test(code(f)))).toEqual([]);
    const store = code('lib/db/store.ts');
    expect(store.match(/\.kv\.put\(/g)).toHaveLength(1);
    // Every declared key has a default that its own schema accepts.
    for (const [name, row] of Object.entries(KEYS)) expect(row.schema.safeParse(row.read(undefined)).success, name).toBe(true);
  });

  it('no React in anything that runs in a host page', () => {
    const hostSide = [...sources('entrypoints/host.content'), ...sources('entrypoints/mail.content'), ...sources('lib/hosts'), 'entrypoints/picker.ts'];
    for (const f of hostSide) expect(code(f), f).not.toMatch(/from 'react(-dom)?/);
  });

  it('messages go through the typed client: no raw sendMessage or onMessage outside lib/messaging, the router and the content-script listener', () => {
    const raw = all.filter((f) => /\b(runtime|tabs)\.(sendMessage|onMessage)\b/.test(code(f)));
    expect(raw.sort()).toEqual(['entrypoints/background/router.ts', 'entrypoints/host.content/run.ts', 'lib/messaging/client.ts', 'lib/messaging/send.ts']);
  });

  it("one place alone talks to the network: the connected CRM's outbox, in the background (issue 34)", () => {
    const talking = all.filter((f) => /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\(/.test(code(f)));
    // And the worker reading a file the options page holds, by this extension's own blob: URL only.
    expect(talking).toEqual(['entrypoints/background/crm-outbox.ts', 'entrypoints/background/read-file.ts']);
    const reader = code('entrypoints/background/read-file.ts');
    expect(reader.match(/\bfetch\s*\(/g)).toHaveLength(1);
    expect(reader.indexOf('if (!url.startsWith(`blob:${globalThis.location?.origin}/`)) throw')).toBeLessThan(reader.indexOf('fetch('));
  });

  it("nothing loads franc-min's entry point: it builds tables for 82 languages at each worker start (issue 35)", () => {
    // lib/engine/languages.ts ranks our four from franc's models; its unit test holds it equal to francAll.
    const offenders = all.filter((f) => /from 'franc-min'/.test(code(f)));
    expect(offenders).toEqual([]);
    expect(all.filter((f) => /from 'franc-min\/data\.js'/.test(code(f)))).toEqual(['lib/engine/languages.ts']);
  });

  it('a verdict is one row: no view or action names verdict kinds to decide what to do', () => {
    // Kinds may be named where they are made (the engine), recorded (the verdict log) or shown as words;
    // what an action does with a verdict comes from the table (lib/engine/verdicts.ts: adviceFor, VERDICTS).
    const deciders = all.filter(
      (f) =>
        !/^lib\/engine\//.test(f) &&
        /\.(has|includes)\(\w*\.?verdict\.kind\)|kind === '(ask-now|past-window|fix-first|too-early|asked-recently|never-ask|snoozed|needs-info)' &&|ASK_ADVISED|ADVISED_AGAINST/.test(
          code(f),
        ),
    );
    expect(deciders).toEqual([]);
  });

  it('lib/ root holds only what every folder shares, each for a reason; the rest lives in its folder', () => {
    const REASONS: Record<string, string> = {
      'facts.ts': 'the table of contact facts everything derives from',
      'model.ts': 'the stored records, checked wherever they are written',
      'contacts.ts': 'folding facts into a contact, from any source',
      'views.ts': 'what the sidebar and popup show for a tab',
      'backup.ts': 'everything at once, checked whole',
      'never-ask.ts': 'the never-ask list (engine, queue and views)',
      'ask-status.ts': 'the statuses of an ask, plain data for every context',
      'limits.ts': 'text limits, plain data for every context',
      'day.ts': 'the one way to write "today"',
      'time-zone.ts': 'IANA zone checks for import, inputs and the engine',
      'case.ts': 'one contact judged once: the sidebar, Insert, Compose in Gmail and the queue (issue 29)',
      'keys.ts': 'every value the database keeps besides its tables, declared once (issue 29)',
      'prefs.ts': 'every preference kept in browser storage, declared once, plain for the content scripts (issue 29)',
      'identity.ts': 'who a page is about, decided in one place for every host and context (issue 30)',
      'sidebar-place.ts': 'where the sidebar shows, plain data for every context (content scripts included)',
    };
    const root = readdirSync(path.join(ROOT, 'lib')).filter((n) => /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n));
    expect(root.sort()).toEqual(Object.keys(REASONS).sort());
  });

  it('every entrypoint folder holds its helpers, none are loose in entrypoints/', () => {
    const loose = readdirSync(path.join(ROOT, 'entrypoints')).filter((n) => !statSync(path.join(ROOT, 'entrypoints', n)).isDirectory());
    // Single-file scripts WXT builds whole: the field picker injected on demand, the popup's first screen (issue 35).
    expect(loose).toEqual(['first-screen.ts', 'picker.ts']);
  });
});
