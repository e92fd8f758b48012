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
