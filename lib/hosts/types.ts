/**
 * The one shape every host adapter produces, whatever the page: the contact on screen, the facts
 * a CRM record shows, the webmail thread. Everything outside `lib/hosts/` sees only this.
 * Type-only here: the content script ships no schema library; the background validates
 * (`lib/messaging/protocol.ts`).
 */
import type { PageFactKey, PlainValue } from '../facts';
import type { Candidate, Person } from '../identity';

import type { HostId } from './registry';
import type { DateOrder } from '../import/formats';

export type { HostId };

export interface PageMessage {
  /** Sender's address, lower case. */
  from: string;
  fromName?: string;
  /** ISO instant when the page shows it. */
  date?: string;
  text: string;
}

/** Facts as a CRM page shows them, already normalised (dates YYYY-MM-DD, numbers as numbers): those of the table marked `page`. */
export type PageFacts = { [K in PageFactKey]?: PlainValue<K> };

/** Page facts as the page writes them ("05/14/2026", "€1.200"), read in the background (lib/hosts/settle.ts). */
export type ShownValues = { [K in PageFactKey]?: string };

/** How a field was found: the host's hooks, what the value is (mailto), a label beside it, the user's pick. */
export type ReadStrategy = 'hooks' | 'value' | 'label' | 'picked';

/** Two or more people the page could be about: the user chooses, nothing is guessed. */
export interface Ambiguity {
  what: 'email' | 'thread';
  candidates: Candidate[];
}

export interface PageContext {
  host: HostId;
  /** Human name of the host for provenance: "Gmail", "HubSpot". */
  hostLabel: string;
  url: string;
  /** The signed-in user's own address, when the page shows it. Never the contact. */
  accountEmail?: string;
  /** Everyone the adapter saw and where: the contact is decided from these alone (lib/identity.ts). */
  people?: Person[];
  /** Decided by `identify`, never by an adapter on its own. */
  contact?: { email?: string; name?: string; company?: string };
  /** The facts as read, by the background from `shown` (a content script never sends these). */
  facts?: PageFacts;
  /** What a record page shows of its facts, unread, and the date order its locale declares. */
  shown?: { values: ShownValues; dates?: DateOrder };
  thread?: { id?: string; subject?: string; messages: PageMessage[] };
  /** How many compose editors are open. */
  composeCount: number;
  /** True when none is open but the page has a Reply control the insert can press first. */
  canReply?: boolean;
  /** What the adapter looked for and did not find: the sidebar offers manual entry. */
  missing: string[];
  /** Set when the page shows more than one candidate contact; `contact` is then empty. */
  ambiguous?: Ambiguity;
  /** Which strategy found each field (for the reading health in the options page). */
  readBy?: Record<string, ReadStrategy>;
}

/** A draft's recipients by field, as written on the page; `readable` false when no recipient field was found. */
export interface Addressees {
  to: string[];
  cc: string[];
  readable: boolean;
}

export interface InsertRequest {
  html: string;
  text: string;
  subject?: string;
  /** The contact the ask is for: a draft addressed to others is refused. */
  to?: string;
  /** The user confirmed writing into this draft although it is not addressed to `to`: the recipients they saw. */
  confirmedFor?: string;
}

export type InsertResult =
  | { ok: true; where: 'caret' | 'top'; subjectSet: boolean; copy?: { added: string[]; failed: string[] } }
  | { ok: false; reason: string }
  /** The draft is not addressed to the contact (or cannot be read): nothing written, the user is asked. */
  | { ok: false; confirm: Addressees };

/** A host driver: reads the page, writes into its compose editors. */
export interface HostAdapter {
  id: HostId;
  label: string;
  read(doc: Document, url: string): PageContext;
  /** The compose editors now open, newest last. */
  composeEditors(doc: Document): HTMLElement[];
  /** The page's own Reply control, pressed to open a draft when none is open (Gmail). */
  replyControl?(doc: Document): HTMLElement | null;
  /** The element holding the subject of the compose that owns `editor`, if any. */
  subjectInput(editor: HTMLElement): HTMLInputElement | null;
  /** Whom the draft around `editor` is addressed to, as the page shows it (lib/hosts/compose.ts). */
  recipients(editor: HTMLElement): Addressees;
  /** Puts addresses in the Bcc of the draft around `editor` (a CRM's logging address, issue 34): the webmails only, so the CRM script carries none of it. */
  addBcc?(editor: HTMLElement, addresses: string[]): Promise<{ added: string[]; failed: string[] }>;
}
