/**
 * Picks the driver for a page (Mailvelope-style `get(url)`): one adapter per host, and none
 * (undefined) where we do not read the page. Each predicate is pure; its test URLs are in
 * hosts.test.ts and gmail.test.ts.
 */
import { gmail, isGmail } from './gmail';
import { hubspot, isHubSpot } from './hubspot';
import { isOutlook, outlook } from './outlook';
import { isPipedrive, pipedrive } from './pipedrive';
import { isSalesforce, salesforce } from './salesforce';
import type { HostAdapter } from './types';

const ADAPTERS: Array<[(url: string) => boolean, HostAdapter]> = [
  [isGmail, gmail],
  [isOutlook, outlook],
  [isHubSpot, hubspot],
  [isSalesforce, salesforce],
  [isPipedrive, pipedrive],
];

export function adapterFor(url: string): HostAdapter | undefined {
  return ADAPTERS.find(([matches]) => matches(url))?.[1];
}

export type { HostAdapter, InsertRequest, InsertResult, PageContext, PageFacts, PageMessage } from './types';
