/**
 * The content script of the named CRMs (the registry's `crm` rows) and of every CRM site the
 * user added (registered at run time under this file's name, content-scripts/host.js). Added sites
 * read the fields picked there and get no sidebar iframe (it is web-accessible only on the named
 * hosts): their contact shows in the toolbar popup.
 */
import { CRM_HOSTS, excludesIn, matchesIn } from '@/lib/hosts/registry';
import { runHostScript } from './run';
import { crmScript } from './script';

export default defineContentScript({
  matches: matchesIn(CRM_HOSTS),
  excludeMatches: excludesIn(CRM_HOSTS),
  runAt: 'document_idle',
  main: () => runHostScript(crmScript(location.href, location.hostname)),
});
