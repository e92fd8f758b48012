/**
 * "Insert referral ask": renders the template the tab's sidebar shows for its contact and has
 * that tab's content script put it into the open draft (addressed to that contact, checked there);
 * the ask is then recorded. From the sidebar or the popup, and from the keyboard shortcut.
 */
import { commandTab } from '@/lib/messaging/client';
import { draftQuestion, recipientsKey } from '@/lib/identity';
import type { InsertResult } from '@/lib/hosts/types';
import type { InsertOutcome } from '@/lib/messaging/protocol';
import type { Handlers } from '../router';
import type { Deps } from './deps';
import { DEFAULT_TEMPLATES } from '@/lib/templates/defaults';
import { render } from '@/lib/templates/render';
import { noteValues, templateValues } from '@/lib/templates/values';
import { recordInsert, snippetOf } from '../ask-rules';
import { loopStep } from '@/lib/asks/pipeline';
import type { Contact } from '@/lib/model';
import type { Profile, Template } from '@/lib/templates/schema';

/**
 * What only the user should decide to send (issue 21): the result stored for the client and the
 * user's own phone and email. Inserted only when the user has them in view, in the sidebar or
 * popup they clicked; the keyboard shortcut, pressed on a page that may name anyone, leaves them
 * as gaps to fill unless that tab's sidebar is open on that contact.
 */
const CONFIDENTIAL = ['results', 'myEmail', 'myPhone'] as const;

interface InsertOptions {
  part: 'ask' | 'intro' | 'thanks' | 'update';
  /** The user confirmed an ask the verdict does not advise. */
  confirmed?: boolean;
  /** The user sees this contact's facts and their own details (sidebar or popup click); false from the shortcut. */
  seen: boolean;
  /** The draft's recipients the user said yes to, when it is not addressed to the contact. */
  confirmedFor?: string;
  /** False: no copy to the CRM's logging address for this ask (issue 34); on when one is set. */
  crmCopy?: boolean;
}

/**
 * Has the tab's content script write `rendered` into its open draft for `contact`, through the
 * draft gate: `where` it went, or what the user reads instead (the gate's question names the
 * contact and the draft's recipients; nothing was written).
 */
async function write(
  tabId: number,
  contact: Contact,
  rendered: { html: string; text: string; subject?: string },
  extra: { snippet?: string; confirmedFor?: string; bcc?: string[] },
): Promise<{ where: 'caret' | 'top'; copied: string } | InsertOutcome> {
  let result: InsertResult;
  try {
    result = await commandTab(tabId, {
      type: 'compose/insert',
      html: rendered.html,
      text: rendered.text,
      subject: rendered.subject || undefined,
      to: contact.email,
      ...extra,
    });
  } catch {
    return { ok: false, message: 'The page did not answer: reload the tab and try again.' };
  }
  if (result?.ok) return { where: result.where, copied: copyWords(extra.bcc ?? [], result.copy) };
  if (result && 'confirm' in result) {
    const who = contact.name ? `${contact.name} (${contact.email})` : contact.email;
    return { ok: false, message: draftQuestion(result.confirm, contact.email, who), confirm: { ...result.confirm, key: recipientsKey(result.confirm) } };
  }
  return { ok: false, message: result?.reason ?? 'Could not insert into the compose box.' };
}

/** What the user reads of the CRM's copy: where it goes, or the address to put in Bcc by hand. */
function copyWords(asked: string[], copy: { added: string[]; failed: string[] } | undefined): string {
  if (!asked.length) return '';
  const failed = copy ? copy.failed : asked;
  if (failed.length) return ` The copy to your CRM was not added: put ${failed.join(', ')} in Bcc yourself.`;
  return copy!.added.length ? " A copy goes to your CRM (its logging address is in the draft's Bcc)." : " Your CRM's logging address was already in Bcc.";
}

/**
 * The logging addresses an insert puts in Bcc: those the user gave, unless turned off for this ask;
 * in a webmail's draft only (a CRM's own composer logs its emails itself).
 */
async function copyTo({ store, hub }: Pick<Deps, 'store' | 'hub'>, tabId: number, crmCopy: boolean | undefined): Promise<string[]> {
  const host = (await hub.page(tabId))?.host;
  if (crmCopy === false || (host !== 'gmail' && host !== 'outlook')) return [];
  return [...new Set(Object.values(await store.loggingAddresses()).filter((a): a is string => Boolean(a)))];
}

export function inserter({ store, hub, now }: Deps) {
  /** A thank-you for an intro, or the update on how it went (issue 19): for the ask whose loop is open; recorded on it once inserted. */
  async function closeLoop(
    tabId: number,
    email: string,
    part: 'thanks' | 'update',
    contact: Contact,
    templates: Template[],
    profile: Profile,
    bcc: Promise<string[]>,
    confirmedFor?: string,
  ): Promise<InsertOutcome> {
    const { referralStallDays } = await store.settings();
    const at = now();
    const ask = (await store.asksFor(email))
      .filter((a) => loopStep(a, at, referralStallDays)?.part === part)
      .sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
    if (!ask) return { ok: false, message: part === 'thanks' ? 'No intro to thank them for.' : 'No intro to give news about yet.' };
    const template = templates.find((t) => t.kind === part) ?? DEFAULT_TEMPLATES.find((t) => t.kind === part)!;
    const values = {
      ...templateValues(contact, profile),
      referralName: ask.referral?.name || ask.referral?.email || '',
      referralOutcome: ask.status === 'converted' ? 'they are now a customer' : 'we are still talking, and I will keep you posted',
    };
    const rendered = render(template, values, noteValues(contact, profile));
    const written = await write(tabId, contact, rendered, { confirmedFor, bcc: await bcc });
    if (!('where' in written)) return written;
    await store.updateAsk(ask.id, (a) => (part === 'thanks' ? { ...a, thankedAt: at.toISOString() } : { ...a, loopClosedAt: at.toISOString() }));
    return { ok: true, missing: rendered.missing, message: `Inserted "${template.name}".${written.copied}` };
  }

  return async (tabId: number, email: string, { part, confirmed = false, seen, confirmedFor, crmCopy }: InsertOptions): Promise<InsertOutcome> => {
    // Read while the text is made (a read of the database: ~2 ms of an insert in Firefox otherwise).
    const bcc = copyTo({ store, hub }, tabId, crmCopy);
    bcc.catch(() => undefined);
    // Only for the contact this tab's sidebar shows: a request cannot aim an ask elsewhere.
    if ((await hub.contactEmail(tabId)) !== email) {
      return { ok: false, message: 'This tab shows another contact now; look again and retry.' };
    }
    const { view, templates, profile } = await hub.current(tabId, email);
    if (view.state !== 'contact' || !view.template || !templates || !profile) return { ok: false, message: 'No template to insert: add one in the options.' };
    if (view.evaluation.neverAsk && !confirmed) return { ok: false, message: `${view.contact.name || email} is on your never-ask list.` };
    if (part === 'thanks' || part === 'update') return closeLoop(tabId, email, part, view.contact, templates, profile, bcc, confirmedFor);
    const template = templates.find((t) => t.id === view.template!.id)!;
    const values = templateValues(view.contact, profile);
    const note = noteValues(view.contact, profile);
    const inView = seen || (await hub.showsOpen(tabId, email));
    if (!inView) for (const key of CONFIDENTIAL) values[key] = note[key] = '';
    // The intro with the user's details: a double opt-in template's own note only asked the peer, so the default intro follows their yes.
    const intro = template.intro.trim() && !(part === 'intro' && template.doubleOptIn) ? template.intro : DEFAULT_TEMPLATES[0]!.intro;
    const rendered =
      part === 'intro'
        ? render({ subject: '', ask: '', leadIn: 'Here is the note to forward to your peer, ready as it is:', intro }, values, note)
        : render(template, values, note);
    const written = await write(tabId, view.contact, rendered, {
      snippet: part === 'ask' ? snippetOf(rendered) : undefined,
      confirmedFor,
      bcc: await bcc,
    });
    if (!('where' in written)) return written;
    const gaps = rendered.missing.length
      ? ` Fill in the ${rendered.missing.length} gap${rendered.missing.length === 1 ? '' : 's'} marked [FILL IN] before sending.`
      : '';
    const where = written.where === 'caret' ? 'at your cursor' : 'at the top of the draft';
    if (part === 'intro') return { ok: true, missing: rendered.missing, message: `Inserted the intro to forward ${where}.${gaps}${written.copied}` };
    const ask = await recordInsert(store, {
      email,
      template,
      rendered,
      page: await hub.page(tabId),
      segment: view.contact.facts.segment?.value,
      now: now().toISOString(),
    });
    const withheld = inView ? '' : ' Your stored result and contact details were left as gaps: open the sidebar to have them filled in.';
    return { ok: true, askId: ask.id, missing: rendered.missing, message: `Inserted "${template.name}" ${where}.${gaps}${withheld}${written.copied}` };
  };
}

export function insertHandlers(deps: Deps): Pick<Handlers, 'ask/insert' | 'compose/select'> {
  const insert = inserter(deps);
  // The sidebar acts on its own tab; the popup names the active tab it shows. Either way the user sees the contact.
  return {
    'ask/insert': ({ email, part, confirmed, confirmedFor, crmCopy }, { tabId }) =>
      insert(tabId, email, { part, confirmed, seen: true, confirmedFor, crmCopy }),
    // A gap the user clicked in the sidebar, selected in the draft to be typed over.
    'compose/select': ({ text }, { tabId }) => commandTab(tabId, { type: 'compose/select', text }).catch(() => false),
  };
}
