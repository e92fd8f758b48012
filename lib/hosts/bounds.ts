/**
 * What a page may report, at most. The content script cuts values to these limits before
 * sending (a 30,000-character email is read, not rejected) and the background's schema enforces
 * the same numbers, so one long value can never make a whole page read fail (issue 21).
 */
import { TEXT_LIMITS } from '../limits';
import type { PageContext } from './types';

export const PAGE_LIMITS = {
  text: 20_000,
  name: TEXT_LIMITS.name,
  email: 320,
  subject: 1_000,
  shortFact: TEXT_LIMITS.segment,
  /** A page fact as written ("Wednesday, 22 November 2026", "USD 1,200,000.00"). */
  shownValue: 200,
  url: 4_000,
  messages: 200,
  /** All message text of one read together: the newest messages are kept within it. */
  threadText: 200_000,
  missing: 20,
  missingText: 300,
  candidates: 20,
  people: 100,
} as const;

const cut = (s: string | undefined, n: number) => (s !== undefined && s.length > n ? s.slice(0, n) : s);

/** The page as the background accepts it: long values cut, the newest messages kept. */
export function boundPage(page: PageContext): PageContext {
  const L = PAGE_LIMITS;
  const v = page.shown?.values;
  return {
    ...page,
    url: cut(page.url, L.url)!,
    accountEmail: cut(page.accountEmail, L.email),
    contact: page.contact && { email: cut(page.contact.email, L.email), name: cut(page.contact.name, L.name), company: cut(page.contact.company, L.name) },
    shown: page.shown && {
      dates: page.shown.dates,
      values: Object.fromEntries(
        Object.entries(v!).map(([key, value]) => [key, cut(value, key === 'lifecycleStage' || key === 'segment' ? L.shortFact : L.shownValue)]),
      ),
    },
    thread: page.thread && {
      id: cut(page.thread.id, 200),
      subject: cut(page.thread.subject, L.subject),
      messages: newestWithin(page.thread.messages.slice(-L.messages), L.threadText).map((m) => ({
        from: cut(m.from, L.email)!,
        fromName: cut(m.fromName, L.name),
        date: cut(m.date, 40),
        text: cut(m.text, L.text)!,
      })),
    },
    people: page.people?.slice(0, L.people).map((p) => ({ ...p, email: cut(p.email, L.email)!, name: cut(p.name, L.name), company: cut(p.company, L.name) })),
    missing: page.missing.slice(0, L.missing).map((m) => cut(m, L.missingText)!),
    ambiguous: page.ambiguous && {
      what: page.ambiguous.what,
      candidates: page.ambiguous.candidates.slice(0, L.candidates).map((c) => ({ ...c, email: cut(c.email, L.email)!, name: cut(c.name, L.name) })),
    },
  };
}

/** The newest messages whose text fits in `budget` characters together (the newest one always, cut). */
function newestWithin<M extends { text: string }>(messages: M[], budget: number): M[] {
  let used = 0;
  let from = messages.length;
  while (from > 0 && used + Math.min(messages[from - 1]!.text.length, PAGE_LIMITS.text) <= budget) {
    from--;
    used += Math.min(messages[from]!.text.length, PAGE_LIMITS.text);
  }
  return messages.slice(Math.min(from, Math.max(0, messages.length - 1)));
}
