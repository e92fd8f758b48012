/**
 * Gmail (mail.google.com). Reads the open thread and its other party; finds compose editors.
 * Selectors are Gmail's obfuscated but long-lived class names, as seen in its DOM and in the
 * open-source code that reads it (InboxSDK, Gmail.js); each is dated with when it was checked.
 */
import { findEmail, parseHostDate, readableText, text } from './dom';
import type { HostAdapter, PageContext, PageMessage } from './types';

/** Pure URL predicate; its test URLs are in gmail.test.ts. */
export function isGmail(url: string): boolean {
  return /^https:\/\/mail\.google\.com\/mail\//.test(url);
}

// Seen 2026-11 (and unchanged since at least 2019 in InboxSDK's driver).
export const GMAIL = {
  /** One expanded message of a thread. */
  message: 'div.adn[data-message-id]',
  /** Legacy (2019) expanded message, still seen in some accounts beside the current one. */
  messageLegacy: 'div.adn.ads',
  sender: 'span.gD[email]',
  senderLegacy: 'td.gF span[email]',
  recipient: 'span.g2[email], .hb span[email]',
  body: 'div.a3s',
  /** The timestamp; its title holds the full date ("Tue, Nov 3, 2026, 10:14 AM"). */
  date: 'span.g3[title]',
  subject: 'h2.hP',
  threadId: '[data-legacy-thread-id]',
  /** Compose editors: pop-up (div.AD), docked/full screen (div.M9) and inline reply (.AO). */
  composeBody: 'div[contenteditable="true"][g_editable="true"]',
  composeBodyFallback: 'div.M9 [role="textbox"][contenteditable="true"], div.AD [role="textbox"][contenteditable="true"]',
  composeRoot: 'div.M9, div.AD, .AO',
  subjectInput: 'input[name="subjectbox"]',
  composeTo: 'div[name="to"] [data-hovercard-id]',
  /** The Reply control under the last message (InboxSDK's driver uses the same, 2026-11). */
  reply: 'span.ams.bkH, [role="button"].ams.bkH',
} as const;

const SKIP_IN_BODY = 'div.gmail_quote, .gmail_quote, blockquote, .gmail_signature, [data-smartmail="gmail_signature"], .im, style, script';

/** The signed-in address, from the title "Inbox - me@example.com - Gmail". */
export function gmailAccount(doc: Document): string | undefined {
  return findEmail(doc.title);
}

function readMessages(doc: Document): { messages: PageMessage[]; participants: Map<string, string> } {
  const participants = new Map<string, string>();
  const seen = new Set<Element>();
  const messages: PageMessage[] = [];
  for (const el of doc.querySelectorAll(`${GMAIL.message}, ${GMAIL.messageLegacy}`)) {
    if (seen.has(el)) continue;
    seen.add(el);
    const sender = el.querySelector(GMAIL.sender) ?? el.querySelector(GMAIL.senderLegacy);
    const from = sender?.getAttribute('email')?.toLowerCase();
    if (!from) continue;
    const fromName = sender?.getAttribute('name') || text(sender) || undefined;
    if (!participants.has(from)) participants.set(from, fromName ?? '');
    for (const r of el.querySelectorAll(GMAIL.recipient)) {
      const email = r.getAttribute('email')?.toLowerCase();
      if (email && !participants.has(email)) participants.set(email, r.getAttribute('name') || text(r));
    }
    const body = el.querySelector(GMAIL.body);
    messages.push({
      from,
      fromName,
      date: parseHostDate(el.querySelector(GMAIL.date)?.getAttribute('title')),
      text: body ? readableText(body, SKIP_IN_BODY) : '',
    });
  }
  return { messages, participants };
}

/**
 * The other party: the latest sender who is not the user; else whom the user last wrote to;
 * else whom an open compose addresses. Never the account's own address.
 */
function otherParty(
  doc: Document,
  account: string | undefined,
  messages: PageMessage[],
  participants: Map<string, string>,
): { email: string; name?: string } | undefined {
  const isMe = (email: string) => email === account;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (!isMe(m.from)) return { email: m.from, name: m.fromName };
  }
  for (const [email, name] of participants) {
    if (!isMe(email) && name.toLowerCase() !== 'me') return { email, name: name || undefined };
  }
  for (const chip of doc.querySelectorAll(GMAIL.composeTo)) {
    const email = findEmail(chip.getAttribute('data-hovercard-id'));
    if (email && !isMe(email)) return { email, name: text(chip) || undefined };
  }
  return undefined;
}

export const gmail: HostAdapter = {
  id: 'gmail',
  label: 'Gmail',
  read(doc, url): PageContext {
    const accountEmail = gmailAccount(doc);
    const { messages, participants } = readMessages(doc);
    const missing: string[] = [];
    if (!accountEmail) missing.push('your own address (page title)');
    const party = otherParty(doc, accountEmail, messages, participants);
    const composeCount = this.composeEditors(doc).length;
    const canReply = composeCount === 0 && !!this.replyControl?.(doc);
    if (!party) missing.push(messages.length ? 'the other person in this thread' : 'an open email thread');
    const subject = text(doc.querySelector(GMAIL.subject)) || undefined;
    return {
      host: 'gmail',
      hostLabel: 'Gmail',
      url,
      accountEmail,
      contact: party && { email: party.email, name: party.name },
      thread: messages.length
        ? { id: doc.querySelector(GMAIL.threadId)?.getAttribute('data-legacy-thread-id') ?? undefined, subject, messages }
        : undefined,
      composeCount,
      canReply,
      missing,
    };
  },
  composeEditors(doc) {
    const found = doc.querySelectorAll<HTMLElement>(GMAIL.composeBody);
    return [...(found.length ? found : doc.querySelectorAll<HTMLElement>(GMAIL.composeBodyFallback))];
  },
  replyControl(doc) {
    const controls = doc.querySelectorAll<HTMLElement>(GMAIL.reply);
    return controls[controls.length - 1] ?? null;
  },
  subjectInput(editor) {
    return editor.closest(GMAIL.composeRoot)?.querySelector<HTMLInputElement>(GMAIL.subjectInput) ?? null;
  },
};
