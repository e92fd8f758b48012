/**
 * Issue 31, "bounds everywhere, by one schema": whatever a CSV import accepts, a backup holds and a
 * restore into a fresh profile gives back the same. Random files of good and bad cells (huge
 * amounts, impossible days, CSAT fractions, ambiguous dates, formulas, quotes) through the real
 * reader and store.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from '../import/csv';
import { Backup } from '../backup';
import { openDb } from './index';
import { Store } from './store';

let n = 0;
const fresh = () => new Store(openDb(`round-trip-${Date.now()}-${n++}`));
const TODAY = '2026-12-07';
const NOW = '2026-12-07T10:00:00.000Z';

const cell = fc.oneof(
  fc.constantFrom('', '9', '10', '11', '0.9', '4.5', '87%', '1.234,50', '1e400', '9'.repeat(400), '-3'),
  fc.constantFrom('2026-02-30', '1800-01-01', '2030-01-01', '05/06/2026', '25/03/2026', '03/25/2026', '31/31/2026', '2026-07-15', '16.07.2026'),
  fc.constantFrom('Europe/Paris', 'Mars/Base', 'Enterprise', '=HYPERLINK("x")', 'Acme, "Inc."', 'line\nbreak'),
  fc.string({ maxLength: 12 }),
);
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('import, then backup, then restore into a fresh profile', () => {
  it('gives the same contacts, and the backup always passes its own check', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(30), fc.array(cell, { minLength: 7, maxLength: 7 })), { minLength: 1, maxLength: 25 }), async (rows) => {
        const header = 'Email,Name,NPS,CSAT,Spend 90d,Total Spend,Customer Since,Time Zone';
        const lines = rows.map(([who, cells]) => [`p${who}@x.example`, ...cells].map(quote).join(','));
        const parsed = parseContactsCsv([header, ...lines].join('\n'), { today: TODAY });
        const store = fresh();
        await store.importContacts(parsed.rows, { kind: 'import', label: 'random.csv', observedAt: NOW }, NOW);
        const backup = JSON.parse(JSON.stringify(await store.exportAll(NOW)));
        const checked = Backup.safeParse(backup);
        expect(checked.success ? 'ok' : checked.error.issues[0]).toBe('ok');
        const restored = fresh();
        await restored.restoreAll(checked.data!);
        const byEmail = (list: Array<{ email: string }>) => [...list].sort((a, b) => a.email.localeCompare(b.email));
        expect(byEmail(await restored.allContacts())).toEqual(byEmail(await store.allContacts()));
        store.db.close();
        restored.db.close();
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
  });
});
