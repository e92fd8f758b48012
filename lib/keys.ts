/**
 * Every value the database keeps besides its tables (its `kv` store), declared once: its schema,
 * how a stored value reads (a default for nothing or something broken), and its name in a
 * backup's error messages. The store reads and writes them only through `value()` and `setValue()`,
 * typed by these; backups check each key against its schema from here.
 */
import { z } from 'zod';
import { EMPTY_PROFILE, Profile } from './templates/schema';
import { EMPTY_NEVER_ASK, NeverAskList } from './never-ask';
import { EngineSettings, parseSettings } from './engine/settings';
import { PICK_FIELDS } from './hosts/custom-fields';
import { LoggingAddresses } from './crm/logging';
import { CrmConnection } from './crm/api';
import { OutboxEntry, TeamAsks } from './crm/outbox';

const Origin = z.string().regex(/^https:\/\/[^/]+$/);
const Picks = z.partialRecord(z.enum(PICK_FIELDS), z.string().min(1).max(500));

interface KeyRow<S extends z.ZodType> {
  schema: S;
  /** The stored value as it reads: a value its schema refuses, or none, reads as the default. */
  read(stored: unknown): z.infer<S>;
  /** How a backup's error names it: "the never-ask list (emails.0): invalid email". */
  label: string;
}

function key<S extends z.ZodType>(schema: S, fallback: z.infer<S>, label: string): KeyRow<S> {
  return {
    schema,
    label,
    read(stored) {
      if (stored === undefined) return fallback;
      const parsed = schema.safeParse(stored);
      return parsed.success ? parsed.data : fallback;
    },
  };
}

export const KEYS = {
  profile: key(Profile, EMPTY_PROFILE, 'your profile'),
  neverAsk: key(NeverAskList, EMPTY_NEVER_ASK, 'the never-ask list'),
  // A rule the schema refuses falls back alone, the others kept (parseSettings).
  settings: { schema: EngineSettings, read: parseSettings, label: 'the rules' } satisfies KeyRow<typeof EngineSettings>,
  reminders: key(z.object({ weeklyQueue: z.boolean() }), { weeklyQueue: false }, 'the reminders'),
  /** The CRM the user connected, with its token (issue 34): only in this profile, never in a backup. */
  crmApi: key(CrmConnection.nullable(), null, 'the connected CRM'),
  /** The notes waiting for, or written to, the connected CRM: never in a backup. */
  crmOutbox: key(z.array(OutboxEntry).max(500), [], "the CRM's outbox"),
  /** Colleagues' asks read from the connected CRM, per record (a cache): never in a backup. */
  crmTeamAsks: key(TeamAsks, {}, "colleagues' asks read from the CRM"),
  /** Each CRM's logging (Bcc) address the user gave (issue 34): not a secret, backed up like the profile. */
  crmLogging: key(LoggingAddresses, {}, "your CRMs' logging addresses"),
  customSites: key(z.array(z.object({ origin: Origin, picks: Picks })), [], 'your CRM sites'),
  hostPicks: key(z.record(Origin, Picks), {}, 'the fields picked on named sites'),
  'followUps:notifiedOn': key(z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]), '', 'the last follow-up notification'),
  readingHealth: key(
    z.record(
      z.string(),
      z
        .object({
          hostLabel: z.string(),
          lastReadAt: z.string().optional(),
          readBy: z.record(z.string(), z.string()),
          lastFailure: z.object({ at: z.string(), missing: z.array(z.string()) }).optional(),
        })
        .passthrough(),
    ),
    {},
    'the reading health',
  ),
};

export type Key = keyof typeof KEYS;

/** Values that stay in this profile: a backup never holds them, a restore keeps them (a token is not data to move). */
export const LOCAL_ONLY: ReadonlySet<string> = new Set(['crmApi', 'crmOutbox', 'crmTeamAsks']);
export type ValueOf<K extends Key> = ReturnType<(typeof KEYS)[K]['read']>;

export const isKey = (name: string): name is Key => Object.hasOwn(KEYS, name);
