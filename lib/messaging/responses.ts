import type { Ask, Contact } from '../model';
import type { Kpis } from '../asks/kpis';
import type { NextStep } from '../asks/pipeline';
import type { Profile, Template } from '../templates/schema';
import type { Backup } from '../backup';
import type { Duplicate, Rejection, SkippedCell } from '../import/csv';
import type { NeverAskList } from '../never-ask';
import type { QueueRow } from '../queue';
import type { EngineSettings } from '../engine/settings';
import type { SidebarView } from '../views';
import type { CustomPicks } from '../hosts/custom-fields';

/** Per host: when it last read a contact, how each field was found, and the last failure. */
export type ReadingHealth = Record<
  string,
  { hostLabel: string; lastReadAt?: string; readBy: Partial<Record<string, string>>; lastFailure?: { at: string; missing: string[] } }
>;

export interface ImportReport {
  fileName: string;
  /** Data rows in the file: created + updated + unchanged + duplicates + rejected. */
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  duplicates: Duplicate[];
  skipped: SkippedCell[];
  flagged: Rejection[];
  /** The file's lines: header + rows + lines inside quoted cells + blank lines. */
  lines: { physical: number; blank: number; insideCells: number };
  /** How number and date columns were read: "Spend 90d: amounts with a decimal comma". */
  formats: Array<{ column: string; description: string; warning?: string }>;
}
import type { RequestType } from './protocol';

export interface AskRow {
  ask: Ask;
  name: string;
  company: string;
  templateName: string;
  nextStep: NextStep;
  followUpDue: boolean;
}

export interface KpiReport {
  overall: Kpis;
  bySegment: Array<{ key: string; kpis: Kpis }>;
  byTemplate: Array<{ key: string; kpis: Kpis }>;
}

export interface InsertOutcome {
  ok: boolean;
  /** What the user sees: where it went, or why not. */
  message: string;
  askId?: string;
  missing?: string[];
}

/** What the background answers to each request. */
export interface Responses {
  'page/context': null;
  'contact/edit': null;
  'sidebar/contact': null;
  'ask/insert': InsertOutcome;
  'asks/list': { rows: AskRow[]; total: number };
  'ask/status': null;
  'ask/follow-up': null;
  kpis: KpiReport;
  'asks/export-csv': string;
  'profile/get': Profile;
  'profile/save': null;
  'templates/list': Template[];
  'template/save': null;
  'template/delete': null;
  'templates/restore': null;
  'contacts/search': Contact[];
  'contacts/import': ImportReport;
  'contacts/export-csv': string;
  'backup/export': Backup;
  'backup/restore': { contacts: number; asks: number; templates: number };
  'backup/check': { exportedAt: string; incoming: { contacts: number; asks: number; templates: number }; current: { contacts: number; asks: number; templates: number } };
  'queue/list': { rows: QueueRow[]; total: number };
  'never-ask/get': NeverAskList;
  'never-ask/save': null;
  'settings/get': EngineSettings;
  'settings/save': null;
  'reminders/get': { weeklyQueue: boolean };
  'reminders/save': null;
  'tab/view': SidebarView;
  'picker/start': null;
  'custom-sites/list': Array<{ origin: string; picks: CustomPicks }>;
  'page/diagnostic': string;
  'ask/undone': null;
  'ask/discard': null;
  'ask/delete': Ask;
  'ask/restore': null;
  'reading/health': { hosts: ReadingHealth; hostPicks: Record<string, CustomPicks> };
  'host-picks/reset': null;
  'custom-site/add': null;
  'custom-site/remove': null;
  'custom/config': CustomPicks | null;
  'custom/picks': null;
}

// Every request has an answer type, and every answer a request.
type _Check = [RequestType] extends [keyof Responses] ? ([keyof Responses] extends [RequestType] ? true : never) : never;
export const _responsesCoverProtocol: _Check = true;
