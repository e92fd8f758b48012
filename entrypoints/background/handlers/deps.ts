/** What every area of handlers works with: the one database door and the background's services. */
import type { Store } from '@/lib/db/store';
import type { Cases } from '../cases';
import type { CustomSites } from '../custom-sites';
import type { OpenAsks } from '../open-asks';
import type { QueueCache } from '../queue-cache';
import type { ReadingHealthLog } from '../reading-health';
import type { SidebarHub } from '../sidebar-hub';
import type { SidePanelPlacement } from '../side-panel';
import type { Transfers } from '../transfers';
import type { CrmOutbox } from '../crm-outbox';

export interface Deps {
  store: Store;
  hub: SidebarHub;
  /** One contact's case, loaded to be judged (lib/case.ts). */
  cases: Cases;
  queue: QueueCache;
  /** The popup's first page of open asks, saved ahead. */
  openAsks: OpenAsks;
  sites: CustomSites;
  health: ReadingHealthLog;
  panel: SidePanelPlacement;
  /** Backups and files too large for one message, in pieces. */
  transfers: Transfers;
  /** Notes to the connected CRM, written once each (issue 34). */
  outbox: CrmOutbox;
  /** The clock (a test's fixed day). */
  now: () => Date;
}
