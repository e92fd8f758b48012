/**
 * "Who to ask": the queue itself (cached, `queue-cache.ts`), and "Compose in Gmail" from one of
 * its rows, which opens a Gmail compose with the ask already in it (issue 18, item 12).
 */
import { storedThread } from '@/lib/contacts';
import { ASK_ADVISED, evaluate } from '@/lib/engine';
import { isNeverAsk } from '@/lib/never-ask';
import { render } from '@/lib/templates/render';
import { templateValues } from '@/lib/templates/values';
import { templateFor } from '@/lib/views';
import type { Handlers } from '../router';
import type { Deps } from './deps';
import { recordInsert } from './asks';

/** Gmail's own compose address, addressed and filled in; opened by the user's click in a new tab. */
export function gmailComposeUrl(to: string, subject = '', body = ''): string {
  const params = new URLSearchParams({ view: 'cm', fs: '1', to, ...(subject ? { su: subject } : {}), ...(body ? { body } : {}) });
  return `https://mail.google.com/mail/?${params}`;
}

export function queueHandlers({ store, queue, hub, now }: Deps): Pick<Handlers, 'queue/list' | 'queue/compose'> {
  return {
    'queue/list': () => queue.rows(now()),

    async 'queue/compose'({ email }) {
      const [contact, asks, templates, profile, settings, neverAsk] = await Promise.all([
        store.getContact(email),
        store.asksFor(email),
        store.templates(),
        store.profile(),
        store.settings(),
        store.neverAskList(),
      ]);
      if (!contact) throw new Error('That contact is no longer stored.');
      const at = now();
      const evaluation = evaluate({
        contact: { ...contact, neverAsk: isNeverAsk(contact, neverAsk) },
        ...storedThread(contact),
        asks,
        now: at,
        settings,
        withoutSendTime: true,
        colleagueAsk: await hub.colleagueAsk(contact, settings.askCooldownDays, at),
      });
      if (evaluation.neverAsk) throw new Error(`${contact.name || email} is on your never-ask list.`);
      // Where an ask is not advised yet (a window about to open, a colleague asked lately), the draft opens empty, and says why.
      if (!ASK_ADVISED.has(evaluation.verdict.kind) && !evaluation.followUpDue) {
        return { url: gmailComposeUrl(email), missing: [], note: `No ask written in: ${evaluation.verdict.headline}.` };
      }
      const template = templateFor(contact, evaluation, templates, profile.peerFirst);
      if (!template) throw new Error('No template to write the ask with: add one in the settings.');
      const rendered = render(template, templateValues(contact, profile));
      // Recorded as a draft, as an insert is: it counts as asked once the sent message shows in a thread.
      await recordInsert(store, { email, template, rendered, segment: contact.facts.segment?.value, now: at.toISOString() });
      return { url: gmailComposeUrl(email, rendered.subject, rendered.text), template: template.name, missing: rendered.missing };
    },
  };
}
