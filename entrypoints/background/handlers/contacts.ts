/** Contacts: what the user types about one, search, the CSV import with its report, the CSV export. */
import { format, parseISO } from 'date-fns';
import { applyManualEdit, foldFacts } from '@/lib/contacts';
import { toDay } from '@/lib/day';
import { parseContactsCsv } from '@/lib/import/csv';
import { contactsToCsv } from '@/lib/import/contacts-csv';
import { announce } from '@/lib/messaging/client';
import type { Handlers } from '../router';
import type { Deps } from './deps';

type ContactHandlers = Pick<Handlers, 'contact/edit' | 'contact/result' | 'contacts/search' | 'contacts/import' | 'contacts/export-csv'>;

export function contactHandlers({ store, now }: Deps): ContactHandlers {
  return {
    async 'contact/edit'({ email, edit }) {
      const at = now().toISOString();
      await store.updateContact(email, (c) => applyManualEdit(c, edit, at), at);
      return null;
    },

    async 'contact/result'({ email, result, saidOn }) {
      const at = now().toISOString();
      const label = saidOn ? `their email of ${format(parseISO(saidOn), 'MMM d, yyyy')}` : 'their email';
      await store.updateContact(email, (c) => ({ ...c, facts: foldFacts(c.facts, { results: result }, { kind: 'page', label, observedAt: at }) }), at);
      return null;
    },

    'contacts/search': ({ query, limit }) => store.searchContacts(query, limit),

    async 'contacts/import'({ fileName, observedAt, text, mapping }) {
      const progress = (done: number) => void announce({ type: 'import/progress', done });
      const parsed = parseContactsCsv(text, { mapping, today: toDay(now()), onProgress: progress });
      if (parsed.refused) throw new Error(`${fileName}: ${parsed.refused} Nothing was imported.`);
      const counts = await store.importContacts(parsed.rows, { kind: 'import', label: fileName, observedAt }, now().toISOString());
      const formats = Object.entries(parsed.formats).flatMap(([i, f]) =>
        f.description
          ? [{ column: parsed.headers[Number(i)] ?? `column ${Number(i) + 1}`, description: f.description, ...(f.warning ? { warning: f.warning } : {}) }]
          : [],
      );
      return {
        fileName,
        total: parsed.total,
        ...counts,
        rejected: parsed.rejected,
        duplicates: parsed.duplicates,
        skipped: parsed.skipped,
        flagged: parsed.flagged,
        formats,
        lines: parsed.lines,
      };
    },

    async 'contacts/export-csv'() {
      return contactsToCsv(await store.allContacts());
    },
  };
}
