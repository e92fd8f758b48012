/**
 * The extension's database (IndexedDB through Dexie), opened only by the background service
 * worker: an extension iframe inside a web page is denied IndexedDB, and a content script's
 * IndexedDB would belong to the host page. Every other context asks the background.
 *
 * Schema versions are append-only: never edit a published `version(n)`; add `version(n + 1)`
 * with its `upgrade`, and a test in `db.test.ts` (schema migrations) that opens the old version with sample
 * data and reopens it with the new one.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Ask, Contact } from '../model';

export interface KeyValue {
  key: string;
  value: unknown;
}

export type ReferralDb = Dexie & {
  contacts: EntityTable<Contact, 'email'>;
  asks: EntityTable<Ask, 'id'>;
  /** Templates, keyed by id. Stored as validated JSON (see lib/templates). */
  templates: EntityTable<{ id: string } & Record<string, unknown>, 'id'>;
  /** Settings and the user's profile, one row per key. */
  kv: EntityTable<KeyValue, 'key'>;
  /** Lists computed ahead for the popup (`entrypoints/background/saved-view.ts`): derived, never backed up. */
  views: EntityTable<KeyValue, 'key'>;
};

/** The IndexedDB name (the benchmark seeds it directly). */
export const DB_NAME = 'referral-window';

/** Version 1 (2026-11-22). */
export const SCHEMA_V1 = {
  contacts: 'email, updatedAt, lastSeenAt',
  asks: 'id, email, status, askedAt, followUpAt',
  templates: 'id',
  kv: 'key',
} as const;

/**
 * Version 2 (2026-11-22): contacts are indexed by their customer start date, so the referral
 * queue reads only the contacts whose window is near instead of scoring every contact.
 * No data changes: the index is built from the rows as they are.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  contacts: 'email, updatedAt, lastSeenAt, facts.customerSince.value',
} as const;

/**
 * Version 3 (2026-12-01): asks are indexed by the email of the person the client introduced, so a
 * page showing that person finds who referred them (issue 19). No data changes.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  asks: 'id, email, status, askedAt, followUpAt, referral.email',
} as const;

/**
 * Version 4 (2026-12-01): a table of saved views, the lists the popup opens to computed ahead of
 * time, so a popup opened after the service worker slept reads one row (issue 16). Derived data:
 * not in backups, dropped whenever what it was computed from changes. No data changes.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  views: 'key',
} as const;

/**
 * Version 5 (2026-12-02): the contacts' `lastSeenAt` index goes; nothing ever read by it, and
 * every write of a contact kept it up to date (a 50,000-row import wrote 50,000 entries more;
 * issue 16). The field itself stays on each contact. No data changes.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  contacts: 'email, updatedAt, facts.customerSince.value',
} as const;

/**
 * Version 6 (2026-12-07): contacts are indexed by their other addresses (issue 31: the Home and
 * Other columns of a Pipedrive export), so a page showing one finds whose it is. No data changes.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  contacts: 'email, updatedAt, facts.customerSince.value, *otherEmails',
} as const;

export function openDb(name: string = DB_NAME): ReferralDb {
  const db = new Dexie(name) as ReferralDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5);
  db.version(6).stores(SCHEMA_V6);
  return db;
}
