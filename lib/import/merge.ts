import { setFact } from '../contacts';
import type { Contact, ContactFacts, FactSource } from '../model';
import type { ImportedRow } from './csv';

/** Folds one imported row into a stored contact; facts older than what we have are ignored. */
export function mergeImported(existing: Contact | undefined, row: ImportedRow, source: FactSource, now: string): Contact {
  const base: Contact = existing ?? { email: row.email, name: '', company: '', facts: {}, neverAsk: false, updatedAt: now };
  let facts: ContactFacts = base.facts;
  const f = row.facts;
  const put = <K extends keyof ContactFacts>(key: K, value: NonNullable<ContactFacts[K]>['value'] | undefined) => {
    if (value !== undefined) facts = setFact(facts, key, { value, source } as NonNullable<ContactFacts[K]>);
  };
  put('customerSince', f.customerSince as string | undefined);
  if (f.nps !== undefined) put('nps', { score: f.nps as number });
  put('csat', f.csat as number | undefined);
  put('openTickets', f.openTickets as number | undefined);
  put('spend90d', f.spend90d as number | undefined);
  put('spendTotal', f.spendTotal as number | undefined);
  put('timeZone', f.timeZone as string | undefined);
  put('segment', f.segment as string | undefined);
  put('results', f.results as string | undefined);
  put('product', f.product as string | undefined);
  return {
    ...base,
    name: row.name && (!base.name || source.observedAt >= base.updatedAt) ? row.name : base.name,
    company: row.company && (!base.company || source.observedAt >= base.updatedAt) ? row.company : base.company,
    facts,
    updatedAt: now,
  };
}
