/**
 * "Who to ask": the queue itself (cached, `queue-cache.ts`), and "Compose in Gmail" from one of
 * its rows, which opens a Gmail compose with the ask already in it (issue 18, item 12).
 */
import { askOf, judge } from '@/lib/case';
import type { Handlers } from '../router';
import type { Deps } from './deps';
import { recordInsert } from '../ask-rules';
import { dayLabel } from '@/lib/engine/calendar';

/** Gmail's own compose address, addressed and filled in; opened by the user's click in a new tab. */
export function gmailComposeUrl(to: string, subject = '', body = ''): string {
  const params = new URLSearchParams({ view: 'cm', fs: '1', to, ...(subject ? { su: subject } : {}), ...(body ? { body } : {}) });
  return `https://mail.google.com/mail/?${params}`;
}

export function queueHandlers({ store, queue, cases, outbox, now }: Deps): Pick<Handlers, 'queue/list' | 'queue/compose'> {
  return {
    async 'queue/list'() {
      const page = await queue.rows(now());
      // With a CRM connected, the first clients' records are read for a colleague's ask (never waited for; none connected: nothing).
      void outbox.readQueue(page.rows.slice(0, 10).map((r) => r.email)).catch((e) => console.error('[referral-window] CRM read', e));
      return page;
    },

    async 'queue/compose'({ email }) {
      const at = now();
      const loaded = await cases.load(email);
      if (!loaded.stored) throw new Error('That contact is no longer stored.');
      const judged = judge({ ...loaded, now: at, withoutSendTime: true });
      const { contact, evaluation, advice, openDraft } = judged;
      if (advice.never) throw new Error(`${contact.name || email} is on your never-ask list.`);
      // The sidebar's rule (lib/engine/verdicts.ts): where an ask is not advised, the draft opens empty, and says why.
      if (!advice.advised) return { url: gmailComposeUrl(email), missing: [], note: `No ask written in: ${evaluation.verdict.headline}.` };
      const ask = askOf(judged, loaded.templates, loaded.profile);
      if (!ask) throw new Error('No template to write the ask with: add one in the settings.');
      const { template, rendered } = ask;
      const url = gmailComposeUrl(email, rendered.subject, rendered.text);
      // A draft ask already open for them is the same ask: written in again, not recorded twice.
      if (openDraft)
        return {
          url,
          template: template.name,
          missing: rendered.missing,
          note: `Your draft ask of ${dayLabel(openDraft.askedAt.slice(0, 10))} is still open: this is the same ask, not recorded again.`,
        };
      // Recorded as a draft, as an insert is: it counts as asked once the sent message shows in a thread.
      await recordInsert(store, { email, template, rendered, segment: contact.facts.segment?.value, now: at.toISOString() });
      return { url, template: template.name, missing: rendered.missing };
    },
  };
}
