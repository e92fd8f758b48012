/** What the CRM content script runs with on a page: its family's dispatch (the tests call this too). */
import { CRM_ADAPTERS } from '@/lib/hosts/crm-hosts';
import { customAdapter, withCrmPicks } from '@/lib/hosts/custom';
import { adapterIn } from '@/lib/hosts/dispatch';
import { CRM_HOSTS, outsideRecordsIn } from '@/lib/hosts/registry';
import type { HostScript } from './run';

export function crmScript(url: string, hostname: string): HostScript {
  const builtIn = adapterIn(CRM_HOSTS, CRM_ADAPTERS, url);
  return {
    builtIn,
    // On a named CRM, the user's picks are tried first and its own reading fills the rest.
    withPicks: (picks, named) => (named ? withCrmPicks(named, picks) : customAdapter(hostname, picks)),
    idleOn: builtIn && ((at) => outsideRecordsIn(CRM_HOSTS, at)),
    family: 'crm',
  };
}
