/** Recording asks as they happen: inserted, detected as sent or answered in the thread, followed up. */
import { belongsToThread, followUpDate, detectStatus, isFollowUpDue, nextStep, urgency } from '@/lib/asks/pipeline';
import type { Store } from '@/lib/db/store';
import type { PageContext } from '@/lib/hosts/types';
import type { AskRow } from '@/lib/messaging/responses';
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
    const open = (await store.asksFor(email)).filter((a) => a.status === 'sent' || a.status === 'drafted').sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
    if (open) {
      const next: Ask = { ...open, followedUpAt: now, followUpDismissed: true, history: [...open.history, { status: open.status, at: now, note: 'follow-up drafted' }] };
      await store.db.asks.put(next);
      return next;
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
  });
}

/** Moves this contact's asks forward from what the thread on screen shows. Returns true on a change. */
export async function detectFromPage(store: Store, page: PageContext, now: string): Promise<boolean> {
  const email = page.contact?.email;
  if (!email || !page.thread?.id) return false;
  let changed = false;
  for (const ask of await store.asksFor(email)) {
    if (ask.discardedAt) continue;
    const thread = { threadId: page.thread.id, accountEmail: page.accountEmail, messages: page.thread.messages };
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

/** Sets a status; sending starts the follow-up clock from the moment it was sent. */
export async function setStatus(store: Store, id: string, status: AskStatus, now: string, note?: string, referral?: Ask['referral']): Promise<Ask> {
  let ask = await store.setAskStatus(id, status, now, note);
  const settings = await store.settings();
  const patch: Partial<Ask> = {};
  if (status === 'sent') patch.followUpAt = followUpDate(now, settings.followUpBusinessDays);
  if (referral && (referral.name || referral.email)) patch.referral = referral;
  if (Object.keys(patch).length) {
    ask = { ...ask, ...patch };
    await store.db.asks.put(ask);
  }
  return ask;
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
  { filter = 'open', query = '', limit = 100 }: { filter?: 'open' | 'all' | AskStatus; query?: string; limit?: number } = {},
): Promise<{ rows: AskRow[]; total: number }> {
  const [asks, templates] = await Promise.all([store.db.asks.toArray(), store.templates()]);
  const names = new Map(templates.map((t) => [t.id, t.name]));
  let ranked = asks
    .filter((a) => filter === 'all' || (!a.discardedAt && (filter === 'open' ? OPEN.includes(a.status) : a.status === filter)))
    .map((ask) => ({ ask, rank: urgency(ask, now) }));
  const q = query.trim().toLowerCase();
  let contacts = new Map<string, { name: string; company: string }>();
  const load = async (emails: string[]) => {
    const found = await store.db.contacts.bulkGet(emails);
    contacts = new Map(emails.map((e, i) => [e, { name: found[i]?.name ?? '', company: found[i]?.company ?? '' }]));
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
      nextStep: nextStep(ask, now),
      followUpDue: isFollowUpDue(ask, now),
    })),
  };
}
