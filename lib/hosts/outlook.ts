/**
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com). Its class
 * names are generated per build, so this adapter reads roles, ids and attributes that carry
 * meaning: the reading pane's message bodies (`[role=document]`), sender personas whose `title`
 * or `aria-label` holds the address, the Me control for the account, and the compose editor
 * (`[contenteditable][aria-multiline]` in `[role=main]`). Seen 2026-11 in public OWA readers and
 * the team's host notes (2026-11); checked against our fixtures, not a live tenant.
 */
import { parseHostDate, readableText, text } from './dom';
import { addressIn, plainAddress, type Person } from '../identity';
import { addToBcc, draftRecipientsOrSummary, draftRoot } from './compose';
import { allShown, firstShown, hasSize, isShown, shownText } from './visible';
import type { HostAdapter, PageContext, PageMessage } from './types';

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
  /** A draft's own container: the compose area of a reply, the new-message form (2026-11 fixtures). */
  draftRoot: '[data-app-section="ComposeArea"], [role="main"], [role="dialog"]',
  /** Recipients shown as well items when the To line is folded (a reply's "to Kenji"). */
  recipientSummary: '.wellItem [title*="@"], .wellItem[title*="@"]',
  subjectInput: 'input[maxlength="255"], input[aria-label*="subject" i]',
  /** Where a received message's quoted original starts (OWA prefixes ids in received mail with "x_"): the blocks after it are the original's. */
  quoteStart: '[id$="divRplyFwdMsg"], [id$="appendonsend"]',
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

/** A persona's address as written (its title, its label, else the one address its text shows) and its name. */
function personaEmail(el: Element): { email?: string; name?: string } {
  const attribute = [el.getAttribute('title'), el.getAttribute('aria-label')].map((v) => addressIn(v)).find(Boolean);
  const email = (attribute ?? addressIn(shownText(el, true)))?.toLowerCase();
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
    const accountEmail = plainAddress(firstShown(doc, OUTLOOK.account)?.textContent) ?? controlLines.map((l) => plainAddress(l)).find(Boolean);
    // The user's name as the Me control says it: a lone sender of that name is the user, not a contact.
    const accountName = (
      control?.getAttribute('aria-label')?.replace(/^Account manager for\s*/i, '') ||
      firstShown(doc, '#mectrl_currentAccount_primary')?.textContent ||
      ''
    ).trim();
    const pane = [...doc.querySelectorAll(OUTLOOK.readingPane)].find(isShown);
    const messages: PageMessage[] = [];
    const people: Person[] = [];
    const senders = new Set<Element>();
    for (const body of (pane ?? doc).querySelectorAll(OUTLOOK.messageBody)) {
      // The compose editor is also a document in some builds: skip editable ones; hidden copies too.
      if (body.closest('[contenteditable="true"]') || !isShown(body) || !hasSize(body)) continue;
      const message = messageOf(body);
      const sender = allShown(message, OUTLOOK.sender).find((el) => !body.contains(el));
      const who = sender ? personaEmail(sender) : {};
      if (!who.email) continue;
      senders.add(sender!);
      const mine = !accountEmail && !!accountName && who.name === accountName;
      people.push({ email: who.email, name: who.name, seen: 'sender', order: messages.length, ...(mine ? { mine } : {}) });
      const time = firstShown(message, OUTLOOK.time);
      messages.push({
        from: who.email,
        fromName: who.name,
        date: parseHostDate(time?.getAttribute('title') ?? time?.getAttribute('datetime') ?? text(time)),
        text: readableText(body, OUTLOOK.quoteOrSignature, OUTLOOK.quoteStart),
      });
    }
    // The other people the reading pane names (whom a message of the user's went to).
    const editors = this.composeEditors(doc);
    if (pane) {
      for (const el of pane.querySelectorAll('[title*="@"], [aria-label*="@"]')) {
        if (senders.has(el) || !isShown(el) || editors.some((e) => e.parentElement?.contains(el))) continue;
        const who = personaEmail(el);
        if (who.email) people.push({ email: who.email, name: who.name, seen: 'recipient' });
      }
    }
    for (const editor of editors) {
      // The recipients' names from their chips, in this draft's own area only.
      const chips = allShown(editor.closest(OUTLOOK.draftRoot) ?? doc, '[title*="@"]');
      for (const email of this.recipients(editor).to) {
        const chip = chips.find((el) => addressIn(el.getAttribute('title'))?.toLowerCase() === email);
        const name = chip ? personaEmail(chip).name : undefined;
        people.push({ email, ...(name ? { name } : {}), seen: 'draft-to' });
      }
    }
    const missing: string[] = [];
    if (!accountEmail) missing.push('your own address (account menu)');
    // A folder list has no conversation to read (not a problem); a conversation's address with nothing read is one.
    if (!people.length)
      missing.push(messages.length ? 'the other person in this conversation' : /\/id\//.test(url) ? 'an open email conversation' : 'an open email');
    return {
      host: 'outlook',
      hostLabel: 'Outlook',
      url,
      accountEmail,
      people,
      thread: messages.length
        ? {
            id: pane?.querySelector(OUTLOOK.conversationId)?.getAttribute('data-convid') ?? undefined,
            subject: text(doc.querySelector(OUTLOOK.subject)) || undefined,
            messages,
          }
        : undefined,
      composeCount: editors.length,
      missing,
    };
  },
  composeEditors(doc) {
    return [...doc.querySelectorAll<HTMLElement>(OUTLOOK.composeBody)].filter(isShown);
  },
  recipients(editor) {
    return draftRecipientsOrSummary(
      editor,
      { root: OUTLOOK.draftRoot, summary: OUTLOOK.recipientSummary, notThisDraft: `${OUTLOOK.messageBody}, [data-testid="SenderPersona"]` },
      this.composeEditors(editor.ownerDocument),
    );
  },
  addBcc(editor, addresses) {
    return addToBcc(
      draftRoot(
        editor,
        { root: OUTLOOK.draftRoot, notThisDraft: `${OUTLOOK.messageBody}, [data-testid="SenderPersona"]` },
        this.composeEditors(editor.ownerDocument),
      ),
      addresses,
    );
  },
  subjectInput(editor) {
    return editor.closest(OUTLOOK.composeRoot)?.querySelector<HTMLInputElement>(OUTLOOK.subjectInput) ?? null;
  },
};
