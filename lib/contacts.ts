/**
 * Merging what we learn about a contact from many places. Each fact keeps its source and the
 * moment it was observed; a fact observed earlier never overwrites one observed later, whatever
 * its source (an old CSV re-imported does not undo today's edit).
 */
import type { PageContext } from './hosts/types';
import type { ManualEdit } from './messaging/protocol';
import type { Contact, ContactFacts, FactKey, FactSource } from './model';

type AnyFact = { value: unknown; source: FactSource };

/** True when `incoming` should replace `existing`. Ties go to the newcomer (same moment, newer write). */
export function isNewer(existing: AnyFact | undefined, incoming: AnyFact): boolean {
  return !existing || incoming.source.observedAt >= existing.source.observedAt;
}

export function setFact<K extends FactKey>(facts: ContactFacts, key: K, fact: NonNullable<ContactFacts[K]>): ContactFacts {
  if (!isNewer(facts[key], fact)) return facts;
  return { ...facts, [key]: fact };
}

export function emptyContact(email: string, now: string): Contact {
  return { email: email.toLowerCase(), name: '', company: '', facts: {}, neverAsk: false, updatedAt: now };
}

const FREE_MAIL = new Set('gmail googlemail yahoo ymail hotmail outlook live msn aol icloud me mac proton protonmail pm gmx web mail yandex zoho fastmail hey'.split(' '));

/** "dana@acme-logistics.example" -> "Acme Logistics"; nothing for free mail providers. */
export function companyFromEmail(email: string): string {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const labels = domain.split('.');
  const name = labels.length > 2 && /^(co|com|org|net|ac|gov)$/.test(labels[labels.length - 2]!) ? labels[labels.length - 3]! : labels[labels.length - 2] ?? '';
  if (FREE_MAIL.has(name)) return '';
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Folds the facts a page showed into the stored contact ("seen in HubSpot on Nov 3"). */
export function applyPage(contact: Contact, page: PageContext, now: string): Contact {
  const source: FactSource = { kind: page.host === 'gmail' || page.host === 'outlook' ? 'page' : 'crm', label: page.hostLabel, observedAt: now };
  let facts = contact.facts;
  const f = page.facts ?? {};
  if (f.customerSince) facts = setFact(facts, 'customerSince', { value: f.customerSince, source });
  if (f.nps !== undefined) facts = setFact(facts, 'nps', { value: { score: f.nps }, source });
  if (f.csat !== undefined) facts = setFact(facts, 'csat', { value: f.csat, source });
  if (f.openTickets !== undefined) facts = setFact(facts, 'openTickets', { value: f.openTickets, source });
  if (f.spend90d !== undefined) facts = setFact(facts, 'spend90d', { value: f.spend90d, source });
  if (f.timeZone) facts = setFact(facts, 'timeZone', { value: f.timeZone, source });
  if (f.lifecycleStage) facts = setFact(facts, 'lifecycleStage', { value: f.lifecycleStage, source });
  if (f.segment) facts = setFact(facts, 'segment', { value: f.segment, source });
  const recentMessages = threadSignals(contact.email, page) ?? contact.recentMessages;
  const signalsChanged = JSON.stringify(recentMessages) !== JSON.stringify(contact.recentMessages);
  return {
    ...contact,
    ...(recentMessages ? { recentMessages } : {}),
    // A page's name wins over an empty one; a name the user typed is kept.
    name: contact.name || page.contact?.name || '',
    // Webmail shows no company: the sender's domain is a good first guess, editable in the sidebar.
    company: contact.company || page.contact?.company || companyFromEmail(contact.email),
    facts,
    // To the hour: a page visit then writes (and invalidates the queue) at most hourly, not on every look.
    lastSeenAt: contact.lastSeenAt?.slice(0, 13) === now.slice(0, 13) ? contact.lastSeenAt : now,
    recordUrl: source.kind === 'crm' ? page.url : contact.recordUrl,
    updatedAt: facts === contact.facts && contact.name && !signalsChanged ? contact.updatedAt : now,
  };
}

/** The thread's latest messages between the user and this contact, as kept on the contact (ours without text). */
export function threadSignals(email: string, page: PageContext): Contact['recentMessages'] {
  const messages = (page.thread?.messages ?? []).filter((m) => m.from === email || (page.accountEmail && m.from === page.accountEmail));
  if (!messages.length) return undefined;
  return messages.slice(-12).map((m) => {
    const mine = m.from !== email;
    const date = m.date && !Number.isNaN(Date.parse(m.date)) ? new Date(m.date).toISOString() : undefined;
    return { mine, ...(date ? { date } : {}), text: mine ? '' : m.text.slice(0, 2_000) };
  });
}

/** The signals of the last thread seen with a contact: their messages, and when we wrote. */
export function storedThread(contact: Contact): { clientMessages: Array<{ from: string; date?: string; text: string }>; ourMessageDates: string[] } {
  const messages = contact.recentMessages ?? [];
  return {
    clientMessages: messages.filter((m) => !m.mine).map((m) => ({ from: contact.email, date: m.date, text: m.text })),
    ourMessageDates: messages.flatMap((m) => (m.mine && m.date ? [m.date] : [])),
  };
}

/** Applies what the user typed in the sidebar. Manual edits are facts observed now. */
export function applyManualEdit(contact: Contact, edit: ManualEdit, now: string): Contact {
  const source: FactSource = { kind: 'manual', label: 'you', observedAt: now };
  const facts: Record<string, unknown> = { ...contact.facts };
  const set = (key: FactKey, value: unknown) => {
    if (value === undefined) return;
    if (value === null) delete facts[key];
    else facts[key] = { value, source };
  };
  set('customerSince', edit.customerSince);
  if (edit.nps !== undefined) {
    set('nps', edit.nps === null ? null : { score: edit.nps, ...(edit.npsAnsweredOn ? { answeredOn: edit.npsAnsweredOn } : {}) });
  } else if (edit.npsAnsweredOn !== undefined && contact.facts.nps) {
    const { answeredOn: _old, ...rest } = contact.facts.nps.value;
    set('nps', edit.npsAnsweredOn === null ? rest : { ...rest, answeredOn: edit.npsAnsweredOn });
  }
  set('csat', edit.csat);
  set('openTickets', edit.openTickets);
  set('spend90d', edit.spend90d);
  set('spendTotal', edit.spendTotal);
  set('timeZone', edit.timeZone);
  set('segment', edit.segment);
  set('results', edit.results);
  return {
    ...contact,
    name: edit.name ?? contact.name,
    company: edit.company ?? contact.company,
    neverAsk: edit.neverAsk ?? contact.neverAsk,
    snoozedUntil: edit.snoozedUntil === null ? undefined : (edit.snoozedUntil ?? contact.snoozedUntil),
    facts: facts as ContactFacts,
    updatedAt: now,
  };
}

/** "you, Nov 20", "seen in HubSpot on Nov 3", "imported from crm.csv on Nov 2". */
export function describeSource(source: FactSource): string {
  const on = new Date(source.observedAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
  switch (source.kind) {
    case 'manual':
      return `entered by you on ${on}`;
    case 'crm':
      return `seen in ${source.label ?? 'your CRM'} on ${on}`;
    case 'import':
      return `imported from ${source.label ?? 'a file'} on ${on}`;
    case 'page':
      return `read from ${source.label ?? 'the page'} on ${on}`;
  }
}
