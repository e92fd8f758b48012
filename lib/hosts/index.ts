/**
 * The driver for a page, across both families (the tests' door; each content script dispatches
 * within its own family through the same `adapterIn`).
 */
import { CRM_ADAPTERS } from './crm-hosts';
import { adapterIn } from './dispatch';
import { MAIL_ADAPTERS } from './mail-hosts';
import { HOSTS } from './registry';
import type { HostAdapter } from './types';

export function adapterFor(url: string): HostAdapter | undefined {
  return adapterIn(HOSTS, { ...MAIL_ADAPTERS, ...CRM_ADAPTERS }, url);
}

export type { HostAdapter, InsertRequest, InsertResult, PageContext, PageFacts, PageMessage } from './types';
