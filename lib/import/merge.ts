import { foldFacts } from '../contacts';
import type { Contact, FactSource } from '../model';
import { unionOf, type ImportedRow } from './csv';

/** Folds one imported row into a stored contact; facts older than what we have are ignored. */
export function mergeImported(existing: Contact | undefined, row: ImportedRow, source: FactSource, now: string): Contact {
  const base: Contact = existing ?? { email: row.email, name: '', company: '', facts: {}, neverAsk: false, updatedAt: now };
  return {
    ...base,
    name: row.name && (!base.name || source.observedAt >= base.updatedAt) ? row.name : base.name,
    ...(row.company && (!base.company || base.companyGuessed || source.observedAt >= base.updatedAt)
      ? { company: row.company, companyGuessed: undefined }
      : { company: base.company }),
    facts: foldFacts(base.facts, row.facts, source, now),
    // Other addresses only ever add up: an empty cell or a later file never drops one.
    ...(row.otherEmails?.length || base.otherEmails?.length ? { otherEmails: unionOf(base.otherEmails, row.otherEmails, base.email) } : {}),
    updatedAt: now,
  };
}
