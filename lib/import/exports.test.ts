/**
 * Issue 31: exports as the CRMs write them import as exported, every line accounted for, dates
 * only from evidence; odd files lose nothing. Each case here failed before that issue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from './csv';
import { recognizeHeaders } from './headers';
import { readField } from './cells';

const TODAY = '2026-12-07';
const fixture = (name: string) => readFileSync(path.join(__dirname, '../../tests/fixtures/exports', name), 'utf8');
/** Every line of the file: header, rows, lines inside quoted cells, blank lines, a report footer. */
const accounted = (out: ReturnType<typeof parseContactsCsv>) =>
  1 + out.total + out.lines.insideCells + out.lines.blank + (out.lines.footer ?? 0) === out.lines.physical &&
  out.rows.length + out.duplicates.length + out.rejected.length === out.total;

describe("Pipedrive's people export", () => {
  it('imports as exported: the Work address is the email whatever the column order, the others kept as other addresses', () => {
    const out = parseContactsCsv(fixture('pipedrive-people-2026.csv'), { today: TODAY });
    expect(out.mapping[out.headers.indexOf('Person - Email - Work')]).toBe('email');
    expect(out.mapping[out.headers.indexOf('Person - Email - Home')]).toBe('otherEmails');
    expect(out.mapping[out.headers.indexOf('Person - Email - Other')]).toBe('otherEmails');
    expect(out.mapping[out.headers.indexOf('Person - Name')]).toBe('name');
    expect(out.rows.map((r) => [r.email, r.otherEmails, r.name, r.company, r.facts.nps, r.facts.customerSince])).toEqual([
      ['astrid@lindqvistdesign.example', ['astrid.l@gmail.example'], 'Astrid Lindqvist', 'Lindqvist Design AB', 9, '2026-07-02'],
      ['rui@duartevinhos.example', ['rui.d@outlook.example'], 'Rui Duarte', 'Duarte Vinhos', 10, '2026-06-20'],
      // Mei has no Work address: her Home one is her email.
      ['mei.chen@gmail.example', undefined, 'Mei Chen', 'Chen Analytics', undefined, undefined],
    ]);
    expect(out.rejected).toEqual([]);
    expect(accounted(out)).toBe(true);
  });

  it('the Work column wins over Home and Other, in any order; a plain "Person - Email" is the email', () => {
    expect(recognizeHeaders(['Person - Email - Other', 'Person - Email - Home', 'Person - Email - Work'])).toEqual(['otherEmails', 'otherEmails', 'email']);
    expect(recognizeHeaders(['Person - Email - Home', 'Person - Email - Other'])).toEqual(['otherEmails', 'email']);
    expect(recognizeHeaders(['Person - Name', 'Person - Email'])).toEqual(['name', 'email']);
    expect(recognizeHeaders(['Person - Customer since', 'Person - Segment'])).toEqual(['customerSince', 'segment']);
  });
});

describe('a Salesforce report export', () => {
  it('its footer is recognised and skipped as one, its dates read as its own footer proves (US, month first)', () => {
    const out = parseContactsCsv(fixture('salesforce-report-us.csv'), { today: TODAY });
    expect(out.rejected).toEqual([]);
    expect(out.footer).toEqual({ line: 5, lines: 6, what: 'Salesforce report footer' });
    expect(out.rows.map((r) => [r.email, r.company, r.facts.customerSince, r.facts.csat])).toEqual([
      ['dana@acme-logistics.example', 'Acme Logistics', '2026-11-06', 90],
      ['ravi@brightpath.example', 'BrightPath', '2026-03-06', 100],
      ['tom@bakersons.example', 'Baker & Sons', '2026-08-01', 60],
    ]);
    expect(out.formats[5]!.description).toMatch(/month first\): the report footer says it was generated on 12\/6\/2026/);
    expect(accounted(out)).toBe(true);
  });

  it('a footer that does not settle the order (generated long ago) leaves the question to the user', () => {
    const out = parseContactsCsv(fixture('salesforce-report-us.csv'), { today: '2027-06-01' });
    expect(out.formats[5]).toMatchObject({ ask: ['11/06/2026', '03/06/2026'] });
    expect(out.footer?.lines).toBe(6);
  });
});

describe("HubSpot's contacts export", () => {
  it('imports with its additional addresses as other addresses, dates with times read as days', () => {
    const out = parseContactsCsv(fixture('hubspot-contacts-2026.csv'), { today: TODAY });
    expect(out.mapping).toEqual([null, 'firstName', 'lastName', 'email', 'otherEmails', 'company', 'lifecycleStage', 'customerSince', 'nps', null]);
    expect(out.rows.map((r) => [r.email, r.otherEmails, r.facts.customerSince, r.facts.lifecycleStage])).toEqual([
      ['helen@parkco.example', ['h.park@gmail.example', 'helen.park@parkco.example'], '2026-07-20', 'Customer'],
      ['lee@okafor.example', undefined, '2026-05-02', 'Customer'],
    ]);
    expect(accounted(out)).toBe(true);
  });
});

describe('bounds, one for every path (the store schema says the same)', () => {
  it('a 400-digit amount is a skipped cell with its line and column, never Infinity', () => {
    const out = parseContactsCsv(`Email,Spend 90d,Total Spend\na@x.example,${'9'.repeat(400)},1e400\nb@x.example,1200,5000`, { today: TODAY });
    expect(out.rows[0]!.facts).toEqual({});
    expect(out.skipped.map((c) => [c.line, c.column])).toEqual([
      [2, 'Spend 90d'],
      [2, 'Total Spend'],
    ]);
    expect(out.skipped[0]!.reason).toMatch(/is not an amount from 0 to 1,000,000,000,000/);
    expect(out.rows[1]!.facts).toEqual({ spend90d: 1200, spendTotal: 5000 });
  });

  it('CSAT 0.9 is neither a 1-5 score nor a percentage: skipped, saying what to write', () => {
    const out = parseContactsCsv('Email,CSAT\na@x.example,0.9\nb@x.example,4.5\nc@x.example,87%', { today: TODAY });
    expect(out.rows.map((r) => r.facts.csat)).toEqual([undefined, 90, 87]);
    expect(out.skipped[0]!.reason).toMatch(/if it means 90 %, write that/);
  });

  it('customer-since days that are not on the calendar or outside 1900-2199 are skipped', () => {
    for (const raw of ['2026-02-30', '1800-01-01', '02/30/2026']) expect(readField('customerSince', raw, TODAY)).toEqual({ problem: 'date' });
    expect(readField('customerSince', '2030-01-01', TODAY)).toEqual({ problem: 'future' });
  });
});

describe('broken quoting and line ends lose no row', () => {
  it('an unclosed quote rejects its own line, naming the lines it swallowed, and those still import', () => {
    const csv = 'Email,Name,NPS\na@x.example,Ann,9\nc@x.example,"Cy,8\nd@x.example,Di,10\ne@x.example,Ed,7\n';
    const out = parseContactsCsv(csv, { today: TODAY });
    expect(out.rows.map((r) => [r.line, r.email])).toEqual([
      [2, 'a@x.example'],
      [4, 'd@x.example'],
      [5, 'e@x.example'],
    ]);
    expect(out.rejected).toEqual([{ line: 3, reason: 'a quoted cell opened on this line is not closed: lines 4-5 after it were read on their own' }]);
    expect(accounted(out)).toBe(true);
  });

  it('mixed Windows, old Mac and Unix line ends: three rows, three contacts, and a note', () => {
    const out = parseContactsCsv('Email,NPS\r\na@x.example,9\rb@x.example,8\nc@x.example,7\r\n', { today: TODAY });
    expect(out.rows.map((r) => [r.line, r.email])).toEqual([
      [2, 'a@x.example'],
      [3, 'b@x.example'],
      [4, 'c@x.example'],
    ]);
    expect(out.rejected).toEqual([]);
    expect(out.notes?.[0]).toMatch(/mixes line ends/);
  });
});
