import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colleagueAsks, companyFromEmail, colleagueCandidates, describeSource } from './contacts';
import type { Ask } from './model';

describe('company from the email domain', () => {
  it.each([
    ['dana@acme-logistics.example', 'Acme Logistics'],
    ['x@mail.renard.co.uk', 'Renard'],
    ['x@gmail.com', ''],
    ['x@outlook.fr', ''],
  ])('%s -> "%s"', (email, company) => expect(companyFromEmail(email)).toBe(company));
});

describe('seeing a contact again on a page', () => {
  it('changes nothing stored within the same hour', async () => {
    const { applyPage, emptyContact } = await import('./contacts');
    const page = {
      host: 'gmail' as const,
      hostLabel: 'Gmail',
      url: 'https://mail.google.com/mail/u/0/',
      contact: { email: 'd@acme.example', name: 'Dana' },
      composeCount: 0,
      missing: [],
    };
    const first = applyPage(emptyContact('d@acme.example', '2026-11-22T10:00:00.000Z'), page, '2026-11-22T10:05:00.000Z');
    expect(applyPage(first, page, '2026-11-22T10:40:00.000Z')).toEqual(first);
    expect(applyPage(first, page, '2026-11-22T11:01:00.000Z').lastSeenAt).toBe('2026-11-22T11:01:00.000Z');
  });
});

describe('colleague asks found from the few who could be colleagues (issue 16)', () => {
  it("reading only the candidates' names finds the same colleague as reading everyone asked", () => {
    const domain = fc.constantFrom('acme.example', 'mail.acme.example', 'globex.example', 'gmail.com', 'outlook.com');
    const company = fc.constantFrom('', 'Acme', 'acme ', 'Globex');
    const person = fc.record({ user: fc.constantFrom('dana', 'li', 'sam', 'kim'), domain, company });
    const email = (p: { user: string; domain: string }) => `${p.user}@${p.domain}`;
    fc.assert(
      fc.property(
        person,
        fc.array(fc.tuple(person, fc.integer({ min: 1, max: 28 }), fc.constantFrom('sent', 'drafted', 'accepted') as fc.Arbitrary<Ask['status']>), {
          maxLength: 12,
        }),
        (who, asked) => {
          const contact = { email: email(who), company: who.company };
          const asks = asked.map(([p, day, status]) => ({ email: email(p), askedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`, status }));
          const people = new Map(asked.map(([p]) => [email(p), { name: p.user, company: p.company }]));
          const all = colleagueAsks(asks, people)(contact);
          const few = colleagueAsks(colleagueCandidates(contact, asks), people)(contact);
          expect(few).toEqual(all);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('where a fact came from, in words (issue 16: without building a date formatter each time)', () => {
  it('names the day as the browser would in US English, for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }), (at) => {
        const browser = at.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
        expect(describeSource({ kind: 'crm', label: 'HubSpot', observedAt: at.toISOString() })).toBe(`seen in HubSpot on ${browser}`);
      }),
    );
  });

  it('says who or what gave the fact', () => {
    const observedAt = '2026-11-03T10:00:00.000Z';
    expect(describeSource({ kind: 'manual', label: 'you', observedAt })).toBe('entered by you on Nov 3, 2026');
    expect(describeSource({ kind: 'import', label: 'crm.csv', observedAt })).toBe('imported from crm.csv on Nov 3, 2026');
    expect(describeSource({ kind: 'page', observedAt })).toBe('read from the page on Nov 3, 2026');
  });
});

describe('the company: from the record, a guess from the domain only when nothing names one (issue 32)', () => {
  it('a webmail guesses from the domain, marked; the CRM record then replaces the guess; a company typed or imported stays', async () => {
    const { applyPage, applyManualEdit, emptyContact } = await import('./contacts');
    const at = '2026-12-07T10:00:00.000Z';
    const mail = { host: 'gmail' as const, hostLabel: 'Gmail', url: 'https://mail.google.com/mail/u/0/#inbox/a', composeCount: 0, missing: [] };
    const record = { ...mail, host: 'hubspot' as const, hostLabel: 'HubSpot', url: 'https://app.hubspot.com/contacts/1/record/0-1/2' };
    const guessed = applyPage(emptyContact('astrid@lindqvistdesign.example', at), { ...mail, contact: { email: 'astrid@lindqvistdesign.example' } }, at);
    expect([guessed.company, guessed.companyGuessed]).toEqual(['Lindqvistdesign', true]);
    const read = applyPage(guessed, { ...record, contact: { email: 'astrid@lindqvistdesign.example', company: 'Lindqvist Design AB' } }, at);
    expect([read.company, read.companyGuessed]).toEqual(['Lindqvist Design AB', undefined]);
    // A company stored before guesses were marked, exactly what the guess gives: replaced too.
    const legacy = { ...emptyContact('rui@duartevinhos.example', at), company: 'Duartevinhos' };
    expect(applyPage(legacy, { ...record, contact: { email: 'rui@duartevinhos.example', company: 'Duarte Vinhos' } }, at).company).toBe('Duarte Vinhos');
    // The user's own company stays, whatever a page says.
    const typed = applyManualEdit(guessed, { company: 'Lindqvist Studio' }, at);
    expect([typed.company, typed.companyGuessed]).toEqual(['Lindqvist Studio', undefined]);
    expect(applyPage(typed, { ...record, contact: { email: 'astrid@lindqvistdesign.example', company: 'Lindqvist Design AB' } }, at).company).toBe(
      'Lindqvist Studio',
    );
  });
});
