/**
 * How a content script picks its driver: the registry row whose app the URL is, then that row's
 * adapter in the script's family map. The content scripts and the tests call exactly this.
 */
import { rowIn, type HostFamily, type HostIdOf, type HostRow } from './registry';
import type { HostAdapter } from './types';

/** One adapter per named host of a family: the compiler asks for a missing one, and refuses a stray. */
export type FamilyAdapters<F extends HostFamily> = { readonly [K in HostIdOf<F>]: HostAdapter };

/** The adapter for `url` among a family's rows and adapters, or undefined where the page is none of theirs. */
export function adapterIn(rows: readonly HostRow[], adapters: Partial<Record<string, HostAdapter>>, url: string): HostAdapter | undefined {
  const row = rowIn(rows, url);
  return row ? adapters[row.id] : undefined;
}
