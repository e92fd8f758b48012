/**
 * The content script of the named CRMs (HubSpot, Salesforce, Pipedrive) and of every CRM site the
 * user added (registered at run time under this file's name, content-scripts/host.js). Added sites
 * read the fields picked there and get no sidebar iframe (it is web-accessible only on the named
 * hosts): their contact shows in the toolbar popup.
 */
import { hubspot, isHubSpot } from '@/lib/hosts/hubspot';
import { isPipedrive, pipedrive } from '@/lib/hosts/pipedrive';
import { isSalesforce, salesforce } from '@/lib/hosts/salesforce';
import { customAdapter, withCrmPicks } from '@/lib/hosts/custom';
import { CRM_EXCLUDES, CRM_MATCHES, isOutsideRecords } from '@/lib/hosts/matches';
import { runHostScript } from './run';

export default defineContentScript({
  matches: CRM_MATCHES,
  excludeMatches: CRM_EXCLUDES,
  runAt: 'document_idle',
  main() {
    const url = location.href;
    const builtIn = isHubSpot(url) ? hubspot : isSalesforce(url) ? salesforce : isPipedrive(url) ? pipedrive : undefined;
    return runHostScript({
      builtIn,
      // On a named CRM, the user's picks are tried first and its own reading fills the rest.
      withPicks: (picks, named) => (named ? withCrmPicks(named, picks) : customAdapter(location.hostname, picks)),
      idleOn: builtIn && isOutsideRecords,
      family: 'crm',
    });
  },
});
