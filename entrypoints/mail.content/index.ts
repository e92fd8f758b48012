/**
 * The content script of the webmails (Gmail, Outlook on the web): their readers only, so a mail
 * page carries none of the CRM label reading (see entrypoints/host.content/run.ts).
 */
import { gmail, isGmail } from '@/lib/hosts/gmail';
import { isOutlook, outlook } from '@/lib/hosts/outlook';
import { MAIL_MATCHES } from '@/lib/hosts/matches';
import { openReplyIfNeeded } from '@/lib/hosts/compose';
import { withMailPicks } from '@/lib/hosts/picks';
import { runHostScript } from '../host.content/run';

export default defineContentScript({
  matches: MAIL_MATCHES,
  runAt: 'document_idle',
  main() {
    const url = location.href;
    const builtIn = isGmail(url) ? gmail : isOutlook(url) ? outlook : undefined;
    // Where the user picked the name or email on this site by hand, those picks are tried first.
    return runHostScript({ builtIn, withPicks: builtIn && ((picks) => withMailPicks(builtIn, picks)), family: 'mail', openDraft: openReplyIfNeeded });
  },
});
