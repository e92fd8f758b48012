/**
 * The content script of the webmails (the registry's `mail` rows): their readers only, so a mail
 * page carries none of the CRM label reading (see entrypoints/host.content/run.ts).
 */
import { MAIL_HOSTS, matchesIn } from '@/lib/hosts/registry';
import { runHostScript } from '../host.content/run';
import { mailScript } from './script';

export default defineContentScript({
  matches: matchesIn(MAIL_HOSTS),
  runAt: 'document_idle',
  main: () => runHostScript(mailScript(location.href)),
});
