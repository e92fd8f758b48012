/**
 * "Who to ask": the queue itself (cached, `queue-cache.ts`), and "Compose in Gmail" from one of
 * its rows, which opens a Gmail compose with the ask already in it (issue 18, item 12).
 */
import { storedThread } from '@/lib/contacts';
import { evaluate } from '@/lib/engine';
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
      });
      if (evaluation.neverAsk) throw new Error(`${contact.name || email} is on your never-ask list.`);
      const template = templateFor(contact, evaluation, templates);
      if (!template) throw new Error('No template to write the ask with: add one in the settings.');
      const rendered = render(template, templateValues(contact, profile));
      // Recorded as a draft, as an insert is: it counts as asked once the sent message shows in a thread.
      await recordInsert(store, { email, template, rendered, segment: contact.facts.segment?.value, now: at.toISOString() });
      return { url: gmailComposeUrl(email, rendered.subject, rendered.text), template: template.name, missing: rendered.missing };
    },
  };
}
