import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnFormats, parseContactsCsv, streamContactsCsv } from './csv';
import { contactsToCsv } from './contacts-csv';
import { recognizeHeaders } from './headers';
import { mergeImported } from './merge';
import { parseImportDate, parseImportNumber } from './cells';
import { chosenOrder } from './formats';
import type { Contact } from '../model';

const TODAY = '2026-11-22';

describe('headers', () => {
  it('recognises HubSpot, Salesforce, Pipedrive and generic names, case-insensitively', () => {
    expect(
      recognizeHeaders(['Record ID', 'First Name', 'Last Name', 'Email', 'Associated Company', 'Became a Customer Date', 'NPS Score', 'Time Zone']),
    ).toEqual([null, 'firstName', 'lastName', 'email', 'company', 'customerSince', 'nps', 'timeZone']);
    expect(recognizeHeaders(['FirstName', 'LastName', 'Email', 'Account Name', 'Close Date', 'CSAT', 'Open Tickets'])).toEqual([
      'firstName',
      'lastName',
      'email',
      'company',
      'customerSince',
      'csat',
      'openTickets',
    ]);
    expect(recognizeHeaders(['Full Name', 'EMAIL ADDRESS', 'organization', 'first_purchase_date', 'Total Spend', 'segment', 'Customer Since'])).toEqual([
      // A lifetime total is its own fact, never "spend, last 90 days".
      'name',
      'email',
      'company',
      'customerSince',
      'spendTotal',
      'segment',
      null,
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
    ['5/14/26', '2026-05-14'],
    ['14 May 2026', '2026-05-14'],
    ['May 14, 2026', '2026-05-14'],
    ['02/30/2026', undefined],
    // A first part over 12 can only be the day; dots are always day first.
    ['14/05/2026', '2026-05-14'],
    ['16.07.2026', '2026-07-16'],
    ['soon', undefined],
  ])('date %s -> %s', (raw, expected) => expect(parseImportDate(raw)).toBe(expected));

  it('a date in both orders follows its column, and is not read when nothing says which (issue 31)', () => {
    expect(parseImportDate('05/06/2026')).toBeUndefined();
    expect(parseImportDate('05/06/2026', 'mdy')).toBe('2026-05-06');
    expect(parseImportDate('05/06/2026', 'dmy')).toBe('2026-06-05');
    // A value that is a date in one order only is that date, whatever the column says.
    expect(parseImportDate('05/16/2026', 'dmy')).toBe('2026-05-16');
    // Real calendar days only, within the span a record keeps.
    expect(parseImportDate('2026-02-30')).toBeUndefined();
  });

  it('numbers with currency, thousands and percent signs; a decimal comma where the column uses one', () => {
    expect(parseImportNumber('1.234,50', ',')).toBe(1234.5);
    expect(parseImportNumber('€ 12,5', ',')).toBe(12.5);
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
    '"Multi","Line ""quoted""",multi@acme.example,"Acme,\nInc.",07/21/2026,10,,',
    'Too,Few,few@acme.example',
    'Nps,Twelve,nps@acme.example,Acme,2026-07-15,12,,',
    'Future,Date,future@acme.example,Acme,2027-01-01,9,,',
    'Zone,Wrong,zone@acme.example,Acme,2026-07-15,9,,Mars/Base',
    '',
    'Late,Row,late@acme.example,Acme,14 May 2026,,,',
  ].join('\n');

  it('imports the good rows, skips bad cells (not rows) and reports each with its line and reason', () => {
    const out = parseContactsCsv(csv, { today: TODAY });
    expect(out.total).toBe(8);
    expect(out.rows.map((r) => [r.line, r.email])).toEqual([
      [2, 'dana@acme.example'],
      [4, 'multi@acme.example'],
      [7, 'nps@acme.example'],
      [8, 'future@acme.example'],
      [9, 'zone@acme.example'],
      [11, 'late@acme.example'],
    ]);
    expect(out.rows[2]!.facts).toEqual({ customerSince: '2026-07-15' });
    expect(out.rows[0]).toMatchObject({
      name: 'Dana Whitfield',
      company: 'Acme',
      facts: { customerSince: '2026-07-15', nps: 9, csat: 90, timeZone: 'America/Chicago' },
    });
    expect(out.rows[1]).toMatchObject({ name: 'Multi Line "quoted"', company: 'Acme,\nInc.', facts: { customerSince: '2026-07-21' } });
    expect(out.rejected).toEqual([
      { line: 3, reason: '"not-an-email" is not an email address' },
      { line: 6, reason: 'fewer cells than the header has' },
    ]);
    // Every line of the file: 1 header + 8 rows + 1 line inside a quoted cell + 1 blank = 11.
    expect(out.lines).toEqual({ physical: 11, blank: 1, insideCells: 1 });
    expect(1 + out.total + out.lines.insideCells + out.lines.blank).toBe(out.lines.physical);
    expect(out.skipped).toEqual([
      { line: 7, column: 'NPS Score', reason: '"12" is not a whole number from 0 to 10: cell skipped' },
      { line: 8, column: 'Became a Customer Date', reason: '2027-01-01 is in the future: cell skipped' },
      { line: 9, column: 'Time Zone', reason: '"Mars/Base" is not a time zone (use e.g. Europe/Paris): cell skipped' },
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
          if (row.facts.customerSince !== undefined) expect((row.facts.customerSince as string) <= TODAY).toBe(true);
        }
        // Every data row is accounted for: imported once per email, merged as a duplicate, or rejected.
        expect(out.rows.length + out.duplicates.length + out.rejected.length).toBe(out.total);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

describe('a file read in pauses (issue 16: an import waits while its writes are behind)', () => {
  const files = {
    'quoted line breaks, a short row, a blank line': [
      'First Name,Last Name,Email,Associated Company,Became a Customer Date,NPS Score',
      'Dana,Whitfield,dana@acme.example,Acme,2026-07-15,9',
      '"Multi","Line ""quoted""",multi@acme.example,"Acme,\nInc.",07/01/2026,10',
      'Too,Few,few@acme.example',
      '',
      'Bad,Email,not-an-email,Acme,2026-07-15,9',
      'Dup,Later,DANA@acme.example,,,3',
      'Late,Row,late@acme.example,Acme,14 May 2026,',
    ].join('\n'),
    'Windows line ends and an unclosed quote':
      'Email,Name,NPS\r\na@x.example,Ann,9\r\n\r\nb@x.example,"Bo\r\nBrown",7\r\nc@x.example,"Cy,8\r\nd@x.example,Di,10\r\n',
    'old Mac line ends': 'Email,NPS\ra@x.example,9\rbad,9\rc@x.example,10',
    // Issue 31: what an odd file is read as does not depend on pausing.
    'an unclosed quote whose swallowed lines are read on their own': 'Email,Name\na@x.example,Ann\nb@x.example,"Bo\nc@x.example,Cy\nA@x.example,Again\n',
    'a Salesforce report footer': readFileSync(path.join(__dirname, '../../tests/fixtures/exports/salesforce-report-us.csv'), 'utf8'),
    'mixed line ends': 'Email,NPS\r\na@x.example,9\rb@x.example,8\nc@x.example,7\r\n',
  };

  it.each(Object.entries(files))('%s: the same rows, lines, merges and report as read at once, pausing after every row', async (_, csv) => {
    const once = parseContactsCsv(csv, { today: TODAY });
    const handed: number[] = [];
    const paused = await streamContactsCsv(csv, {
      today: TODAY,
      onRow: (row) => {
        handed.push(row.line);
        return Promise.resolve();
      },
    });
    // Every row handed over once, as read; kept only where a later duplicate merged into it.
    expect(handed).toEqual(once.rows.map((r) => r.line));
    const merged = new Set(once.duplicates.map((d) => d.email));
    expect(paused).toEqual({ ...once, rows: once.rows.filter((r) => merged.has(r.email)) });
  });

  it('a failure after a pause ends the reading with that error, instead of leaving it waiting', async () => {
    const reading = streamContactsCsv('Email\na@x.example\nb@x.example\nc@x.example', {
      today: TODAY,
      onRow: (row) => {
        if (row.email === 'b@x.example') throw new Error('the write was refused');
        return Promise.resolve();
      },
    });
    await expect(reading).rejects.toThrow('the write was refused');
  });

  it('reading stops while what a row answered is pending, and goes on once it settles', async () => {
    let release!: () => void;
    const handed: string[] = [];
    const reading = streamContactsCsv('Email\na@x.example\nb@x.example\nc@x.example', {
      today: TODAY,
      onRow: (row) => {
        handed.push(row.email);
        if (row.email === 'a@x.example') return new Promise<void>((resolve) => (release = resolve));
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(handed).toEqual(['a@x.example']);
    release();
    expect((await reading).total).toBe(3);
    expect(handed).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
  });
});

describe('records that account for everything (issue 17)', () => {
  it('duplicate emails in one file are merged into the first row: later filled cells update, empty cells never erase; reported with lines', () => {
    const out = parseContactsCsv(
      ['Email,Name,NPS,Time Zone,Spend 90d', 'amara@okafor.example,Amara Okafor,9,Africa/Lagos,800', 'bo@x.example,Bo,7,,', 'AMARA@okafor.example,,3,,'].join(
        '\n',
      ),
      { today: TODAY },
    );
    expect(out.total).toBe(3);
    expect(out.rows).toHaveLength(2);
    expect(out.rows[0]).toMatchObject({ email: 'amara@okafor.example', name: 'Amara Okafor', facts: { nps: 3, timeZone: 'Africa/Lagos', spend90d: 800 } });
    expect(out.duplicates).toEqual([{ line: 4, email: 'amara@okafor.example', firstLine: 2, changes: ['NPS 9 → 3'] }]);
  });

  it('one bad optional cell skips the cell, not the contact', () => {
    const out = parseContactsCsv('Email,NPS,Time Zone,Customer Since\nana@x.example,n/a,Mars/Olympus_Mons,2026-07-01', { today: TODAY });
    expect(out.rows[0]).toMatchObject({ email: 'ana@x.example', facts: { customerSince: '2026-07-01' } });
    expect(out.skipped.map((c) => [c.line, c.column])).toEqual([
      [2, 'NPS'],
      [2, 'Time Zone'],
    ]);
  });

  it('a decimal comma and day-first dates are learned from the whole column, and said', () => {
    const out = parseContactsCsv('Email;Spend 90d;Customer Since\na@x.example;1.234,50;16.07.2026\nb@x.example;99,90;05.06.2026', { today: TODAY });
    expect(out.rows.map((r) => [r.facts.spend90d, r.facts.customerSince])).toEqual([
      [1234.5, '2026-07-16'],
      [99.9, '2026-06-05'],
    ]);
    expect(out.formats[1]!.description).toMatch(/decimal comma/);
    expect(out.formats[2]!.description).toMatch(/DD\.MM\.YYYY/);
  });

  it('a date column where no value says day or month first is not guessed: the preview asks, its cells wait (issue 31)', () => {
    const out = parseContactsCsv('Email,Close Date\na@x.example,05/06/2026\nb@x.example,04/03/2026', { today: TODAY });
    expect(out.formats[1]).toMatchObject({ ask: ['05/06/2026', '04/03/2026'] });
    expect(out.formats[1]!.dates).toBeUndefined();
    expect(out.rows.map((r) => r.facts.customerSince)).toEqual([undefined, undefined]);
    expect(out.skipped.map((c) => [c.line, c.reason])).toEqual([
      [2, expect.stringContaining('"05/06/2026" can be day first or month first')],
      [3, expect.stringContaining('"04/03/2026" can be day first or month first')],
    ]);
    const dayFirst = parseContactsCsv('Email,Close Date\na@x.example,05/06/2026\nb@x.example,25/03/2026', { today: TODAY });
    expect(dayFirst.rows[0]!.facts.customerSince).toBe('2026-06-05');
    expect(dayFirst.formats[1]!.description).toMatch(/"25\/03\/2026" can only be day first/);
  });

  it('issue 31, seen: a value that is a date in neither order decides nothing; a US column stays month first', () => {
    // A US Close Date column, plus a row rejected for its email whose date is 31/31/2026.
    const file = ['Email,Close Date', 'one@x.example,11/06/2026', 'nine@x.example,03/06/2026', 'not-an-email,31/31/2026', 'us@x.example,10/28/2026'].join('\n');
    const out = parseContactsCsv(file, { today: TODAY });
    expect(out.formats[1]).toMatchObject({ dates: 'mdy' });
    expect(out.formats[1]!.warning).toBeUndefined();
    expect(out.rows.map((r) => r.facts.customerSince)).toEqual(['2026-11-06', '2026-03-06', '2026-10-28']);
    // Without the deciding row, the same file is asked about, never read day first.
    const asked = parseContactsCsv(file.replace('\nus@x.example,10/28/2026', ''), { today: TODAY });
    expect(asked.formats[1]).toMatchObject({ ask: ['11/06/2026', '03/06/2026'] });
    expect(asked.rows.map((r) => r.facts.customerSince)).toEqual([undefined, undefined]);
  });

  it('cells that can only be day first and others only month first: the order is asked, with one of each shown', () => {
    const out = parseContactsCsv('Email,Close Date\na@x.example,25/03/2026\nb@x.example,03/25/2026\nc@x.example,04/05/2026', { today: TODAY });
    expect(out.formats[1]).toMatchObject({ ask: ['25/03/2026', '03/25/2026'], warning: expect.stringContaining('only be day first') });
    expect(out.formats[1]!.dates).toBeUndefined();
    // A value that can be one date only is still that date.
    expect(out.rows.map((r) => r.facts.customerSince)).toEqual(['2026-03-25', '2026-03-25', undefined]);
  });

  it('a spreadsheet workbook renamed .csv is refused as not a CSV file', () => {
    const out = parseContactsCsv('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml', { today: TODAY });
    expect(out.refused).toMatch(/not a CSV file/);
    expect(out.rows).toEqual([]);
  });

  it('a formula-like name is imported as text, flagged, and never a greeting', () => {
    const out = parseContactsCsv('Email,Name\nx@y.example,"=HYPERLINK(""http://evil.example"",""Click"")"', { today: TODAY });
    expect(out.rows[0]!.name).toMatch(/^=HYPERLINK/);
    expect(out.flagged[0]).toMatchObject({ line: 2, reason: expect.stringContaining('formula') });
  });

  it('segments that differ only by case are one segment', () => {
    const out = parseContactsCsv('Email,Segment\na@x.example,Enterprise\nb@x.example,enterprise\nc@x.example,ENTERPRISE', { today: TODAY });
    expect(new Set(out.rows.map((r) => r.facts.segment))).toEqual(new Set(['Enterprise']));
  });

  it('a text longer than a contact keeps is skipped with the reason, never stored', () => {
    const out = parseContactsCsv(`Email,Segment\na@x.example,${'P'.repeat(73)}`, { today: TODAY });
    expect(out.rows[0]!.facts.segment).toBeUndefined();
    expect(out.skipped[0]!.reason).toMatch(/longer than 60 characters \(73\)/);
  });

  it('old Mac line ends (CR only) give the right line numbers', () => {
    const out = parseContactsCsv('Email,NPS\ra@x.example,9\rbad,9\rc@x.example,10', { today: TODAY });
    expect(out.rejected).toEqual([{ line: 3, reason: '"bad" is not an email address' }]);
  });
});

describe('the formats the preview showed (issue 16: the file read once)', () => {
  const csv = 'Email,Customer Since,Spend 90d\ndana@acme.example,05/06/2026,"1.234,50"\nkim@beta.example,04/03/2026,"99,00"\n';
  const today = '2026-11-25';

  it('are applied as previewed, not learned again from the file', () => {
    const mapping = recognizeHeaders(['Email', 'Customer Since', 'Spend 90d']);
    const learned = columnFormats(csv, mapping);
    expect(learned[1]?.ask).toEqual(['05/06/2026', '04/03/2026']);
    // The user answered the preview's question: month first.
    const previewed = { ...learned, 1: chosenOrder('mdy') };
    const same = parseContactsCsv(csv, { today, mapping, formats: previewed });
    expect(same.rows.map((r) => r.facts.customerSince)).toEqual(['2026-05-06', '2026-04-03']);
    expect(same.rows.map((r) => r.facts.spend90d)).toEqual([1234.5, 99]);
    // What the preview said is what is read, even where the file alone would say otherwise.
    const dayFirst = parseContactsCsv(csv, { today, mapping, formats: { ...previewed, 1: { dates: 'dmy', description: 'dates as DD/MM/YYYY (day first)' } } });
    expect(dayFirst.rows.map((r) => r.facts.customerSince)).toEqual(['2026-06-05', '2026-03-04']);
    expect(dayFirst.formats[1]?.dates).toBe('dmy');
  });

  it('without a mapping they are ignored: the columns are recognised and their formats learned from the file', () => {
    const parsed = parseContactsCsv(csv, { today, formats: { 1: { dates: 'dmy' } } });
    expect(parsed.formats[1]?.ask).toEqual(['05/06/2026', '04/03/2026']);
    expect(parsed.rows.map((r) => r.facts.customerSince)).toEqual([undefined, undefined]);
  });
});

describe('merging and exporting', () => {
  const older = { kind: 'import' as const, label: 'old.csv', observedAt: '2026-10-01T00:00:00.000Z' };
  const newer = { kind: 'manual' as const, label: 'you', observedAt: '2026-11-01T00:00:00.000Z' };
  it('an older file does not overwrite a newer fact, and fills what is missing', () => {
    const existing: Contact = {
      email: 'd@a.example',
      name: 'Dana',
      company: '',
      facts: { nps: { value: { score: 10 }, source: newer } },
      neverAsk: false,
      updatedAt: newer.observedAt,
    };
    const merged = mergeImported(
      existing,
      { line: 2, email: 'd@a.example', company: 'Acme', facts: { nps: 3, customerSince: '2026-07-01' } },
      older,
      '2026-11-22T00:00:00.000Z',
    );
    expect(merged.facts.nps?.value.score).toBe(10);
    expect(merged.facts.customerSince?.value).toBe('2026-07-01');
    expect(merged.company).toBe('Acme');
  });

  it('export -> import gives the same facts back', () => {
    const source = { kind: 'manual' as const, observedAt: '2026-11-01T00:00:00.000Z' };
    const contacts: Contact[] = [
      {
        email: 'd@a.example',
        name: 'Dana "D" Whitfield',
        company: 'Acme, Inc.',
        facts: {
          customerSince: { value: '2026-07-01', source },
          nps: { value: { score: 9 }, source },
          csat: { value: 88, source },
          segment: { value: 'B2B', source },
        },
        neverAsk: false,
        updatedAt: source.observedAt,
      },
    ];
    const back = parseContactsCsv(contactsToCsv(contacts), { today: TODAY });
    expect(back.rejected).toEqual([]);
    expect(back.rows[0]).toMatchObject({
      email: 'd@a.example',
      name: 'Dana "D" Whitfield',
      company: 'Acme, Inc.',
      facts: { customerSince: '2026-07-01', nps: 9, csat: 88, segment: 'B2B' },
    });
  });
});
