/**
 * Everything that crosses between the extension's contexts, declared once:
 * - requests to the background: which contexts may send each, its payload schema (checked by the
 *   background before anything runs), its reply type, and whether it acts on a tab (the sender's
 *   own, or the one the popup names: required, checked by the router);
 * - commands the background sends a content script (`ContentCommand`, checked there by hand-written
 *   guards in `content-commands.ts`, since the injected script carries no schema library);
 * - events the background announces to its pages (`BackgroundEvent`);
 * - the sidebar's port (`SIDEBAR_PORT`, the view it carries), the side panel's (`PANEL_PORT`: the
 *   tab it shows goes up, that tab's view comes down), and the frame key (`channels.ts`: plain
 *   constants the content scripts import without this file's zod). The collapsed state and the
 *   sidebar's place are preferences in browser storage (`lib/prefs.ts`), watched where they apply.
 * The host page can reach none of these: only extension contexts can use runtime messaging, and a
 * content script (which reads an untrusted page) may only report what it read.
 */
import { z } from 'zod';
import { TEXT_LIMITS } from '../limits';
import { HOST_IDS } from '../hosts/registry';
import { UPLOAD_PIECE } from './channels';
import type { AskRow } from '../asks/pipeline';
import type { KpiReport } from '../asks/kpis';
import type { ImportReport } from '../import/csv';
import type { InsertResult } from '../hosts/types';
import type { QueueRow } from '../engine/queue';
import type { SidebarView } from '../views';
import type { ConfigCommand, InsertCommand, SelectCommand, StopCommand } from './content-commands';
import type { Contact } from '../model';
import { Ask, AskStatus, Email, IsoInstant, ManualEdit, Referral } from '../model';
import { FACTS, type FactSpec } from '../facts';
import { Profile, Template } from '../templates/schema';
import { NeverAskList } from '../never-ask';
import { EngineSettings } from '../engine/settings';
import { IMPORT_FIELDS } from '../import/headers';
import { PICK_FIELDS } from '../hosts/custom-fields';
import { PAGE_LIMITS } from '../hosts/bounds';
import { LOGGING_CRMS, type LoggingAddresses } from '../crm/logging';
import { API_CRMS, type ApiCrm } from '../crm/api';
import type { OutboxEntry } from '../crm/outbox';

/** The connected CRM as the pages see it (no token), and its outbox. */
export interface CrmStatus {
  connection?: { crm: ApiCrm; connectedAt: string; withText: boolean; refused?: string };
  entries: OutboxEntry[];
}

export type Role = 'content' | 'sidebar' | 'popup' | 'options';

/** A request's reply type, declared beside its payload (a type only: nothing at run time). */
const reply = <T>() => undefined as unknown as T;

export interface InsertOutcome {
  ok: boolean;
  /** What the user sees: where it went, or why not. */
  message: string;
  /** Nothing written: the draft is not addressed to the contact (or its recipients cannot be read). The user is asked, naming both. */
  confirm?: { to: string[]; cc: string[]; readable: boolean; key: string };
  askId?: string;
  missing?: string[];
}

/** Per host: when it last read a contact, how each field was found, and the last failure. */
export type ReadingHealth = Record<
  string,
  { hostLabel: string; lastReadAt?: string; readBy: Record<string, string>; lastFailure?: { at: string; missing: string[] } }
>;

/** The popup names the tab it acts on; the sidebar's and content script's tab comes from the sender. */
const TabId = z.number().int().min(0).optional();

/** An origin the user added as a CRM: https only, no path. */
export const Origin = z
  .string()
  .trim()
  .transform((s, ctx) => {
    try {
      const url = new URL(s.includes('://') ? s : `https://${s}`);
      if (url.protocol !== 'https:') throw new Error();
      return url.origin;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'enter the site as https://crm.example.com' });
      return z.NEVER;
    }
  });

/** CSS selectors the user picked, per field, for one site. */
export const CustomPicks = z.partialRecord(z.enum(PICK_FIELDS), z.string().min(1).max(500));
type PickedFields = z.infer<typeof CustomPicks>;

const L = PAGE_LIMITS;
/** What a content script reports of its page; built on the first report (`z.lazy`: not at each worker start). */
export const PageContextSchema = z.lazy(() => {
  const PageMessage = z.object({
    from: z.string().max(L.email),
    fromName: z.string().max(L.name).optional(),
    date: z.string().max(40).optional(),
    text: z.string().max(L.text),
  });
  return z.object({
    host: z.enum(HOST_IDS),
    hostLabel: z.string().max(60),
    url: z.string().url().max(L.url),
    accountEmail: z.string().max(L.email).optional(),
    people: z
      .array(
        z.object({
          email: z.string().max(L.email),
          name: z.string().max(L.name).optional(),
          company: z.string().max(L.name).optional(),
          seen: z.enum(['sender', 'recipient', 'draft-to', 'record', 'associated', 'picked']),
          order: z.number().int().min(-1).max(10_000).optional(),
          mine: z.boolean().optional(),
        }),
      )
      .max(L.people)
      .optional(),
    contact: z
      .object({ email: z.string().max(L.email).optional(), name: z.string().max(L.name).optional(), company: z.string().max(L.name).optional() })
      .optional(),
    // The facts of the table a page may show, as it writes them: read in the background (lib/hosts/settle.ts).
    shown: z
      .object({
        values: z.object(Object.fromEntries(FACTS.filter((f: FactSpec) => f.page).map((f) => [f.key, z.string().max(L.shownValue).optional()]))),
        dates: z.enum(['dmy', 'mdy']).optional(),
      })
      .optional(),
    thread: z
      .object({ id: z.string().max(200).optional(), subject: z.string().max(L.subject).optional(), messages: z.array(PageMessage).max(L.messages) })
      .optional(),
    composeCount: z.number().int().min(0).max(50),
    canReply: z.boolean().optional(),
    missing: z.array(z.string().max(L.missingText)).max(L.missing),
    ambiguous: z
      .object({
        what: z.enum(['email', 'thread']),
        candidates: z
          .array(z.object({ email: z.string().max(L.email), name: z.string().max(L.name).optional(), colleague: z.boolean().optional() }))
          .max(L.candidates),
      })
      .optional(),
    readBy: z.record(z.string().max(40), z.enum(['hooks', 'value', 'label', 'picked'])).optional(),
  });
});

/** A transfer's name (a random UUID from the page). */
const TransferId = z.string().regex(/^[\w-]{8,64}$/);
/**
 * A file the options page holds, by the blob: URL it made for it (the worker reads it itself, no
 * copy through messages: issue 35), e.g. blob:chrome-extension://<id>/<uuid>.
 */
const FileUrl = z.string().regex(/^blob:(chrome|moz)-extension:\/\/[\w-]{8,64}\/[\w-]{8,64}$/);
/** A backup sent whole (small ones, tests), the name of an upload gathered in pieces, or the file itself by its URL. */
const BackupSource = z.lazy(() => z.union([z.object({ upload: TransferId }), z.object({ file: FileUrl }), z.object({ backup: z.unknown() })]));
/** A restore names the backup its check kept (sent and checked once, issue 35), else sends it again. */
const RestoreSource = z.lazy(() => z.union([z.object({ checked: TransferId }), BackupSource]));

export const requests = {
  /** A content script mounted its sidebar frame: only the frame that shows this key is served (issue 21). */
  'sidebar/frame': { from: ['content'], tab: true, reply: reply<null>(), payload: () => z.object({ key: z.string().min(20).max(100) }) },
  /** A content script reports what its page shows now. */
  'page/context': { from: ['content'], tab: true, reply: reply<null>(), payload: () => PageContextSchema },
  /** The sidebar (or options) saves what the user typed about a contact. */
  'contact/edit': { from: ['sidebar', 'options', 'popup'], reply: reply<null>(), payload: () => z.object({ email: Email, edit: ManualEdit }) },
  /** A result proposed from the client's own words, used: saved as their result, its source the email it came from (issue 19). */
  'contact/result': {
    from: ['sidebar', 'popup'],
    reply: reply<null>(),
    payload: () => z.object({ email: Email, result: z.string().trim().min(1).max(TEXT_LIMITS.results), saidOn: IsoInstant.optional() }),
  },
  /** A content script saw the ask it inserted undone in the editor (the draft's text is gone). */
  'ask/undone': { from: ['content'], tab: true, reply: reply<null>(), payload: () => z.object({ snippet: z.string().max(200) }) },
  /** Discard an ask (or take the discard back): discarded asks are not open and do not count as asked. */
  'ask/discard': { from: ['popup'], reply: reply<null>(), payload: () => z.object({ id: z.string().min(1), undo: z.boolean().default(false) }) },
  /** Delete an ask for good; the popup keeps it a moment for Undo ('ask/restore'). */
  'ask/delete': { from: ['popup'], reply: reply<Ask>(), payload: () => z.object({ id: z.string().min(1) }) },
  'ask/restore': { from: ['popup'], reply: reply<null>(), payload: () => z.object({ ask: Ask }) },
  /** The sidebar names the contact itself when the page did not show one (manual entry). */
  'sidebar/contact': {
    from: ['sidebar', 'popup'],
    tab: true,
    reply: reply<null>(),
    payload: () => z.object({ email: Email, name: z.string().max(300).optional(), tabId: TabId }),
  },
  /** The template the user picked in the sidebar for its contact; none: the recommended one again. */
  'sidebar/template': {
    from: ['sidebar', 'popup'],
    tab: true,
    reply: reply<null>(),
    payload: () => z.object({ templateId: z.string().min(1).max(200).optional(), tabId: TabId }),
  },
  /** The sidebar asks to put the referral ask into its tab's open compose box. */
  'ask/insert': {
    from: ['sidebar', 'popup'],
    tab: true,
    reply: reply<InsertOutcome>(),
    payload: () =>
      z.object({
        email: Email,
        /** The ask (with its note to forward), the intro alone, or closing the loop: a thank-you, an update (issue 19). */
        part: z.enum(['ask', 'intro', 'thanks', 'update']).default('ask'),
        tabId: TabId,
        /** The user confirmed an ask the verdict does not advise (fix first, too early, never-ask, snoozed). */
        confirmed: z.boolean().optional(),
        /** The user said yes to writing into a draft not addressed to this contact: the recipients they were shown (`InsertOutcome.confirm.key`). */
        confirmedFor: z.string().max(20_000).optional(),
        /** False: this ask's draft gets no copy to the CRM's logging address (on by default when one is set). */
        crmCopy: z.boolean().optional(),
      }),
  },
  /** Select a gap left in the draft ("[FILL IN: your name]") so the user types over it. */
  'compose/select': {
    from: ['sidebar', 'popup'],
    tab: true,
    reply: reply<boolean>(),
    payload: () => z.object({ text: z.string().min(1).max(300), tabId: TabId }),
  },
  /** The popup shows the contact of the active tab (custom CRMs have no sidebar). */
  'tab/view': { from: ['popup'], tab: true, reply: reply<SidebarView>(), payload: () => z.object({ tabId: z.number().int().min(0) }) },
  /** The field picker, in the active tab (popup) or the sidebar's own tab: a custom CRM, or a named host that read poorly. */
  'picker/start': { from: ['popup', 'sidebar'], tab: true, reply: reply<null>(), payload: () => z.object({ tabId: TabId }) },
  'custom-sites/list': { from: ['options', 'popup'], reply: reply<Array<{ origin: string; picks: PickedFields }>>(), payload: () => z.object({}) },
  /** A censored skeleton of the tab's page (no text, no values), for the user to paste into a bug report. */
  'page/diagnostic': { from: ['sidebar', 'popup'], tab: true, reply: reply<string>(), payload: () => z.object({ tabId: TabId }) },
  /** How each host was read lately: fields by strategy, the last failure; and the picks made on named hosts. */
  'reading/health': { from: ['options'], reply: reply<{ hosts: ReadingHealth; hostPicks: Record<string, PickedFields> }>(), payload: () => z.object({}) },
  /** Forget the fields picked on a named host's site: its own reading applies again. */
  'host-picks/reset': { from: ['options'], reply: reply<null>(), payload: () => z.object({ origin: Origin }) },
  /** After the user granted the origin in the permission prompt. */
  'custom-site/add': { from: ['options'], reply: reply<null>(), payload: () => z.object({ origin: Origin }) },
  'custom-site/remove': { from: ['options'], reply: reply<null>(), payload: () => z.object({ origin: Origin }) },
  /** A content script on a custom CRM asks for its site's picks (by its own origin). */
  'custom/config': { from: ['content'], tab: true, reply: reply<PickedFields | null>(), payload: () => z.object({}) },
  /** The picker, in a custom CRM tab, saves what the user clicked for each field. */
  'custom/picks': { from: ['content'], tab: true, reply: reply<null>(), payload: () => z.object({ picks: CustomPicks }) },
  'asks/list': {
    from: ['popup'],
    reply: reply<{ rows: AskRow[]; total: number }>(),
    payload: () =>
      z.object({
        filter: z.union([z.enum(['open', 'all']), AskStatus]).default('open'),
        query: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(10_000).default(100),
      }),
  },
  'ask/status': {
    from: ['popup', 'sidebar'],
    reply: reply<null>(),
    payload: () =>
      z.object({
        id: z.string().min(1),
        status: AskStatus,
        note: z.string().max(500).optional(),
        /** Who the client introduced (with `introduced`). */
        referral: Referral.optional(),
      }),
  },
  /** A reward of a converted referral given (or the mark taken back): the client's, or the friend's. */
  'ask/reward': {
    from: ['popup'],
    reply: reply<null>(),
    payload: () => z.object({ id: z.string().min(1), side: z.enum(['client', 'friend']), given: z.boolean() }),
  },
  /** A double opt-in ask: the client's peer agreed to be introduced (or the mark taken back). */
  'ask/peer-agreed': { from: ['popup'], reply: reply<null>(), payload: () => z.object({ id: z.string().min(1), agreed: z.boolean().default(true) }) },
  /** The referrals a client made, with their referrer, as a CSV for the CRM. */
  'asks/referrals-csv': { from: ['popup'], reply: reply<string>(), payload: () => z.object({}) },
  /** Snooze a follow-up by two business days, or dismiss it. */
  'ask/follow-up': { from: ['popup'], reply: reply<null>(), payload: () => z.object({ id: z.string().min(1), action: z.enum(['snooze', 'dismiss']) }) },
  kpis: {
    from: ['popup'],
    reply: reply<KpiReport>(),
    payload: () => z.object({ from: z.string().datetime().optional(), to: z.string().datetime().optional() }),
  },
  'asks/export-csv': { from: ['popup'], reply: reply<string>(), payload: () => z.object({}) },
  'profile/get': { from: ['options'], reply: reply<Profile>(), payload: () => z.object({}) },
  'profile/save': { from: ['options'], reply: reply<null>(), payload: () => Profile },
  'templates/list': { from: ['options'], reply: reply<Template[]>(), payload: () => z.object({}) },
  'template/save': { from: ['options'], reply: reply<null>(), payload: () => Template },
  'template/delete': { from: ['options'], reply: reply<null>(), payload: () => z.object({ id: z.string().min(1) }) },
  /** Puts the built-in templates back as shipped; the user's own templates stay. */
  'templates/restore': { from: ['options'], reply: reply<null>(), payload: () => z.object({}) },
  /** Stored contacts for previews and lookups, by email or name fragment. */
  'contacts/search': {
    from: ['options', 'popup'],
    reply: reply<Contact[]>(),
    payload: () => z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }),
  },
  /**
   * A CSV export to merge into the contacts; the options page has shown its preview first. The
   * file comes whole (`text`, small ones and tests) or as the name of an upload gathered in pieces
   * (`upload/piece`): one message holds at most 64 MB.
   */
  'contacts/import': {
    from: ['options'],
    reply: reply<ImportReport>(),
    payload: () =>
      z
        .object({
          fileName: z.string().max(300),
          /** The file's last-modified time: its facts are as old as the file. */
          observedAt: z.string().datetime({ offset: true }),
          text: z.string().max(UPLOAD_PIECE).optional(),
          upload: TransferId.optional(),
          mapping: z.array(z.enum(Object.keys(IMPORT_FIELDS) as [keyof typeof IMPORT_FIELDS]).nullable()).optional(),
          /** How the preview read each number and date column (by index), for that mapping: applied as shown. */
          formats: z
            .record(
              z.string().regex(/^\d{1,4}$/),
              z.object({
                decimal: z.enum([',', '.']).optional(),
                dates: z.enum(['dmy', 'mdy']).optional(),
                description: z.string().max(200).optional(),
                warning: z.string().max(500).optional(),
              }),
            )
            .optional(),
        })
        .refine((p) => (p.text === undefined) !== (p.upload === undefined), 'the file, whole or as an upload (one of them)'),
  },
  'contacts/export-csv': { from: ['options'], reply: reply<string>(), payload: () => z.object({}) },
  /** The backup, made and checked whole, kept to be fetched in pieces (`backup/piece`): it can be over the 64 MB a message holds. */
  'backup/export': {
    from: ['options'],
    reply: reply<{ id: string; pieces: number; contacts: number; asks: number; templates: number }>(),
    payload: () => z.object({}),
  },
  'backup/piece': { from: ['options'], reply: reply<string>(), payload: () => z.object({ id: TransferId, index: z.number().int().min(0).max(10_000) }) },
  /** One piece of a file sent to the worker (a backup to check or restore), in order. */
  'upload/piece': {
    from: ['options'],
    reply: reply<null>(),
    payload: () => z.object({ id: TransferId, index: z.number().int().min(0).max(10_000), text: z.string().max(UPLOAD_PIECE) }),
  },
  /** What a restore would replace, for the user to confirm: the backup checked whole, nothing written. */
  'backup/check': {
    from: ['options'],
    reply: reply<{
      exportedAt: string;
      incoming: { contacts: number; asks: number; templates: number };
      current: { contacts: number; asks: number; templates: number };
      /** The name the checked backup is kept under while the worker runs, for the restore that follows. */
      checked: string;
    }>(),
    payload: () => BackupSource,
  },
  /** Checked whole by the background before anything is replaced. */
  'backup/restore': { from: ['options'], reply: reply<{ contacts: number; asks: number; templates: number }>(), payload: () => RestoreSource },
  'queue/list': { from: ['popup'], reply: reply<{ rows: QueueRow[]; total: number }>(), payload: () => z.object({}) },
  /** "Compose in Gmail" from the queue: the ask for this contact, rendered and recorded as a draft, as a Gmail compose address; an empty draft (and the reason) where an ask is not advised yet. */
  'queue/compose': {
    from: ['popup'],
    reply: reply<{ url: string; template?: string; missing: string[]; note?: string }>(),
    payload: () => z.object({ email: Email }),
  },
  'never-ask/get': { from: ['options'], reply: reply<NeverAskList>(), payload: () => z.object({}) },
  'never-ask/save': { from: ['options'], reply: reply<null>(), payload: () => NeverAskList },
  'settings/get': { from: ['options'], reply: reply<EngineSettings>(), payload: () => z.object({}) },
  /** Every number the engine decides with; checked whole (zod) before it is stored. */
  'settings/save': { from: ['options'], reply: reply<null>(), payload: () => EngineSettings },
  'reminders/get': { from: ['options'], reply: reply<{ weeklyQueue: boolean }>(), payload: () => z.object({}) },
  /** The CRM connected through its API (issue 34): checked with one harmless read, then kept; the token never leaves the background. */
  'crm/connect': {
    from: ['options'],
    reply: reply<CrmStatus>(),
    payload: () => z.object({ crm: z.enum(API_CRMS), token: z.string().trim().min(8).max(500), withText: z.boolean().default(false) }),
  },
  'crm/disconnect': { from: ['options'], reply: reply<CrmStatus>(), payload: () => z.object({}) },
  /** What is connected (never the token) and the outbox: what waits, was sent or failed. */
  'crm/status': { from: ['options', 'popup'], reply: reply<CrmStatus>(), payload: () => z.object({}) },
  /** Failed and waiting notes are tried again now. */
  'crm/retry': { from: ['options', 'popup'], reply: reply<CrmStatus>(), payload: () => z.object({}) },
  /** Each CRM's logging (Bcc) address (issue 34), for the settings (the sidebar's view carries the copy it adds). */
  'logging/get': { from: ['options'], reply: reply<LoggingAddresses>(), payload: () => z.object({}) },
  'logging/save': {
    from: ['options'],
    reply: reply<null>(),
    payload: () => z.partialRecord(z.enum(LOGGING_CRMS), z.string().max(320)),
  },
  'reminders/save': { from: ['options'], reply: reply<null>(), payload: () => z.object({ weeklyQueue: z.boolean() }) },
} as const satisfies Record<string, { from: readonly Role[]; payload: () => z.ZodTypeAny; reply: unknown; tab?: true }>;

export type RequestType = keyof typeof requests;
type PayloadSchema<T extends RequestType> = ReturnType<(typeof requests)[T]['payload']>;
export type Payload<T extends RequestType> = z.input<PayloadSchema<T>>;
export type ParsedPayload<T extends RequestType> = z.output<PayloadSchema<T>>;

const payloadSchemas = new Map<RequestType, z.ZodTypeAny>();

/**
 * A request's payload schema, built the first time a request of its type arrives: the ~60 of them
 * built as the worker loaded were ~3 ms of each start (issue 35), and a wake serves one or two.
 */
export function payloadSchema<T extends RequestType>(type: T): PayloadSchema<T> {
  let schema = payloadSchemas.get(type);
  if (!schema) payloadSchemas.set(type, (schema = requests[type].payload()));
  return schema as PayloadSchema<T>;
}
/** What the background answers to each request. */
export type Responses = { [T in RequestType]: (typeof requests)[T]['reply'] };
/** The requests that act on a tab: the sender's, or the one the popup names (then required). */
export type TabRequest = { [T in RequestType]: (typeof requests)[T] extends { tab: true } ? T : never }[RequestType];

export type Envelope = { type: string; payload: unknown };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Commands the background sends a content script, and what each answers. */
export type ContentCommand = InsertCommand | ConfigCommand | SelectCommand | StopCommand;
export type ContentCommandReply<C extends ContentCommand> = C extends InsertCommand ? InsertResult : boolean;
export type { ConfigCommand, InsertCommand, SelectCommand };

/** Events the background announces to its pages (no reply expected). */
export interface ImportProgress {
  type: 'import/progress';
  done: number;
}
/** A restore writing its records (contacts, then asks): `done` of `total`. */
export interface RestoreProgress {
  type: 'restore/progress';
  done: number;
  total: number;
}
export type BackgroundEvent = ImportProgress | RestoreProgress;

/** The sidebar's port carries its view, whole, each time it changes. */
export type SidebarPortMessage = SidebarView;
/** The side panel's port: up, the tab it shows; down, that tab's view (`PanelMessage`). */
export type PanelPortRequest = { tabId: number };
export type { PanelMessage } from '../views';
export { FRAME_KEY_MESSAGE, PANEL_PORT, SIDEBAR_PORT, UPLOAD_PIECE } from './channels';
