import { describe, expect, it } from 'vitest';
import { companyFromEmail } from './contacts';

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
