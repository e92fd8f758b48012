/**
 * Every request a context can make of the background, declared once: its payload schema (checked
 * by the background before anything runs) and which contexts may send it. The host page can
 * reach none of these: only extension contexts can use runtime messaging, and a content script
 * (which reads an untrusted page) may only report what it read.
 */
import { z } from 'zod';
import { Ask, AskStatus, Email, IsoDate } from '../model';
import { Profile, Template } from '../templates/schema';
import { NeverAskList } from '../never-ask';
import { EngineSettings } from '../engine/settings';
import { IMPORT_FIELDS } from '../import/headers';
import { PICK_FIELDS } from '../hosts/custom-fields';
import { PAGE_LIMITS } from '../hosts/bounds';

export type Role = 'content' | 'sidebar' | 'popup' | 'options';

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

const L = PAGE_LIMITS;
const PageMessage = z.object({
  from: z.string().max(L.email),
  fromName: z.string().max(L.name).optional(),
  date: z.string().max(40).optional(),
  text: z.string().max(L.text),
});

export const PageContextSchema = z.object({
  host: z.enum(['gmail', 'outlook', 'hubspot', 'salesforce', 'pipedrive', 'custom']),
  hostLabel: z.string().max(60),
  url: z.string().url().max(L.url),
  accountEmail: z.string().max(L.email).optional(),
  contact: z
    .object({ email: z.string().max(L.email).optional(), name: z.string().max(L.name).optional(), company: z.string().max(L.name).optional() })
    .optional(),
  facts: z
    .object({
      customerSince: IsoDate.optional(),
      nps: z.number().int().min(0).max(10).optional(),
      csat: z.number().min(0).max(100).optional(),
      openTickets: z.number().int().min(0).optional(),
      spend90d: z.number().min(0).optional(),
      timeZone: z.string().max(64).optional(),
      lifecycleStage: z.string().max(L.shortFact).optional(),
      segment: z.string().max(L.shortFact).optional(),
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
      candidates: z.array(z.object({ email: z.string().max(L.email), name: z.string().max(L.name).optional() })).max(L.candidates),
    })
    .optional(),
  readBy: z.record(z.string().max(40), z.enum(['hooks', 'value', 'label', 'picked'])).optional(),
});

/** What the user types in the sidebar for a contact; `null` clears a fact. */
export const ManualEdit = z.object({
  customerSince: IsoDate.nullable().optional(),
  nps: z.number().int().min(0).max(10).nullable().optional(),
  npsAnsweredOn: IsoDate.nullable().optional(),
  csat: z.number().min(0).max(100).nullable().optional(),
  openTickets: z.number().int().min(0).max(10_000).nullable().optional(),
  spend90d: z.number().min(0).nullable().optional(),
  spendTotal: z.number().min(0).nullable().optional(),
  timeZone: z.string().min(1).max(64).nullable().optional(),
  segment: z.string().trim().min(1).max(60).nullable().optional(),
  results: z.string().trim().min(1).max(500).nullable().optional(),
  neverAsk: z.boolean().optional(),
  snoozedUntil: IsoDate.nullable().optional(),
  name: z.string().max(300).optional(),
  company: z.string().max(300).optional(),
});
export type ManualEdit = z.infer<typeof ManualEdit>;

export const requests = {
  /** A content script reports what its page shows now. */
  'page/context': { from: ['content'], payload: PageContextSchema },
  /** The sidebar (or options) saves what the user typed about a contact. */
  'contact/edit': { from: ['sidebar', 'options', 'popup'], payload: z.object({ email: Email, edit: ManualEdit }) },
  /** A content script saw the ask it inserted undone in the editor (the draft's text is gone). */
  'ask/undone': { from: ['content'], payload: z.object({ snippet: z.string().max(200) }) },
  /** Discard an ask (or take the discard back): discarded asks are not open and do not count as asked. */
  'ask/discard': { from: ['popup'], payload: z.object({ id: z.string().min(1), undo: z.boolean().default(false) }) },
  /** Delete an ask for good; the popup keeps it a moment for Undo ('ask/restore'). */
  'ask/delete': { from: ['popup'], payload: z.object({ id: z.string().min(1) }) },
  'ask/restore': { from: ['popup'], payload: z.object({ ask: Ask }) },
  /** The sidebar names the contact itself when the page did not show one (manual entry). */
  'sidebar/contact': { from: ['sidebar', 'popup'], payload: z.object({ email: Email, name: z.string().max(300).optional(), tabId: TabId }) },
  /** The sidebar asks to put the referral ask into its tab's open compose box. */
  'ask/insert': {
    from: ['sidebar', 'popup'],
    payload: z.object({
      email: Email,
      part: z.enum(['ask', 'intro']).default('ask'),
      tabId: TabId,
      /** The user confirmed an ask the verdict does not advise (fix first, too early, never-ask, snoozed). */
      confirmed: z.boolean().optional(),
    }),
  },
  /** The popup shows the contact of the active tab (custom CRMs have no sidebar). */
  'tab/view': { from: ['popup'], payload: z.object({ tabId: z.number().int().min(0) }) },
  /** The field picker, in the active tab (popup) or the sidebar's own tab: a custom CRM, or a named host that read poorly. */
  'picker/start': { from: ['popup', 'sidebar'], payload: z.object({ tabId: TabId }) },
  'custom-sites/list': { from: ['options', 'popup'], payload: z.object({}) },
  /** A censored skeleton of the tab's page (no text, no values), for the user to paste into a bug report. */
  'page/diagnostic': { from: ['sidebar', 'popup'], payload: z.object({ tabId: TabId }) },
  /** How each host was read lately: fields by strategy, the last failure; and the picks made on named hosts. */
  'reading/health': { from: ['options'], payload: z.object({}) },
  /** Forget the fields picked on a named host's site: its own reading applies again. */
  'host-picks/reset': { from: ['options'], payload: z.object({ origin: Origin }) },
  /** After the user granted the origin in the permission prompt. */
  'custom-site/add': { from: ['options'], payload: z.object({ origin: Origin }) },
  'custom-site/remove': { from: ['options'], payload: z.object({ origin: Origin }) },
  /** A content script on a custom CRM asks for its site's picks (by its own origin). */
  'custom/config': { from: ['content'], payload: z.object({}) },
  /** The picker, in a custom CRM tab, saves what the user clicked for each field. */
  'custom/picks': { from: ['content'], payload: z.object({ picks: CustomPicks }) },
  'asks/list': {
    from: ['popup'],
    payload: z.object({
      filter: z.union([z.enum(['open', 'all']), AskStatus]).default('open'),
      query: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(10_000).default(100),
    }),
  },
  'ask/status': {
    from: ['popup', 'sidebar'],
    payload: z.object({
      id: z.string().min(1),
      status: AskStatus,
      note: z.string().max(500).optional(),
      /** Who the client introduced (with `introduced`). */
      referral: z.object({ name: z.string().max(300), email: z.string().max(320) }).partial().optional(),
    }),
  },
  /** Snooze a follow-up by two business days, or dismiss it. */
  'ask/follow-up': { from: ['popup'], payload: z.object({ id: z.string().min(1), action: z.enum(['snooze', 'dismiss']) }) },
  'kpis': { from: ['popup'], payload: z.object({ from: z.string().datetime().optional(), to: z.string().datetime().optional() }) },
  'asks/export-csv': { from: ['popup'], payload: z.object({}) },
  'profile/get': { from: ['options'], payload: z.object({}) },
  'profile/save': { from: ['options'], payload: Profile },
  'templates/list': { from: ['options'], payload: z.object({}) },
  'template/save': { from: ['options'], payload: Template },
  'template/delete': { from: ['options'], payload: z.object({ id: z.string().min(1) }) },
  /** Puts the built-in templates back as shipped; the user's own templates stay. */
  'templates/restore': { from: ['options'], payload: z.object({}) },
  /** Stored contacts for previews and lookups, by email or name fragment. */
  'contacts/search': { from: ['options', 'popup'], payload: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }) },
  /** A CSV export to merge into the contacts; the options page has shown its preview first. */
  'contacts/import': {
    from: ['options'],
    payload: z.object({
      fileName: z.string().max(300),
      /** The file's last-modified time: its facts are as old as the file. */
      observedAt: z.string().datetime({ offset: true }),
      text: z.string().max(100_000_000),
      mapping: z.array(z.enum(Object.keys(IMPORT_FIELDS) as [keyof typeof IMPORT_FIELDS]).nullable()).optional(),
    }),
  },
  'contacts/export-csv': { from: ['options'], payload: z.object({}) },
  'backup/export': { from: ['options'], payload: z.object({}) },
  /** What a restore would replace, for the user to confirm: the backup checked whole, nothing written. */
  'backup/check': { from: ['options'], payload: z.object({ backup: z.unknown() }) },
  /** Checked whole by the background before anything is replaced. */
  'backup/restore': { from: ['options'], payload: z.object({ backup: z.unknown() }) },
  'queue/list': { from: ['popup'], payload: z.object({}) },
  'never-ask/get': { from: ['options'], payload: z.object({}) },
  'never-ask/save': { from: ['options'], payload: NeverAskList },
  'settings/get': { from: ['options'], payload: z.object({}) },
  /** Every number the engine decides with; checked whole (zod) before it is stored. */
  'settings/save': { from: ['options'], payload: EngineSettings },
  'reminders/get': { from: ['options'], payload: z.object({}) },
  'reminders/save': { from: ['options'], payload: z.object({ weeklyQueue: z.boolean() }) },
} as const satisfies Record<string, { from: readonly Role[]; payload: z.ZodTypeAny }>;

export type RequestType = keyof typeof requests;
export type Payload<T extends RequestType> = z.input<(typeof requests)[T]['payload']>;
export type ParsedPayload<T extends RequestType> = z.output<(typeof requests)[T]['payload']>;

export type Envelope = { type: string; payload: unknown };
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export { SIDEBAR_PORT } from '../sidebar-layout';
