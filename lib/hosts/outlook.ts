/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com). Its class
 * names are generated per build, so this adapter reads roles, ids and attributes that carry
 * meaning: the reading pane's message bodies (`[role=document]`), sender personas whose `title`
 * or `aria-label` holds the address, the Me control for the account, and the compose editor
 * (`[contenteditable][aria-multiline]` in `[role=main]`). Seen 2026-11 in public OWA readers and
 * the team's host notes (2026-11); checked against our fixtures, not a live tenant.
 */
import { findEmail, parseHostDate, readableText, text } from './dom';
import { draftRecipients } from './compose';
import { allShown, firstShown, hasSize, isShown, shownText } from './visible';
import type { HostAdapter, PageContext, PageMessage } from './types';

export function isOutlook(url: string): boolean {
  return /^https:\/\/outlook\.(office\.com|office365\.com|live\.com)\/mail\//.test(url);
}

export const OUTLOOK = {
  readingPane: '#ReadingPaneContainerId, [data-app-section="MailReadCompose"]',
  /** One message of the conversation: its body. */
  messageBody: '[role="document"]',
  /** Whatever element names the sender: a persona with the address in its title or label. */
  sender: '[data-testid="SenderPersona"], [title*="@"], [aria-label*="@"]',
  /** The received time; its title holds the full date. */
  time: '[data-testid="SentReceivedSavedTime"], time',
  subject: '[data-app-section="SubjectLine"], [role="heading"][aria-level="2"]',
  conversationId: '[data-convid]',
  /** Microsoft's account control shows the signed-in address (2026-11). */
  account: '#mectrl_currentAccount_secondary',
  /** The whole Me control, read when its address line is not found where expected: the address, or the user's name. */
  accountControl: '#O365_MainLink_Me, [id^="mectrl_"], [aria-label^="Account manager for"]',
  composeBody: '[role="main"] [contenteditable="true"][aria-multiline="true"]',
  composeRoot: '[role="main"]',
  subjectInput: 'input[maxlength="255"], input[aria-label*="subject" i]',
  /** OWA's reply chain and signature markers inside the editor. */
  quoteOrSignature: '#appendonsend, #divRplyFwdMsg, #Signature, [id^="Signature"], blockquote',
} as const;

/** The message element around one body: the nearest ancestor that holds no other body. */
function messageOf(body: Element): Element {
  let el = body;
  while (el.parentElement && allShown(el.parentElement, OUTLOOK.messageBody).length === 1 && !el.parentElement.matches(OUTLOOK.readingPane)) {
    el = el.parentElement;
  }
  return el;
}

function personaEmail(el: Element): { email?: string; name?: string } {
  const email = findEmail(el.getAttribute('title')) ?? findEmail(el.getAttribute('aria-label')) ?? findEmail(shownText(el));
  const name =
    shownText(el)
      .replace(/<[^>]*>|\S+@\S+/g, '')
      .trim() || undefined;
  return { email, name };
}

export const outlook: HostAdapter = {
  id: 'outlook',
  label: 'Outlook',
  read(doc, url): PageContext {
    const control = firstShown(doc, OUTLOOK.accountControl);
    // Each of the control's lines on its own: run together, "Alex Moreau" and "alex@…" would read as "moreaualex@…".
    const controlLines = control
      ? [control, ...control.querySelectorAll('*')].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.nodeValue ?? ''))
      : [];
    const accountEmail = findEmail(firstShown(doc, OUTLOOK.account)?.textContent) ?? controlLines.map(findEmail).find(Boolean);
    // The user's name as the Me control says it: a lone sender of that name is the user, not a contact.
    const accountName = (
      control?.getAttribute('aria-label')?.replace(/^Account manager for\s*/i, '') ||
      firstShown(doc, '#mectrl_currentAccount_primary')?.textContent ||
      ''
    ).trim();
    const pane = [...doc.querySelectorAll(OUTLOOK.readingPane)].find(isShown) ?? doc;
    const messages: PageMessage[] = [];
    for (const body of pane.querySelectorAll(OUTLOOK.messageBody)) {
      // The compose editor is also a document in some builds: skip editable ones; hidden copies too.
      if (body.closest('[contenteditable="true"]') || !isShown(body) || !hasSize(body)) continue;
      const message = messageOf(body);
      const sender = allShown(message, OUTLOOK.sender).find((el) => !body.contains(el));
      const who = sender ? personaEmail(sender) : {};
      if (!who.email) continue;
      const time = firstShown(message, OUTLOOK.time);
      messages.push({
        from: who.email,
        fromName: who.name,
        date: parseHostDate(time?.getAttribute('title') ?? time?.getAttribute('datetime') ?? text(time)),
        text: readableText(body, OUTLOOK.quoteOrSignature),
      });
    }
    const missing: string[] = [];
    if (!accountEmail) {
      missing.push('your own address (account menu)');
      // Without knowing which sender is the user, two senders are two guesses: ask instead.
      const senders = [...new Map(messages.map((m) => [m.from, { email: m.from, name: m.fromName }])).values()];
      // An open reply says whom the user writes to: among the senders, that one is the contact.
      const addressed = this.composeEditors(doc).flatMap((e) => this.recipients?.(e) ?? []);
      const target = senders.filter((c) => addressed.includes(c.email));
      if (senders.length > 1 && target.length === 1) {
        const who = target[0]!;
        return {
          host: 'outlook',
          hostLabel: 'Outlook',
          url,
          contact: { email: who.email, name: who.name },
          thread: { subject: text(doc.querySelector(OUTLOOK.subject)) || undefined, messages },
          composeCount: this.composeEditors(doc).length,
          missing,
        };
      }
      if (senders.length > 1) {
        missing.push(`which person this conversation is with (${senders.map((c) => c.email).join(', ')})`);
        return {
          host: 'outlook',
          hostLabel: 'Outlook',
          url,
          ambiguous: { what: 'email', candidates: senders },
          composeCount: this.composeEditors(doc).length,
          missing,
        };
      }
    }
    let contact = [...messages].reverse().find((m) => m.from !== accountEmail && !(!accountEmail && accountName && m.fromName === accountName));
    if (!contact) {
      // The user's own message only, or a new email: whom is it addressed to?
      for (const el of doc.querySelectorAll(`${OUTLOOK.readingPane} [title*="@"], ${OUTLOOK.composeRoot} [title*="@"]`)) {
        if (!isShown(el)) continue;
        const who = personaEmail(el);
        if (who.email && who.email !== accountEmail) {
          contact = { from: who.email, fromName: who.name, text: '' };
          break;
        }
      }
    }
    // A folder list has no conversation to read (not a problem); a conversation's address with nothing read is one.
    if (!contact) missing.push(messages.length ? 'the other person in this conversation' : /\/id\//.test(url) ? 'an open email conversation' : 'an open email');
    return {
      host: 'outlook',
      hostLabel: 'Outlook',
      url,
      accountEmail,
      contact: contact && { email: contact.from, name: contact.fromName },
      thread: messages.length
        ? {
            id: pane.querySelector(OUTLOOK.conversationId)?.getAttribute('data-convid') ?? undefined,
            subject: text(doc.querySelector(OUTLOOK.subject)) || undefined,
            messages,
          }
        : undefined,
      composeCount: this.composeEditors(doc).length,
      missing,
    };
  },
  composeEditors(doc) {
    return [...doc.querySelectorAll<HTMLElement>(OUTLOOK.composeBody)].filter(isShown);
  },
  recipients(editor, account) {
    return draftRecipients(editor, OUTLOOK.composeRoot, account);
  },
  subjectInput(editor) {
    return editor.closest(OUTLOOK.composeRoot)?.querySelector<HTMLInputElement>(OUTLOOK.subjectInput) ?? null;
  },
};
