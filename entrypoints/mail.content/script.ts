/** What the mail content script runs with on a page: its family's dispatch (the tests call this too). */
import { adapterIn } from '@/lib/hosts/dispatch';
import { MAIL_ADAPTERS } from '@/lib/hosts/mail-hosts';
import { MAIL_HOSTS } from '@/lib/hosts/registry';
import { openReplyIfNeeded } from '@/lib/hosts/compose';
import { withMailPicks } from '@/lib/hosts/picks';
import type { HostScript } from '../host.content/run';

export function mailScript(url: string): HostScript {
  const builtIn = adapterIn(MAIL_HOSTS, MAIL_ADAPTERS, url);
  // Where the user picked the name or email on this site by hand, those picks are tried first.
  return { builtIn, withPicks: builtIn && ((picks) => withMailPicks(builtIn, picks)), family: 'mail', openDraft: openReplyIfNeeded };
}
