import { describe, expect, it } from 'vitest';
import { isNeverAsk, NeverAskList } from './never-ask';

const contact = (email: string, neverAsk = false) => ({ email, neverAsk });

describe('the never-ask list', () => {
  const list = NeverAskList.parse({ emails: ['Pat@Partner.example'], domains: ['@rival.example', 'ACME.com'] });

  it('covers a listed person, a listed domain and its subdomains, whatever the case', () => {
    expect(isNeverAsk(contact('pat@partner.example'), list)).toBe(true);
    expect(isNeverAsk(contact('PAT@partner.example'), list)).toBe(true);
    expect(isNeverAsk(contact('anyone@rival.example'), list)).toBe(true);
    expect(isNeverAsk(contact('dana@eu.sales.acme.com'), list)).toBe(true);
    expect(isNeverAsk(contact('kim@whatever.example', true), list)).toBe(true);
  });

  it('does not cover a colleague of a listed person, a look-alike domain, or a parent domain', () => {
    expect(isNeverAsk(contact('sam@partner.example'), list)).toBe(false);
    expect(isNeverAsk(contact('dana@notacme.com'), list)).toBe(false);
    expect(isNeverAsk(contact('dana@acme.com.evil.example'), list)).toBe(false);
    expect(isNeverAsk(contact('dana@example'), list)).toBe(false);
  });

  it('holds for a list of 10,000 people as for one (the queue asks for every contact)', () => {
    const long = NeverAskList.parse({ emails: Array.from({ length: 10_000 }, (_, i) => `p${i}@big.example`), domains: [] });
    expect(isNeverAsk(contact('p9999@big.example'), long)).toBe(true);
    expect(isNeverAsk(contact('p10000@big.example'), long)).toBe(false);
    expect(isNeverAsk(contact('p1@big.example'), NeverAskList.parse({}))).toBe(false);
  });
});
