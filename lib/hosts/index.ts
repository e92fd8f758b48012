/**
 * Picks the driver for a page (Mailvelope-style `get(url)`): one adapter per host, and none
 * (undefined) where we do not read the page.
 */
import { gmail, isGmail } from './gmail';
import type { HostAdapter } from './types';

const ADAPTERS: Array<[(url: string) => boolean, HostAdapter]> = [[isGmail, gmail]];

export function adapterFor(url: string): HostAdapter | undefined {
  return ADAPTERS.find(([matches]) => matches(url))?.[1];
}

export type { HostAdapter, InsertRequest, InsertResult, PageContext, PageFacts, PageMessage } from './types';
