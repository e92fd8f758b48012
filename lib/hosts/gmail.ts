/**
 * Gmail (mail.google.com). Reads the open thread and its other party; finds compose editors.
 * Selectors are Gmail's obfuscated but long-lived class names, as seen in its DOM and in the
 * open-source code that reads it (InboxSDK, Gmail.js); each is dated with when it was checked.
 */
import { parseHostDate, readableText, text } from './dom';
import { addressIn, plainAddress, type Person } from '../identity';
import { addToBcc, draftRecipientsOrSummary, draftRoot } from './compose';
import type { HostAdapter, PageContext, PageMessage } from './types';
import { allShown, firstShown, hasSize, isShown, shownText } from './visible';

/**
 * Gmail's selectors, by the date the layout was seen, the current and the legacy side by side
 * (InboxSDK's and Gmail.js's selector history; checked against our fixtures 2026-11). Each list
 * is tried in order, first hit wins; hooks Gmail keeps for itself (`email`/`name` attributes,
 * hovercard ids, message ids) come before its styling classes.
 */
export const GMAIL = {
  /** One message of a thread, expanded: the class Gmail has kept since 2019 (div.adn), found fast. */
  messageClass: 'adn',
  /** Where that class is gone: the ids Gmail keeps on a message or a child (a full scan, so second). */
  message: 'div[data-message-id], div[data-legacy-message-id]',
  /** A collapsed message: its sender still names a participant (2020-2026: div.kv / div.kQ). */
  collapsedSender: 'div.kv [email], div.kQ [email], div.adf [email]',
  /** The sender: hooks first (2026, 2019), then any address-carrying attribute in the header. */
  sender: ['span.gD[email]', 'td.gF span[email]', 'h3 [email]', '[email][name]:not(.g2)', '[data-hovercard-id*="@"]:not(.g2)'],
  recipient: 'span.g2[email], .hb span[email], .hb [data-hovercard-id*="@"]',
  body: 'div.a3s, div.ii.gt, [data-message-body]',
  /** The timestamp; its title holds the full date ("Tue, Nov 3, 2026, 10:14 AM"). */
  date: 'span.g3[title], [title][alt], time[datetime]',
  /** The subject heading of an open thread (h2.hP, 2014-2026; data-thread-perm-id, 2018-2026). */
  subject: 'h2.hP, h2[data-thread-perm-id], h2[data-legacy-thread-id]',
  threadId: '[data-legacy-thread-id]',
  /** Compose editors: pop-up (div.AD), docked/full screen (div.M9) and inline reply (.AO). */
  composeBody: 'div[contenteditable="true"][g_editable="true"]',
  composeBodyFallback:
    'div.M9 [role="textbox"][contenteditable="true"], div.AD [role="textbox"][contenteditable="true"], .AO [role="textbox"][contenteditable="true"]',
  composeRoot: 'div.M9, div.AD, .AO',
  subjectInput: 'input[name="subjectbox"]',
  /** The collapsed recipients line of an inline reply ("Dana Whitfield"), when the To field is folded away. */
  recipientSummary: '.aoD.hl [email], .aoD.hl [data-hovercard-id]',
  /** The Reply control under the last message (InboxSDK's driver uses the same, 2026-11). */
  reply: 'span.ams.bkH, [role="button"].ams.bkH',
  /** The account control: "Google Account: Alex Moreau (alex@northwind.example)" (2020-2026). */
  account: 'a[aria-label^="Google Account"], [aria-label*="Google Account:"]',
} as const;

const SKIP_IN_BODY = 'div.gmail_quote, .gmail_quote, blockquote, .gmail_signature, [data-smartmail="gmail_signature"], .im, style, script';

/**
 * The signed-in address: Gmail's title ends "… - me@example.com - Gmail", so the last part of the
 * title that is an address (a subject holding one comes first); else the account control.
 */
export function gmailAccount(doc: Document): string | undefined {
  const parts = doc.title.split(' - ').map((p) => p.trim());
  for (let i = parts.length - 2; i >= 0; i--) {
    const email = plainAddress(parts[i]);
    if (email) return email;
  }
  const label = firstShown(doc, GMAIL.account)?.getAttribute('aria-label') ?? '';
  return plainAddress(/\(([^()]+)\)\s*$/.exec(label)?.[1]);
}

type Party = { email: string; name?: string };

/** An element's address, whole as written: its `email` attribute, a hovercard id, else the one address its text shows. */
function addressOf(el: Element): Party | undefined {
  const attribute = [el.getAttribute('email'), el.getAttribute('data-hovercard-id')].find((v) => v?.includes('@'));
  const email = (attribute?.trim() || addressIn(shownText(el, true)))?.toLowerCase();
  if (!email) return undefined;
  const name =
    el.getAttribute('name') ||
    shownText(el)
      .replace(/<?\S+@\S+>?/g, '')
      .trim() ||
    undefined;
  return { email, name };
}

/** The sender of one message, by the first layer that finds one outside the body and the recipients. */
function senderOf(message: Element): Party | undefined {
  const outsideBody = (el: Element) => !el.closest(GMAIL.body) && !el.closest('.hb') && !el.matches(GMAIL.recipient);
  for (const selector of GMAIL.sender) {
    for (const el of allShown(message, selector)) {
      if (!outsideBody(el)) continue;
      const who = addressOf(el);
      if (who) return who;
    }
  }
  return undefined;
}

/** The messages the user sees: outermost matches only (ids sit on a message and its children), shown. */
function shownMessages(doc: Document): Element[] {
  const outermostShown = (all: Element[]) => {
    const set = new Set(all);
    return all.filter((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
      // A message collapsed to nothing is not on screen either (one layout per read, for the few messages).
      return isShown(el) && hasSize(el);
    });
  };
  // The class first (cheap); where no shown message carries it, the ids (a full scan).
  const fast = outermostShown([...doc.getElementsByClassName(GMAIL.messageClass)]);
  return fast.length ? fast : outermostShown([...doc.querySelectorAll(GMAIL.message)]);
}

/** The thread a message belongs to: the nearest ancestor holding one of the shown subject headings (else the page). */
function threadOf(message: Element, subjects: Element[]): Element | null {
  if (!subjects.length) return null;
  for (let p = message.parentElement; p; p = p.parentElement) if (subjects.some((s) => p!.contains(s))) return p;
  return null;
}

interface ThreadRead {
  root: Element | null;
  messages: PageMessage[];
  /** Everyone the thread shows: its senders in order, whom they wrote to, collapsed messages' senders. */
  people: Person[];
}

function readThread(root: Element | null, elements: Element[]): ThreadRead {
  const people: Person[] = [];
  const messages: PageMessage[] = [];
  for (const el of elements) {
    const sender = senderOf(el);
    if (!sender) continue;
    people.push({ ...sender, seen: 'sender', order: messages.length });
    for (const r of allShown(el, GMAIL.recipient)) {
      const who = addressOf(r);
      if (who) people.push({ ...who, seen: 'recipient' });
    }
    const body = firstShown(el, GMAIL.body);
    const date = firstShown(el, GMAIL.date);
    messages.push({
      from: sender.email,
      fromName: sender.name,
      date: parseHostDate(date?.getAttribute('title') ?? date?.getAttribute('datetime')),
      text: body ? readableText(body, SKIP_IN_BODY) : '',
    });
  }
  // Collapsed messages come before the open ones: their senders wrote earlier.
  for (const el of allShown(root ?? elements[0]!.ownerDocument, GMAIL.collapsedSender)) {
    const who = addressOf(el);
    if (who) people.push({ ...who, seen: 'sender', order: -1 });
  }
  return { root, messages, people };
}

export const gmail: HostAdapter = {
  id: 'gmail',
  label: 'Gmail',
  read(doc, url): PageContext {
    const accountEmail = gmailAccount(doc);
    const missing: string[] = [];
    if (!accountEmail) missing.push('your own address (page title)');
    const editors = this.composeEditors(doc);
    const composeCount = editors.length;
    const canReply = composeCount === 0 && !!this.replyControl?.(doc);
    const base = { host: 'gmail' as const, hostLabel: 'Gmail', url, accountEmail, composeCount, canReply };

    // Group the shown messages by thread: two threads on screen at once (a preview pane beside an
    // open thread, a stale copy Gmail failed to hide) is a question for the user, not a guess.
    const groups = new Map<Element | null, Element[]>();
    // Every shown subject heading, by whichever of its marks it still carries: one thread's heading
    // under its class and another's renamed would otherwise count as one thread on screen. Headings
    // are few: read by tag, not by a page-wide selector.
    const subjects = [...doc.getElementsByTagName('h2')].filter((h) => h.matches(GMAIL.subject) && isShown(h));
    for (const el of shownMessages(doc)) {
      const root = threadOf(el, subjects);
      groups.set(root, [...(groups.get(root) ?? []), el]);
    }
    const threads = [...groups].map(([root, els]) => readThread(root, els)).filter((t) => t.messages.length);
    // More threads shown than read (one's messages in a shape not recognised): the one read may not
    // be the one the user looks at, so it names no one.
    const shownThreads = new Set(subjects.map((s) => s.closest(GMAIL.threadId) ?? s)).size;
    if (shownThreads > 1 && threads.length < shownThreads) {
      missing.push(`which thread you are reading (${shownThreads} are open)`);
      return { ...base, missing };
    }
    const drafts: Person[] = editors.flatMap((e) => this.recipients(e).to.map((email) => ({ email, seen: 'draft-to' as const })));
    if (threads.length > 1) {
      // Each thread's latest other sender: two different ones are a question of what is on screen
      // (the background's decision still takes the user and colleagues out of the choice).
      const latest = threads.flatMap((t) => {
        const sender = t.people.filter((p) => p.seen === 'sender' && p.email !== accountEmail).sort((a, b) => (b.order ?? 0) - (a.order ?? 0))[0];
        return sender ? [{ email: sender.email, ...(sender.name ? { name: sender.name } : {}) }] : [];
      });
      const distinct = [...new Map(latest.map((c) => [c.email, c])).values()];
      if (distinct.length > 1) {
        missing.push(`which thread you are reading: ${distinct.length} are open (${distinct.map((c) => c.email).join(', ')})`);
        return { ...base, ambiguous: { what: 'thread', candidates: distinct }, missing };
      }
    }
    const thread = threads[0];
    const subjectEl = firstShown(thread?.root ?? doc, GMAIL.subject);
    const subject = text(subjectEl) || undefined;
    const threadId =
      subjectEl?.getAttribute('data-legacy-thread-id') ??
      thread?.root?.closest(GMAIL.threadId)?.getAttribute('data-legacy-thread-id') ??
      thread?.root?.querySelector(GMAIL.threadId)?.getAttribute('data-legacy-thread-id') ??
      undefined;
    const people = [...(thread?.people ?? []), ...drafts];
    // A list (the inbox, a label, a search) has no thread to read: nothing is wrong, an email is to be opened.
    if (!people.length) missing.push(thread ? 'the other person in this thread' : isListView(url) ? 'an open email' : 'an open email thread');
    return {
      ...base,
      people,
      thread: thread ? { id: threadId, subject, messages: thread.messages } : undefined,
      ...(people.length ? { readBy: { email: 'hooks' as const } } : {}),
      missing,
    };
  },
  composeEditors(doc) {
    const found = [...doc.querySelectorAll<HTMLElement>(GMAIL.composeBody)].filter(isShown);
    return found.length ? found : [...doc.querySelectorAll<HTMLElement>(GMAIL.composeBodyFallback)].filter(isShown);
  },
  replyControl(doc) {
    const controls = [...doc.querySelectorAll<HTMLElement>(GMAIL.reply)].filter(isShown);
    return controls[controls.length - 1] ?? null;
  },
  recipients(editor) {
    return draftRecipientsOrSummary(
      editor,
      { root: GMAIL.composeRoot, summary: GMAIL.recipientSummary, notThisDraft: GMAIL.message },
      this.composeEditors(editor.ownerDocument),
    );
  },
  addBcc(editor, addresses) {
    return addToBcc(draftRoot(editor, { root: GMAIL.composeRoot, notThisDraft: GMAIL.message }, this.composeEditors(editor.ownerDocument)), addresses);
  },
  subjectInput(editor) {
    return editor.closest(GMAIL.composeRoot)?.querySelector<HTMLInputElement>(GMAIL.subjectInput) ?? null;
  },
};

/** Gmail's list views (#inbox, #sent, #label/Clients, #search/acme, ...): the hash names a list, not one thread. */
export const isListView = (url: string): boolean =>
  /#(inbox|starred|snoozed|sent|drafts|imp|all|spam|trash|scheduled|label\/[^/]+|category\/[^/]+|search\/[^/]+|advanced-search\/[^/]+)$/i.test(url);
