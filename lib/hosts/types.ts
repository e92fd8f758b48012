/**
 * The one shape every host adapter produces, whatever the page: the contact on screen, the facts
 * a CRM record shows, the webmail thread. Everything outside `lib/hosts/` sees only this.
 * Type-only here: the content script ships no schema library; the background validates
 * (`lib/messaging/protocol.ts`).
 */
import type { PageFactKey, PlainValue } from '../facts';

export type HostId = 'gmail' | 'outlook' | 'hubspot' | 'salesforce' | 'pipedrive' | 'custom';

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

/** How a field was found: the host's hooks, what the value is (mailto), a label beside it, the user's pick. */
export type ReadStrategy = 'hooks' | 'value' | 'label' | 'picked';

/** Two or more people the page could be about: the user chooses, nothing is guessed. */
export interface Ambiguity {
  what: 'email' | 'thread';
  candidates: Array<{ email: string; name?: string }>;
}

export interface PageContext {
  host: HostId;
  /** Human name of the host for provenance: "Gmail", "HubSpot". */
  hostLabel: string;
  url: string;
  /** The signed-in user's own address, when the page shows it. Never the contact. */
  accountEmail?: string;
  contact?: { email?: string; name?: string; company?: string };
  facts?: PageFacts;
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

export interface InsertRequest {
  html: string;
  text: string;
  subject?: string;
  /** The contact the ask is for: a draft addressed to others is refused. */
  to?: string;
  /** The signed-in user's address, never counted as a recipient. */
  account?: string;
}

export type InsertResult = { ok: true; where: 'caret' | 'top'; subjectSet: boolean } | { ok: false; reason: string };

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
  /** Whom the draft around `editor` is addressed to, as the page shows it (empty: unknown). */
  recipients?(editor: HTMLElement, account?: string): string[];
}
