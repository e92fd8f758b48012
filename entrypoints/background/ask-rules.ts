/**
 * The rules of an ask's life, apart from any request: recorded at an insert, detected as sent,
 * answered or converted from a page, moved by hand, followed up, listed. The handlers
 * (`handlers/asks.ts`, `insert.ts`, `queue.ts`, `pages.ts`) and the saved open-asks view call them.
 */
import {
  belongsToThread,
  detectReplyElsewhere,
  detectStatus,
  followUpDate,
  introducedAt,
  isFollowUpDue,
  needsYou,
  nextStep,
  urgency,
  withStatus,
  type AskRow,
} from '@/lib/asks/pipeline';
import type { Store } from '@/lib/db/store';
import { companyKey } from '@/lib/contacts';
import { isCustomerStage } from '@/lib/hosts/stages';
import { ASKS_PAGE } from '@/lib/messaging/popup-views';
import type { PageContext } from '@/lib/hosts/types';
import type { Ask, AskStatus } from '@/lib/model';
import type { Rendered } from '@/lib/templates/render';
import type { Template } from '@/lib/templates/schema';
import { addBusinessDays } from 'date-fns';

/** A distinctive line of the inserted text, to recognise the message once sent. */
export function snippetOf(rendered: Rendered): string | undefined {
  const line = rendered.text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length >= 25 && !l.startsWith('[FILL IN') && !l.startsWith('>'));
  return line?.slice(0, 60);
}

export async function recordInsert(
  store: Store,
  input: { email: string; template: Template; rendered: Rendered; page?: PageContext; segment?: string; now: string },
): Promise<Ask> {
  const { email, template, rendered, page, now } = input;
  const settings = await store.settings();
  if (template.kind === 'follow-up') {
    const open = (await store.asksFor(email))
      .filter((a) => a.status === 'sent' || a.status === 'drafted')
      .sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
    if (open) {
      return store.updateAsk(open.id, (a) => ({
        ...a,
        followedUpAt: now,
        followUpDismissed: true,
        history: [...a.history, { status: a.status, at: now, note: 'follow-up drafted' }],
      }));
    }
  }
  return store.addAsk({
    id: crypto.randomUUID(),
    email,
    templateId: template.id,
    status: 'drafted',
    askedAt: now,
    threadUrl: page?.url,
    threadId: page?.thread?.id,
    history: [{ status: 'drafted', at: now }],
    followUpAt: followUpDate(now, settings.followUpBusinessDays),
    snippet: snippetOf(rendered),
    segment: input.segment,
    ...(template.doubleOptIn ? { doubleOptIn: true } : {}),
  });
}

/**
 * A person a client introduced, now a customer by their record's own evidence (issue 31): the
 * record's own email field names them (not a link elsewhere on the page), its lifecycle field reads
 * customer in that CRM's words (`isCustomerStage`), and it shows a customer-since day on or after
 * the intro. Not the referrer themself, nor a colleague of theirs. Dated as the record says.
 */
export async function detectConversion(store: Store, page: PageContext, now: string): Promise<boolean> {
  const email = page.contact?.email;
  const stage = page.facts?.lifecycleStage;
  const since = page.facts?.customerSince;
  if (!email || !stage || !since || !isCustomerStage(page.host, stage)) return false;
  if (!page.people?.some((p) => p.email === email && (p.seen === 'record' || p.seen === 'picked'))) return false;
  let changed = false;
  for (const ask of await store.referralsOf(email)) {
    if (ask.discardedAt || ask.status !== 'introduced') continue;
    // Their own address, or someone at their own company: not a new customer they brought.
    if (ask.email === email || companyKey(ask.email) === companyKey(email)) continue;
    // A customer since before the intro was one already: the intro did not convert them.
    if (since < introducedAt(ask).slice(0, 10)) continue;
    await setStatus(store, ask.id, 'converted', now, `their ${page.hostLabel} record shows lifecycle stage "${stage}", a customer since ${since}`);
    changed = true;
  }
  return changed;
}

/** Moves this contact's asks forward from what the thread on screen shows. Returns true on a change. */
export async function detectFromPage(store: Store, page: PageContext, now: string): Promise<boolean> {
  const email = page.contact?.email;
  if (!email || !page.thread?.id) return false;
  let changed = false;
  for (const ask of await store.asksFor(email)) {
    if (ask.discardedAt) continue;
    const thread = { threadId: page.thread.id, accountEmail: page.accountEmail, messages: page.thread.messages };
    const elsewhere = detectReplyElsewhere(ask, thread);
    if (elsewhere) {
      await setStatus(store, ask.id, elsewhere, now, `their reply in another ${page.hostLabel} thread ("${page.thread.subject ?? 'no subject'}")`);
      changed = true;
      continue;
    }
    const status = detectStatus(ask, thread);
    // An ask written in a new email now has its thread: "Open thread" opens the conversation, not an empty compose.
    if (status && ask.threadId !== page.thread.id && belongsToThread(ask, thread)) {
      await store.updateAsk(ask.id, (a) => ({ ...a, threadId: page.thread!.id, threadUrl: page.url }));
    }
    if (status) {
      await setStatus(store, ask.id, status, now, `detected in ${page.hostLabel}`);
      changed = true;
    }
  }
  return changed;
}

/** Sets a status, with what comes with it (the follow-up date when sent, who was introduced), in one transaction. */
export async function setStatus(store: Store, id: string, status: AskStatus, now: string, note?: string, referral?: Ask['referral']): Promise<Ask> {
  const [{ followUpBusinessDays }, profile] = await Promise.all([store.settings(), store.profile()]);
  return store.updateAsk(id, (ask) => {
    const next = withStatus(ask, status, now, { note, referral, followUpBusinessDays });
    // A converted referral owes both sides their reward, as the profile offers them (issue 19).
    if (status === 'converted' && !next.rewards && (profile.incentive || profile.friendOffer)) {
      next.rewards = {
        ...(profile.incentive ? { client: { what: profile.incentive } } : {}),
        ...(profile.friendOffer ? { friend: { what: profile.friendOffer } } : {}),
      };
    }
    return next;
  });
}

export async function followUpAction(store: Store, id: string, action: 'snooze' | 'dismiss', now: Date): Promise<Ask> {
  const { snoozeBusinessDays } = await store.settings();
  return store.updateAsk(id, (ask) =>
    action === 'dismiss'
      ? { ...ask, followUpDismissed: true }
      : { ...ask, followUpAt: addBusinessDays(now, snoozeBusinessDays).toISOString(), followUpDismissed: false },
  );
}

const OPEN: AskStatus[] = ['drafted', 'sent', 'accepted', 'introduced', 'no-response'];

/**
 * One page of asks, what needs action first. Reads the asks in one go (getAll) and the contacts
 * of the page only, unless a search needs every name.
 */
export async function askRows(
  store: Store,
  now: Date,
  { filter = 'open', query = '', limit = ASKS_PAGE }: { filter?: 'open' | 'all' | AskStatus; query?: string; limit?: number } = {},
): Promise<{ rows: AskRow[]; total: number }> {
  const [asks, templates, { referralStallDays }] = await Promise.all([store.allAsks(), store.templates(), store.settings()]);
  const names = new Map(templates.map((t) => [t.id, t.name]));
  // Open: waiting on someone, or a loop to close with the client (a thank-you, an update, a reward owed).
  let ranked = asks
    .filter(
      (a) => filter === 'all' || (!a.discardedAt && (filter === 'open' ? OPEN.includes(a.status) || needsYou(a, now, referralStallDays) : a.status === filter)),
    )
    .map((ask) => ({ ask, rank: urgency(ask, now, referralStallDays) }));
  const q = query.trim().toLowerCase();
  let contacts = new Map<string, { name: string; company: string }>();
  const load = async (emails: string[]) => {
    contacts = await store.namesOf(emails);
  };
  if (q) {
    await load([...new Set(ranked.map((r) => r.ask.email))]);
    ranked = ranked.filter(({ ask }) => {
      const c = contacts.get(ask.email);
      return ask.email.includes(q) || !!c?.name.toLowerCase().includes(q) || !!c?.company.toLowerCase().includes(q);
    });
  }
  // ISO instants sort as strings: no date parsing inside the sort.
  ranked.sort((a, b) => a.rank - b.rank || (a.ask.askedAt < b.ask.askedAt ? 1 : a.ask.askedAt > b.ask.askedAt ? -1 : 0));
  const page = ranked.slice(0, limit);
  if (!q) await load(page.map((r) => r.ask.email));
  return {
    total: ranked.length,
    rows: page.map(({ ask }) => ({
      ask,
      name: contacts.get(ask.email)?.name ?? '',
      company: contacts.get(ask.email)?.company ?? '',
      templateName: names.get(ask.templateId) ?? ask.templateId,
      nextStep: nextStep(ask, now, referralStallDays),
      followUpDue: isFollowUpDue(ask, now),
    })),
  };
}
