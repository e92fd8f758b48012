/**
 * "Insert referral ask": renders the template the tab's sidebar shows for its contact and has
 * that tab's content script put it into the open draft; a sent ask is then recorded.
 */
import { commandTab } from '@/lib/messaging/client';
import type { Store } from '@/lib/db/store';
import type { InsertResult } from '@/lib/hosts/types';
import type { InsertOutcome } from '@/lib/messaging/responses';
import { DEFAULT_TEMPLATES } from '@/lib/templates/defaults';
import { render } from '@/lib/templates/render';
import { templateValues } from '@/lib/templates/values';
import { recordInsert, snippetOf } from './asks';
import type { SidebarHub } from './sidebar-hub';

export function inserter(store: Store, hub: SidebarHub, asksChanged: (email: string) => Promise<void>, now: () => string) {
  return async (tabId: number, email: string, part: 'ask' | 'intro', confirmed = false): Promise<InsertOutcome> => {
    // Only for the contact this tab's sidebar shows: a request cannot aim an ask elsewhere.
    if ((await hub.contactEmail(tabId)) !== email) {
      return { ok: false, message: 'This tab shows another contact now; look again and retry.' };
    }
    const { view, templates, profile } = await hub.current(tabId, email);
    if (view.state !== 'contact' || !view.template || !templates || !profile) return { ok: false, message: 'No template to insert: add one in the options.' };
    if (view.evaluation.neverAsk && !confirmed) return { ok: false, message: `${view.contact.name || email} is on your never-ask list.` };
    const template = templates.find((t) => t.id === view.template!.id)!;
    const values = templateValues(view.contact, profile);
    const intro = template.intro.trim() ? template.intro : DEFAULT_TEMPLATES[0]!.intro;
    const rendered =
      part === 'intro'
        ? render({ subject: '', ask: '', leadIn: 'Here is the note to forward to your peer, ready as it is:', intro }, values)
        : render(template, values);
    let result: InsertResult;
    try {
      result = await commandTab(tabId, {
        type: 'compose/insert',
        html: rendered.html,
        text: rendered.text,
        subject: rendered.subject || undefined,
        to: email,
        snippet: part === 'ask' ? snippetOf(rendered) : undefined,
      });
    } catch {
      return { ok: false, message: 'The page did not answer: reload the tab and try again.' };
    }
    if (!result?.ok) return { ok: false, message: result?.reason ?? 'Could not insert into the compose box.' };
    const gaps = rendered.missing.length ? ` Fill in the ${rendered.missing.length} highlighted gap${rendered.missing.length === 1 ? '' : 's'} before sending.` : '';
    const where = result.where === 'caret' ? 'at your cursor' : 'at the top of the draft';
    if (part === 'intro') return { ok: true, missing: rendered.missing, message: `Inserted the intro to forward ${where}.${gaps}` };
    const ask = await recordInsert(store, {
      email,
      template,
      rendered,
      page: await hub.page(tabId),
      segment: view.contact.facts.segment?.value,
      now: now(),
    });
    await asksChanged(email);
    return { ok: true, askId: ask.id, missing: rendered.missing, message: `Inserted "${template.name}" ${where}.${gaps}` };
  };
}
