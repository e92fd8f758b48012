/**
 * What each extension page shows, computed in the background from stored data and the page on
 * screen, so that the pages only render (and the engine runs in one place).
 */
import { describeSource, storedThread } from './contacts';
import { LOGGING_GUIDES, type LoggingAddresses, type LoggingCrm } from './crm/logging';
import type { ColleagueAsk, Evaluation } from './engine';
import { askOf, choicesOf, judge, templateOf } from './case';
import { resultSuggestions, type ResultSuggestion } from './engine/tone';
import type { EngineSettings } from './engine/settings';
import type { PageContext } from './hosts/types';
import type { Ask, Contact, FactKey } from './model';
import { loopStep } from './asks/pipeline';
import type { Profile, Template } from './templates/schema';
import type { NeverAskList } from './never-ask';

export interface PageSummary {
  host: PageContext['host'];
  hostLabel: string;
  url: string;
  composeCount: number;
  /** No draft open, but the insert can open a reply first. */
  canReply: boolean;
  missing: string[];
  /** More than one person on the page: the user chooses. */
  ambiguous?: PageContext['ambiguous'];
}

export interface ContactView {
  state: 'contact';
  page: PageSummary;
  contact: Contact;
  /** Where each known fact came from, in words. */
  factSources: Partial<Record<FactKey, string>>;
  evaluation: Evaluation;
  /** The template Insert writes, the exact text it writes (gaps marked), and the others that fit to choose from. */
  template?: { id: string; name: string; missing: string[]; text: string; recommended: string; choices: Array<{ id: string; name: string }> };
  /** True when the contact's name/email came from the page rather than being typed. */
  fromPage: boolean;
  /** An ask (or its follow-up) is advised now: the Insert button is the primary action. */
  askAdvised: boolean;
  /** The verdict advises against asking (fix first, too early, never-ask, snoozed, asked lately): Insert asks "are you sure?" first. */
  insertNeedsConfirmation: boolean;
  /** The latest ask inserted but not seen sent yet (it counts as asked once sent). */
  draftedAt?: string;
  /** Their own words for {{results}}, from the thread, while the contact has no result (issue 19). */
  resultSuggestions: ResultSuggestion[];
  /** This person was introduced by a client: who, and when (issue 19). */
  referredBy?: ReferredBy;
  /** This address is another of a stored contact's (issue 31): the sidebar offers that contact. */
  otherAddressOf?: { email: string; name: string };
  /** Where Insert sends a copy: each CRM's logging address it puts in the draft's Bcc (issue 34). */
  crmCopy?: Array<{ crm: string; address: string }>;
  /** Closing the loop with this client after their intro: a thank-you, or an update on how it went. */
  loop?: { part: 'thanks' | 'update'; label: string };
  /** A double opt-in ask they said OK to: waiting for their peer to agree, or agreed (the intro with your details may go). */
  peerFirst?: 'waiting' | 'agreed';
}

export interface ReferredBy {
  name: string;
  email: string;
  company: string;
  introducedAt: string;
  /** The ask's status: introduced, or converted once this person became a customer. */
  status: string;
}

export type SidebarView =
  | { state: 'waiting' }
  /** A sidebar page this extension did not mount (framed by the page itself): served nothing. */
  | { state: 'not-ours' }
  | { state: 'no-contact'; page: PageSummary; message: string }
  | ContactView;

/** What the background sends the browser's side panel: the view of the tab it shows. */
export interface PanelMessage {
  tabId: number;
  view: SidebarView;
}

export function summarizePage(page: PageContext): PageSummary {
  return {
    host: page.host,
    hostLabel: page.hostLabel,
    url: page.url,
    composeCount: page.composeCount,
    canReply: !!page.canReply,
    missing: page.missing,
    ...(page.ambiguous ? { ambiguous: page.ambiguous } : {}),
  };
}

/** What the sidebar says when it shows no contact, in the user's words. */
export function noContactMessage(page: PageContext): string {
  if (page.ambiguous) return `This ${page.hostLabel} page shows more than one person. Choose the one you are writing to, or enter the contact below.`;
  if (page.missing.some((m) => m === 'an open email thread' || m === 'an open email' || m === 'an open email conversation'))
    return 'Open an email to see the client.';
  if (page.missing.some((m) => m.startsWith('a contact record'))) return `Open a contact record in ${page.hostLabel} to see the client.`;
  const problems = page.missing.filter((m) => !m.startsWith('your own address'));
  if (problems.length) return 'Enter the contact below, or pick the missing field on the page.';
  return `No contact on this ${page.hostLabel} page. Open a thread or a record, or enter the contact below.`;
}

/** The client's own messages in the thread on screen (not ours, not other people's). */
export function clientMessages(page: PageContext | undefined, email: string) {
  return (page?.thread?.messages ?? []).filter((m) => m.from === email);
}

/** The CRMs an insert here copies (their logging addresses into a webmail draft's Bcc, issue 34). */
function crmCopyOf(page: PageContext, logging: LoggingAddresses | undefined): Pick<ContactView, 'crmCopy'> {
  if (page.host !== 'gmail' && page.host !== 'outlook') return {};
  const copies = (Object.entries(logging ?? {}) as Array<[LoggingCrm, string | undefined]>).flatMap(([crm, address]) =>
    address ? [{ crm: LOGGING_GUIDES[crm].label, address }] : [],
  );
  return copies.length ? { crmCopy: copies } : {};
}

export function buildContactView(input: {
  page: PageContext;
  contact: Contact;
  asks: Ask[];
  templates: Template[];
  profile: Profile;
  settings: EngineSettings;
  neverAsk: NeverAskList;
  now: Date;
  colleagueAsk?: ColleagueAsk;
  referredBy?: ReferredBy;
  otherAddressOf?: { email: string; name: string };
  /** The template the user picked in the sidebar for this contact, if any. */
  picked?: string;
  crmLogging?: LoggingAddresses;
}): ContactView {
  const { page, asks, settings, now } = input;
  // The thread on screen when it is theirs, else the last one seen with them: the queue judges on the same.
  const onScreen = clientMessages(page, input.contact.email);
  const thread = onScreen.length
    ? { clientMessages: onScreen, ourMessageDates: (page.thread?.messages ?? []).flatMap((m) => (m.from === page.accountEmail && m.date ? [m.date] : [])) }
    : storedThread(input.contact);
  const judged = judge({ contact: input.contact, asks, settings, neverAsk: input.neverAsk, now, colleagueAsk: input.colleagueAsk, thread });
  const { contact, evaluation, advice } = judged;
  const factSources: ContactView['factSources'] = {};
  for (const [key, fact] of Object.entries(contact.facts)) {
    if (fact) factSources[key as FactKey] = describeSource(fact.source);
  }
  const ask = askOf(judged, input.templates, input.profile, input.picked);
  const recommended = templateOf(judged, input.templates, input.profile);
  return {
    state: 'contact',
    page: summarizePage(page),
    contact,
    factSources,
    evaluation,
    template: ask && {
      id: ask.template.id,
      name: ask.template.name,
      missing: ask.rendered.missing,
      text: ask.rendered.text.trim(),
      recommended: recommended?.id ?? ask.template.id,
      choices: choicesOf(judged, input.templates).map((t) => ({ id: t.id, name: t.name })),
    },
    fromPage: !!page.contact?.email,
    askAdvised: advice.advised,
    insertNeedsConfirmation: advice.confirm,
    resultSuggestions: contact.facts.results ? [] : resultSuggestions(thread.clientMessages),
    ...(input.referredBy ? { referredBy: input.referredBy } : {}),
    ...(input.otherAddressOf ? { otherAddressOf: input.otherAddressOf } : {}),
    ...crmCopyOf(page, input.crmLogging),
    ...loopOf(asks, now, settings.referralStallDays),
    ...peerFirstOf(asks),
    draftedAt: judged.openDraft?.askedAt,
  };
}

/** Where a double opt-in ask they accepted stands: the peer's yes comes before your details. */
function peerFirstOf(asks: Ask[]): Pick<ContactView, 'peerFirst'> {
  const accepted = asks.filter((a) => a.status === 'accepted' && !a.discardedAt).sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
  if (!accepted?.doubleOptIn) return {};
  return { peerFirst: accepted.peerAgreedAt ? 'agreed' : 'waiting' };
}

/** The loop to close with this client, from their latest intro that has one. */
function loopOf(asks: Ask[], now: Date, stallDays: number): Pick<ContactView, 'loop'> {
  for (const ask of [...asks].sort((a, b) => b.askedAt.localeCompare(a.askedAt))) {
    const loop = loopStep(ask, now, stallDays);
    if (loop) return { loop };
  }
  return {};
}
