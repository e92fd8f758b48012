/** Contacts: what the user types about one, search, the CSV import with its report, the CSV export. */
import { format, parseISO } from 'date-fns';
import { applyManualEdit, foldFacts } from '@/lib/contacts';
import { toDay } from '@/lib/day';
import { streamContactsCsv, type ImportedRow, type ParsedImport } from '@/lib/import/csv';
import { ImportRefused } from '@/lib/db/store';
import { contactsToCsv } from '@/lib/import/contacts-csv';
import { announce } from '@/lib/messaging/client';
import type { Handlers } from '../router';
import type { Deps } from './deps';

type ContactHandlers = Pick<Handlers, 'contact/edit' | 'contact/result' | 'contacts/search' | 'contacts/import' | 'contacts/export-csv'>;

export function contactHandlers({ store, transfers, now }: Deps): ContactHandlers {
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

    async 'contacts/import'({ fileName, observedAt, text: whole, upload, mapping, formats: previewed }) {
      const text = whole ?? transfers.take(upload!);
      const progress = (done: number) => void announce({ type: 'import/progress', done });
      let parsed = undefined as ParsedImport | undefined;
      // Parsed inside the import's transaction: a large file is written while it is read (issue 16).
      const rows = {
        expected: lineCount(text),
        read: async (onRow: (row: ImportedRow) => PromiseLike<unknown> | void) =>
          (parsed = await streamContactsCsv(text, { mapping, formats: previewed, today: toDay(now()), onProgress: progress, onRow })),
      };
      const at = now().toISOString();
      // A file dated ahead of the clock is taken as written now: never newer than an edit made later (issue 31).
      const counts = await store
        .importContacts(rows, { kind: 'import', label: fileName, observedAt: observedAt > at ? at : observedAt }, at)
        .catch((error: unknown) => {
          throw error instanceof ImportRefused ? new Error(`${fileName}: ${error.message} Nothing was imported.`) : error;
        });
      const read = parsed;
      if (!read) throw new Error(`${fileName}: the file was not read. Nothing was imported.`);
      const formats = Object.entries(read.formats).flatMap(([i, f]) =>
        f.description
          ? [{ column: read.headers[Number(i)] ?? `column ${Number(i) + 1}`, description: f.description, ...(f.warning ? { warning: f.warning } : {}) }]
          : [],
      );
      return {
        fileName,
        total: read.total,
        ...counts,
        rejected: read.rejected,
        duplicates: read.duplicates,
        skipped: read.skipped,
        flagged: read.flagged,
        formats,
        lines: read.lines,
        ...(read.footer ? { footer: read.footer } : {}),
        ...(read.notes ? { notes: read.notes } : {}),
      };
    },

    async 'contacts/export-csv'() {
      return contactsToCsv(await store.allContacts());
    },
  };
}

/** A file's lines, counted without splitting it: about its rows. */
function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
