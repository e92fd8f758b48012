/**
 * Merging what we learn about a contact from many places. Each fact keeps its source and the
 * moment it was observed; a fact observed earlier never overwrites one observed later, whatever
 * its source (an old CSV re-imported does not undo today's edit).
 */
import type { PageContext } from './hosts/types';
import { storedTone, type ThreadMessage } from './engine/tone';
import { formatDay } from './engine/calendar';
import type { ManualEdit } from './model';
import { FACTS, type PlainValue } from './facts';
import type { Ask, Contact, ContactFacts, FactKey, FactSource } from './model';

type AnyFact = { value: unknown; source: FactSource };

/** True when `incoming` should replace `existing`. Ties go to the newcomer (same moment, newer write). */
export function isNewer(existing: AnyFact | undefined, incoming: AnyFact): boolean {
  return !existing || incoming.source.observedAt >= existing.source.observedAt;
}

export function setFact<K extends FactKey>(facts: ContactFacts, key: K, fact: NonNullable<ContactFacts[K]>): ContactFacts {
  if (!isNewer(facts[key], fact)) return facts;
  return { ...facts, [key]: fact };
}

/** Facts as a page, an import row or the user gives them; `null` clears one (typed by the user only). */
export type FactChanges = { [K in FactKey]?: PlainValue<K> | null };

/**
 * The one way facts come into a contact, whatever the source: each replaces the stored fact only
 * when observed as late or later (newer wins: an old CSV re-imported does not undo today's edit).
 * An NPS score keeps the day it was answered only when the same source says so. A source stamped
 * after `now` counts as `now`; the user's own edit always wins (issue 31: a file dated 2099 must
 * not make every later edit vanish).
 */
export function foldFacts(facts: ContactFacts, changes: FactChanges, given: FactSource, now?: string): ContactFacts {
  // A stamp ahead of the clock (a file dated in the future) is taken as written now.
  const source = now && given.observedAt > now ? { ...given, observedAt: now } : given;
  // What the user types wins over anything stored, whatever its stamp (issue 31).
  const always = source.kind === 'manual';
  let next = facts;
  for (const { key, kind } of FACTS) {
    const value = changes[key];
    if (value === undefined || (!always && !isNewer(next[key], { value, source }))) continue;
    if (value === null) {
      const { [key]: _gone, ...rest } = next;
      next = rest;
    } else {
      next = { ...next, [key]: { value: kind === 'nps' ? { score: value } : value, source } };
    }
  }
  return next;
}

export function emptyContact(email: string, now: string): Contact {
  return { email: email.toLowerCase(), name: '', company: '', facts: {}, neverAsk: false, updatedAt: now };
}

const FREE_MAIL = new Set(
  'gmail googlemail yahoo ymail hotmail outlook live msn aol icloud me mac proton protonmail pm gmx web mail yandex zoho fastmail hey'.split(' '),
);

/** An address's domain, and the name its owner registered ("acme" for dana@mail.acme.co.uk). */
function mailDomain(email: string): { domain: string; name: string } {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const labels = domain.split('.');
  const name =
    labels.length > 2 && /^(co|com|org|net|ac|gov)$/.test(labels[labels.length - 2]!) ? labels[labels.length - 3]! : (labels[labels.length - 2] ?? '');
  return { domain, name };
}

/**
 * Which company a person is at, as a key: their email's domain, or, for a free mail address, the
 * company named on the contact. Two people with one key are colleagues (one ask per company per
 * cool-down, issue 19); `undefined` when nothing says.
 */
export function companyKey(email: string, company = ''): string | undefined {
  const { domain, name } = mailDomain(email);
  if (!FREE_MAIL.has(name)) return domain;
  const named = company.trim().toLowerCase();
  return named ? `company:${named}` : undefined;
}

/**
 * The asks whose people must be read to find a contact's latest colleague ask, before anyone's
 * company is read (issue 16: a sidebar reads a few names, not everyone asked lately): for a contact
 * at a company domain, the latest counted ask to someone else at that domain alone; for a
 * free-mail contact known by company name, every counted ask to a free-mail address. Indexed once,
 * so the queue asks it of thousands of contacts cheaply.
 */
export function colleagueCandidatesOf<A extends Pick<Ask, 'email' | 'askedAt' | 'status' | 'discardedAt'>>(
  asks: readonly A[],
): (contact: Pick<Contact, 'email' | 'company'>) => A[] {
  const byDomain = new Map<string, A[]>();
  const freeMail: A[] = [];
  for (const ask of asks) {
    if (ask.discardedAt || ask.status === 'drafted') continue;
    const { domain, name } = mailDomain(ask.email);
    if (FREE_MAIL.has(name)) freeMail.push(ask);
    else byDomain.set(domain, [...(byDomain.get(domain) ?? []), ask]);
  }
  for (const list of byDomain.values()) list.sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  return (contact) => {
    const key = companyKey(contact.email, contact.company);
    if (!key) return [];
    if (key.startsWith('company:')) return freeMail.filter((a) => a.email !== contact.email);
    const latest = byDomain.get(key)?.find((a) => a.email !== contact.email);
    return latest ? [latest] : [];
  };
}

/** `colleagueCandidatesOf` for one contact. */
export const colleagueCandidates = <A extends Pick<Ask, 'email' | 'askedAt' | 'status' | 'discardedAt'>>(
  contact: Pick<Contact, 'email' | 'company'>,
  asks: readonly A[],
): A[] => colleagueCandidatesOf(asks)(contact);

/**
 * Finds, for any contact, the latest counted ask to a colleague (same company, another person):
 * the asks are indexed by company once, so the queue asks it of thousands of contacts cheaply.
 */
export function colleagueAsks(
  asks: readonly Pick<Ask, 'email' | 'askedAt' | 'status' | 'discardedAt'>[],
  people: ReadonlyMap<string, { name: string; company: string }>,
): (contact: Pick<Contact, 'email' | 'company'>) => { email: string; name: string; company: string; askedAt: string } | undefined {
  const byCompany = new Map<string, Array<{ email: string; name: string; company: string; askedAt: string }>>();
  for (const ask of asks) {
    if (ask.discardedAt || ask.status === 'drafted') continue;
    const who = people.get(ask.email) ?? { name: '', company: '' };
    const key = companyKey(ask.email, who.company);
    if (!key) continue;
    byCompany.set(key, [...(byCompany.get(key) ?? []), { email: ask.email, name: who.name, company: who.company, askedAt: ask.askedAt }]);
  }
  for (const list of byCompany.values()) list.sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  return (contact) => {
    const key = companyKey(contact.email, contact.company);
    const found = key ? byCompany.get(key)?.find((a) => a.email !== contact.email) : undefined;
    return found && { ...found, company: found.company || contact.company };
  };
}

/** "dana@acme-logistics.example" -> "Acme Logistics"; nothing for free mail providers. */
export function companyFromEmail(email: string): string {
  const { name } = mailDomain(email);
  if (FREE_MAIL.has(name)) return '';
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * The company a page adds to a contact: the one the page shows replaces a guess (issue 32: a
 * record saying "Lindqvist Design AB" beats "Lindqvistdesign" from the domain), never a company
 * a file, a page or the user gave. Only when nothing names one is the domain a guess, marked so.
 * A company stored before guesses were marked is taken as one when it is exactly what the guess gives.
 */
function companyOf(contact: Contact, shown: string | undefined): Pick<Contact, 'company' | 'companyGuessed'> {
  const guessed = !!contact.company && (contact.companyGuessed || contact.company === companyFromEmail(contact.email));
  if (shown && (!contact.company || guessed)) return { company: shown, companyGuessed: undefined };
  if (contact.company) return { company: contact.company, companyGuessed: contact.companyGuessed };
  const guess = companyFromEmail(contact.email);
  return { company: guess, companyGuessed: guess ? true : undefined };
}

/** Folds the facts a page showed into the stored contact ("seen in HubSpot on Nov 3"). */
export function applyPage(contact: Contact, page: PageContext, now: string): Contact {
  const source: FactSource = { kind: page.host === 'gmail' || page.host === 'outlook' ? 'page' : 'crm', label: page.hostLabel, observedAt: now };
  const facts = foldFacts(contact.facts, page.facts ?? {}, source);
  const recentMessages = threadSignals(contact.email, page) ?? contact.recentMessages;
  const signalsChanged = JSON.stringify(recentMessages) !== JSON.stringify(contact.recentMessages);
  return {
    ...contact,
    ...(recentMessages ? { recentMessages } : {}),
    // A page's name wins over an empty one; a name the user typed is kept.
    name: contact.name || page.contact?.name || '',
    ...companyOf(contact, page.contact?.company),
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
    if (mine) return { mine, ...(date ? { date } : {}), text: '' };
    const text = m.text.slice(0, 2_000);
    return { mine, ...(date ? { date } : {}), text, tone: storedTone(text) };
  });
}

/** The signals of the last thread seen with a contact: their messages, and when we wrote. */
export function storedThread(contact: Contact): { clientMessages: ThreadMessage[]; ourMessageDates: string[] } {
  const messages = contact.recentMessages ?? [];
  return {
    clientMessages: messages.filter((m) => !m.mine).map((m) => ({ from: contact.email, date: m.date, text: m.text, tone: m.tone })),
    ourMessageDates: messages.flatMap((m) => (m.mine && m.date ? [m.date] : [])),
  };
}

/** Applies what the user typed in the sidebar. Manual edits are facts observed now. */
export function applyManualEdit(contact: Contact, edit: ManualEdit, now: string): Contact {
  const source: FactSource = { kind: 'manual', label: 'you', observedAt: now };
  let facts = foldFacts(contact.facts, edit, source);
  // The day an NPS was answered belongs to the answer: set with it, or on the stored one.
  if (edit.npsAnsweredOn !== undefined && facts.nps && edit.nps !== null) {
    const { answeredOn: _old, ...answer } = facts.nps.value;
    facts = { ...facts, nps: { value: edit.npsAnsweredOn === null ? answer : { ...answer, answeredOn: edit.npsAnsweredOn }, source } };
  }
  return {
    ...contact,
    name: edit.name ?? contact.name,
    company: edit.company ?? contact.company,
    companyGuessed: edit.company !== undefined ? undefined : contact.companyGuessed,
    neverAsk: edit.neverAsk ?? contact.neverAsk,
    snoozedUntil: edit.snoozedUntil === null ? undefined : (edit.snoozedUntil ?? contact.snoozedUntil),
    facts,
    updatedAt: now,
  };
}

/** "you, Nov 20", "seen in HubSpot on Nov 3", "imported from crm.csv on Nov 2". */
export function describeSource(source: FactSource): string {
  // Not toLocaleDateString: it builds a date formatter per call (~0.4 ms in the worker, eight facts a view, issue 16).
  const on = formatDay(new Date(source.observedAt), 'MMM d, yyyy');
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
