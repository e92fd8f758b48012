import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from './csv';
import { contactsToCsv } from './export';
import { recognizeHeaders } from './headers';
import { mergeImported } from './merge';
import { parseImportDate, parseImportNumber } from './values';
import type { Contact } from '../model';

const TODAY = '2026-11-22';

describe('headers', () => {
  it('recognises HubSpot, Salesforce, Pipedrive and generic names, case-insensitively', () => {
    expect(
      recognizeHeaders(['Record ID', 'First Name', 'Last Name', 'Email', 'Associated Company', 'Became a Customer Date', 'NPS Score', 'Time Zone']),
    ).toEqual([null, 'firstName', 'lastName', 'email', 'company', 'customerSince', 'nps', 'timeZone']);
    expect(recognizeHeaders(['FirstName', 'LastName', 'Email', 'Account Name', 'Close Date', 'CSAT', 'Open Tickets'])).toEqual([
      'firstName', 'lastName', 'email', 'company', 'customerSince', 'csat', 'openTickets',
    ]);
    expect(recognizeHeaders(['Full Name', 'EMAIL ADDRESS', 'organization', 'first_purchase_date', 'Total Spend', 'segment', 'Customer Since'])).toEqual([
      'name', 'email', 'company', 'customerSince', 'spend90d', 'segment', null,
    ]);
    expect(recognizeHeaders(['Name', 'Company Name', 'Spend 90d', 'nps'])).toEqual(['name', 'company', 'spend90d', 'nps']);
  });
});

describe('values', () => {
  it.each([
    ['2026-05-14', '2026-05-14'],
    ['2026-05-14 10:22', '2026-05-14'],
    ['2026-05-14T10:22:00Z', '2026-05-14'],
    ['05/14/2026', '2026-05-14'],
    ['5/4/26', '2026-05-04'],
    ['14 May 2026', '2026-05-14'],
    ['May 14, 2026', '2026-05-14'],
    ['02/30/2026', undefined],
    ['14/05/2026', undefined],
    ['soon', undefined],
  ])('date %s -> %s', (raw, expected) => expect(parseImportDate(raw)).toBe(expected));

  it('numbers with currency, thousands and percent signs', () => {
    expect(parseImportNumber('$1,250.50')).toBe(1250.5);
    expect(parseImportNumber('87%')).toBe(87);
    expect(parseImportNumber('12 abc')).toBeUndefined();
  });
});

describe('parsing an export', () => {
  const csv = [
    'First Name,Last Name,Email,Associated Company,Became a Customer Date,NPS Score,CSAT,Time Zone',
    'Dana,Whitfield,dana@acme.example,Acme,2026-07-15,9,4.5,America/Chicago',
    'Bad,Email,not-an-email,Acme,2026-07-15,9,,',
    '"Multi","Line ""quoted""",multi@acme.example,"Acme,\nInc.",07/01/2026,10,,',
    'Too,Few,few@acme.example',
    'Nps,Twelve,nps@acme.example,Acme,2026-07-15,12,,',
    'Future,Date,future@acme.example,Acme,2027-01-01,9,,',
    'Zone,Wrong,zone@acme.example,Acme,2026-07-15,9,,Mars/Base',
    '',
    'Late,Row,late@acme.example,Acme,14 May 2026,,,',
  ].join('\n');

  it('imports the good rows and reports each bad one with its line and reason', () => {
    const out = parseContactsCsv(csv, { today: TODAY });
    expect(out.total).toBe(8);
    expect(out.rows.map((r) => [r.line, r.email])).toEqual([
      [2, 'dana@acme.example'],
      [4, 'multi@acme.example'],
      [11, 'late@acme.example'],
    ]);
    expect(out.rows[0]).toMatchObject({ name: 'Dana Whitfield', company: 'Acme', facts: { customerSince: '2026-07-15', nps: 9, csat: 90, timeZone: 'America/Chicago' } });
    expect(out.rows[1]).toMatchObject({ name: 'Multi Line "quoted"', company: 'Acme,\nInc.', facts: { customerSince: '2026-07-01' } });
    expect(out.rejected).toEqual([
      { line: 3, reason: '"not-an-email" is not an email address' },
      { line: 6, reason: 'fewer cells than the header has' },
      { line: 7, reason: 'NPS "12" is not a whole number from 0 to 10' },
      { line: 8, reason: 'customer since 2027-01-01 is in the future' },
      { line: 9, reason: '"Mars/Base" is not a time zone (use e.g. Europe/Paris)' },
    ]);
  });

  it('a file without an email column is refused as a whole', () => {
    const out = parseContactsCsv('Name,Company\nDana,Acme', { today: TODAY });
    expect(out.rows).toEqual([]);
    expect(out.rejected[0]!.reason).toMatch(/no email column/);
  });

  it('semicolon and tab separated exports, from the header line', () => {
    expect(parseContactsCsv('Email;NPS\nana@x.example;9', { today: TODAY }).rows[0]).toMatchObject({ email: 'ana@x.example', facts: { nps: 9 } });
    expect(parseContactsCsv('Email\tNPS\nana@x.example\t9', { today: TODAY }).rows[0]).toMatchObject({ facts: { nps: 9 } });
  });

  it('a user mapping overrides recognition', () => {
    const out = parseContactsCsv('Contact,Since\ndana@acme.example,2026-07-15', { today: TODAY, mapping: ['email', 'customerSince'] });
    expect(out.rows[0]).toMatchObject({ email: 'dana@acme.example', facts: { customerSince: '2026-07-15' } });
  });

  it('fuzz: malformed CSV never throws and never yields a row without a valid email and valid facts', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', '""', '\n', ',', 'a@b.example', '12', '2026-13-40', '05/14/2026', '-1', 'NaN', 'Europe/Paris'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), fc.boolean(), (rows, quote) => {
        const body = rows.map((r) => r.map((c) => (quote ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
        const out = parseContactsCsv(`Email,NPS,Customer Since,CSAT,Time Zone\n${body}`, { today: TODAY });
        for (const row of out.rows) {
          expect(row.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
          if (row.facts.nps !== undefined) expect(Number.isInteger(row.facts.nps) && (row.facts.nps as number) <= 10).toBe(true);
          if (row.facts.customerSince !== undefined) expect(row.facts.customerSince as string <= TODAY).toBe(true);
        }
        expect(out.rows.length + out.rejected.length).toBe(out.total);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

describe('merging and exporting', () => {
  const older = { kind: 'import' as const, label: 'old.csv', observedAt: '2026-10-01T00:00:00.000Z' };
  const newer = { kind: 'manual' as const, label: 'you', observedAt: '2026-11-01T00:00:00.000Z' };
  it('an older file does not overwrite a newer fact, and fills what is missing', () => {
    const existing: Contact = { email: 'd@a.example', name: 'Dana', company: '', facts: { nps: { value: { score: 10 }, source: newer } }, neverAsk: false, updatedAt: newer.observedAt };
    const merged = mergeImported(existing, { line: 2, email: 'd@a.example', company: 'Acme', facts: { nps: 3, customerSince: '2026-07-01' } }, older, '2026-11-22T00:00:00.000Z');
    expect(merged.facts.nps?.value.score).toBe(10);
    expect(merged.facts.customerSince?.value).toBe('2026-07-01');
    expect(merged.company).toBe('Acme');
  });

  it('export -> import gives the same facts back', () => {
    const source = { kind: 'manual' as const, observedAt: '2026-11-01T00:00:00.000Z' };
    const contacts: Contact[] = [
      { email: 'd@a.example', name: 'Dana "D" Whitfield', company: 'Acme, Inc.', facts: { customerSince: { value: '2026-07-01', source }, nps: { value: { score: 9 }, source }, csat: { value: 88, source }, segment: { value: 'B2B', source } }, neverAsk: false, updatedAt: source.observedAt },
    ];
    const back = parseContactsCsv(contactsToCsv(contacts), { today: TODAY });
    expect(back.rejected).toEqual([]);
    expect(back.rows[0]).toMatchObject({ email: 'd@a.example', name: 'Dana "D" Whitfield', company: 'Acme, Inc.', facts: { customerSince: '2026-07-01', nps: 9, csat: 88, segment: 'B2B' } });
  });
});
