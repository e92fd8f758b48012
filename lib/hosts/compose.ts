/**
 * Writing into a host's compose editor so that the host notices (draft saved, undo works):
 * focus, restore the caret the user last placed there, `execCommand('insertHTML')`; where the
 * command is refused, insert through a Range and announce it with a bubbling `input` event.
 * Never replaces what the user wrote; without a caret, text goes at the top, above the
 * signature and quoted reply.
 */
import { isShown } from './visible';
import { addressTokens, recipientsKey } from '../identity';
import type { Addressees, HostAdapter, InsertRequest, InsertResult } from './types';

/** Remembers, per editor, the last caret the user placed there (clicking the sidebar moves focus away). */
export class CaretMemory {
  private last?: { editor: HTMLElement; range: Range };

  constructor(private readonly editors: () => HTMLElement[]) {}

  /** Call on `selectionchange`: cheap, one `contains` per open editor. */
  remember(doc: Document): void {
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const node = sel.anchorNode;
    if (!node) return;
    const editor = this.editors().find((e) => e.contains(node));
    if (editor) this.last = { editor, range: sel.getRangeAt(0).cloneRange() };
  }

  /** The remembered caret, if its editor is still on the page. */
  recall(): { editor: HTMLElement; range: Range } | undefined {
    const last = this.last;
    if (!last || !last.editor.isConnected || !last.editor.contains(last.range.startContainer)) return undefined;
    return last;
  }
}

/**
 * With no draft open, presses the page's Reply control (where the host has one) and waits for the
 * editor it opens: the insert then lands in that reply. Resolves when an editor is there or not.
 */
export async function openReplyIfNeeded(doc: Document, adapter: HostAdapter, timeoutMs = 3_000): Promise<void> {
  if (adapter.composeEditors(doc).length > 0) return;
  const reply = adapter.replyControl?.(doc);
  if (!reply) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (adapter.composeEditors(doc).length > 0) done();
    });
    observer.observe(doc.body, { childList: true, subtree: true });
    const timer = setTimeout(done, timeoutMs);
    reply.click();
  });
}

const FIELD_HINT = /^(to|cc|bcc)(?:\b|[-_:])|[-_](to|cc|bcc)(?:[-_]|$)/i;
const ADDRESS_ATTRIBUTES = ['email', 'data-hovercard-id', 'title', 'aria-label', 'value'];

/** Which recipient field an element is (To, Cc, Bcc), by its name, label or hooks; or by the label text it shows. */
function fieldKind(el: Element): { kind: 'to' | 'cc' | 'bcc'; field: Element } | undefined {
  for (const attr of ['name', 'aria-label', 'data-field', 'data-testid', 'data-test-id', 'data-selenium-test', 'placeholder']) {
    const m = FIELD_HINT.exec(el.getAttribute(attr)?.trim() ?? '');
    if (m) return { kind: (m[1] ?? m[2])!.toLowerCase() as 'to', field: el };
  }
  // A row labelled "To" / "Cc:" in text: the row is the field.
  const label = !el.childElementCount && el.parentElement && /^\s*(to|cc|bcc):?\s*$/i.exec(el.textContent!);
  return label ? { kind: label[1]!.toLowerCase() as 'to', field: el.parentElement! } : undefined;
}

/** Every address a recipient area shows, as written: in its chips' attributes, its inputs and its text. */
function addressesIn(area: Element): string[] {
  const found: string[] = [];
  for (const el of [area, ...area.querySelectorAll('*')]) {
    for (const attr of ADDRESS_ATTRIBUTES) {
      const value = attr === 'value' && 'value' in el ? String((el as HTMLInputElement).value) : el.getAttribute(attr);
      found.push(...addressTokens(value));
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) found.push(...addressTokens(c.nodeValue));
  }
  return [...new Set(found.map((a) => a.toLowerCase()))];
}

/** An element's parent, or the host of the shadow root it tops (an editor inside a component: Salesforce's rich text). */
export const parentAcross = (el: Element): Element | null =>
  el.parentElement ?? (el.parentNode && 'host' in el.parentNode ? (el.parentNode as ShadowRoot).host : null);

/** The nearest ancestor (or the element) matching `selector`, across shadow roots. */
export function closestAcross(el: Element, selector: string): Element | null {
  for (let p: Element | null = el; p; p = parentAcross(p)) if (p.matches(selector)) return p;
  return null;
}

/**
 * A rich-text editor that is an email's body: its draft shows a subject and a recipient field
 * around it. A note's or a task's editor in a dialog has neither (issue 32: the CRMs' own email
 * composers found by what they are, whatever their hooks).
 */
export function isEmailEditor(editor: HTMLElement, shape: DraftShape & { subject: string }, editors: HTMLElement[]): boolean {
  // A recipient box is an editable too: it is not the body.
  if (fieldKind(editor)) return false;
  const root = draftRoot(editor, shape, editors);
  return !!root.querySelector(shape.subject) && draftRecipients(editor, shape, editors).readable;
}

/** Where a host's drafts sit and what is not part of one. */
export interface DraftShape {
  /** The host's compose container: the climb from the editor stops there. */
  root: string;
  /** What belongs to the page around a draft (a thread's messages): the draft's container holds none. */
  notThisDraft?: string;
}

/**
 * The draft's own container: the editor's ancestors up to the host's compose root, stopping below
 * any ancestor that also holds a message of the thread or another draft's editor (whose addresses
 * are not this draft's).
 */
export function draftRoot(editor: HTMLElement, shape: DraftShape, editors: HTMLElement[]): Element {
  const notThisDraft = shape.notThisDraft ?? '[role=document],[data-message-id]';
  let root: Element = editor;
  for (let p = parentAcross(editor); p; p = parentAcross(p)) {
    const holdsOther =
      editors.some((e) => e !== editor && p!.contains(e) && !e.contains(editor)) ||
      [...p.querySelectorAll(notThisDraft)].some((el) => !editor.contains(el) && !el.contains(editor));
    if (holdsOther) break;
    root = p;
    if (p.matches(shape.root) || p === editor.ownerDocument.body) break;
  }
  return root;
}

/**
 * Whom the draft around `editor` is addressed to, as the page shows it, by field: To, Cc (and
 * Bcc), at any depth of the draft's own container, chips or plain text. `readable` is false when
 * no recipient field is shown: the insert then asks first.
 */
export function draftRecipients(editor: HTMLElement, shape: DraftShape, editors: HTMLElement[] = []): Addressees {
  const root = draftRoot(editor, shape, editors);
  const fields = { to: new Set<string>(), cc: new Set<string>() };
  let sawField = false;
  for (const el of root.querySelectorAll('*')) {
    if (editor.contains(el)) continue;
    const found = fieldKind(el);
    if (!found || found.field.contains(editor)) continue;
    sawField = true;
    // Bcc is never whom the draft is to.
    if (found.kind !== 'bcc') for (const a of addressesIn(found.field)) fields[found.kind].add(a);
  }
  // A chip can sit in a field's row and also carry its own "To" label: an address in To is not also Cc.
  for (const a of fields.to) fields.cc.delete(a);
  return { to: [...fields.to], cc: [...fields.cc], readable: sawField };
}

/**
 * The same, where a webmail folds the fields into a summary line ("to Dana", `summary`): with no
 * To or Cc field filled, the line counts as To only when it names one person, else as Cc.
 */
export function draftRecipientsOrSummary(editor: HTMLElement, shape: DraftShape & { summary: string }, editors: HTMLElement[]): Addressees {
  const fields = draftRecipients(editor, shape, editors);
  if (fields.to.length || fields.cc.length) return fields;
  const root = draftRoot(editor, shape, editors);
  const summary = [...new Set([...root.querySelectorAll(shape.summary)].filter((el) => !editor.contains(el) && isShown(el)).flatMap(addressesIn))];
  if (summary.length === 1) return { to: summary, cc: [], readable: true };
  if (summary.length > 1) return { to: [], cc: summary, readable: true };
  return fields;
}

export function insertIntoCompose(
  doc: Document,
  adapter: HostAdapter,
  request: InsertRequest,
  caret: CaretMemory,
  used: { editor?: HTMLElement } = {},
): InsertResult {
  // Only a draft the user can see is ever written into (a hidden editor the page keeps is not).
  const editors = adapter.composeEditors(doc).filter(isShown);
  const remembered = caret.recall();
  const kept = remembered && editors.includes(remembered.editor) ? remembered : undefined;
  const editor = kept?.editor ?? editors[editors.length - 1];
  if (!editor) return { ok: false, reason: 'No compose window is open: start a reply or a new email, then insert.' };
  // Never the wrong person: a draft not addressed to the contact gets nothing without the user's yes.
  if (request.to) {
    const to = request.to.toLowerCase();
    const addressees = adapter.recipients(editor);
    // What the draft shows goes back; the words the user reads are the background's (`draftQuestion`).
    if (!addressees.to.includes(to) && request.confirmedFor !== recipientsKey(addressees)) return { ok: false, confirm: addressees };
  }

  let where: 'caret' | 'top' = 'caret';
  let range = kept?.range;
  if (!range) {
    where = 'top';
    range = doc.createRange();
    range.setStart(editor, 0);
    range.collapse(true);
  } else {
    // A caret in or after the signature (a click in a new message's empty body lands at its end):
    // the ask goes above it, as promised, never glued to its last line (issue 32).
    range = aboveSignature(editor, range) ?? atLineEnd(editor, range);
  }
  // The draft already greets the client ("Hi Zoë, great call today."): the ask does not greet twice.
  const html = greets(editor) ? withoutGreeting(request.html) : request.html;

  editor.focus();
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);

  let inserted = false;
  try {
    inserted = doc.execCommand('insertHTML', false, html);
  } catch {
    inserted = false;
  }
  if (!inserted) {
    // The host refused the command (or the engine lacks it): insert the same markup by hand.
    // Parsed inertly (no script runs, no image loads) into a fragment of this document.
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const fragment = doc.createDocumentFragment();
    fragment.append(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
    range.deleteContents();
    range.insertNode(fragment);
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }

  used.editor = editor;
  let subjectSet = false;
  const subject = adapter.subjectInput(editor);
  if (request.subject && subject && !subject.value.trim()) {
    subject.value = request.subject;
    subject.dispatchEvent(new Event('input', { bubbles: true }));
    subject.dispatchEvent(new Event('change', { bubbles: true }));
    subjectSet = true;
  }
  return { ok: true, where, subjectSet };
}

const BLOCK = /^(DIV|P|LI|BLOCKQUOTE|H[1-6]|PRE|TABLE|UL|OL)$/;

/**
 * A caret in the middle of a line ("Hi Zoë, great call today.|" or before its end) moves to the end
 * of that line's paragraph, so the ask starts on a line of its own (issue 18); a caret on an empty
 * line stays where it is.
 */
function atLineEnd(editor: HTMLElement, caret: Range): Range {
  const node = caret.startContainer;
  let line: Node | null = node;
  while (line && line !== editor && !(line instanceof HTMLElement && BLOCK.test(line.tagName))) line = line.parentNode;
  const block = line && line !== editor ? line : null;
  const text = (block ?? (node.nodeType === Node.TEXT_NODE ? node : null))?.textContent ?? '';
  if (!text.trim()) return caret;
  const range = editor.ownerDocument.createRange();
  if (block) {
    range.setStartAfter(block);
  } else {
    // Text straight in the editor: after this line's last inline node (up to its line break).
    let end: Node = node;
    while (end.parentNode !== editor && end.parentNode) end = end.parentNode;
    while (end.nextSibling && end.nextSibling.nodeName !== 'BR' && !(end.nextSibling instanceof HTMLElement && BLOCK.test(end.nextSibling.tagName)))
      end = end.nextSibling;
    range.setStartAfter(end.nextSibling?.nodeName === 'BR' ? end.nextSibling : end);
  }
  range.collapse(true);
  return range;
}

/** Where a signature starts in a draft: Gmail's (with its "-- " line), Outlook's, a CRM composer's. */
const SIGNATURE = '.gmail_signature_prefix, .gmail_signature, [data-smartmail="gmail_signature"], #Signature, [id^="Signature"], [class*="signature" i]';
/**
 * Where what the user writes ends in a draft: the signature, or the quoted original, whichever
 * comes first. Outlook quotes the original as plain blocks after `#divRplyFwdMsg` (or
 * `#appendonsend`), not in a blockquote; Gmail in `.gmail_quote`; others in a blockquote or after
 * a rule and a "From:" header.
 */
const OWN_WORDS_END = `${SIGNATURE}, #appendonsend, #divRplyFwdMsg, [id*="reply" i], .gmail_quote, blockquote`;

/** The first element of `selector` in the editor, in document order. */
const firstIn = (editor: HTMLElement, selector: string): Element | null => editor.querySelector(selector);

/** A range just above the signature when `caret` is inside it or after it (and not in the quoted original below it). */
function aboveSignature(editor: HTMLElement, caret: Range): Range | undefined {
  const signature = firstIn(editor, SIGNATURE);
  if (!signature) return undefined;
  const start = editor.ownerDocument.createRange();
  start.setStartBefore(signature);
  if (caret.compareBoundaryPoints(Range.START_TO_START, start) < 0) return undefined;
  const quote = firstIn(editor, '#appendonsend, #divRplyFwdMsg, .gmail_quote, blockquote');
  if (quote && !signature.contains(quote) && quote.compareDocumentPosition(signature) & Node.DOCUMENT_POSITION_PRECEDING) return undefined;
  if (quote) {
    const below = editor.ownerDocument.createRange();
    below.setStartBefore(quote);
    if (caret.compareBoundaryPoints(Range.START_TO_START, below) >= 0) return undefined;
  }
  start.collapse(true);
  return start;
}

/** The text the user wrote in the draft: from its start to the signature or the quoted original. */
function ownWords(editor: HTMLElement): string {
  const end = firstIn(editor, OWN_WORDS_END);
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  if (end) range.setEndBefore(end);
  return range.toString();
}

/** What the user wrote in the draft (not the quoted email, not the signature) already greets someone ("Hi Dana,"). */
function greets(editor: HTMLElement): boolean {
  return /(^|[\s.!?])(hi|hello|hey|dear)\s+[^\s,]{1,40},/i.test(ownWords(editor));
}

/** The inserted ask without its first paragraph when that paragraph is only a greeting ("Hi Zoë,"). */
function withoutGreeting(html: string): string {
  return html.replace(/^<p>(hi|hello|hey|dear)\b[^<]{0,80},?<\/p>/i, '');
}

/** A control that shows a draft's Bcc field: Gmail's "Bcc" link ("Add Bcc recipients"), Outlook's "Bcc" button. */
const BCC_TOGGLE = /^(add |show )?bcc\b/i;

/** The shown, writable Bcc fields of a draft: inputs and editable areas named Bcc, or inside a field named Bcc. */
function bccInputs(area: Element): HTMLElement[] {
  return [...area.querySelectorAll<HTMLElement>('input, textarea, [contenteditable="true"]')].filter((el) => {
    if (!isShown(el)) return false;
    for (let n: Element | null = el; n && n !== area.parentElement; n = n.parentElement) if (fieldKind(n)?.kind === 'bcc') return true;
    return false;
  });
}

/**
 * Adds `addresses` to the Bcc of the draft around `area` (issue 34: the CRM's logging address),
 * visibly: the Bcc field is opened when closed, an address already there is not added again, and
 * nothing is ever written into To or Cc. Says which were added and which could not be.
 */
export async function addToBcc(area: Element, addresses: string[], waitMs = 1_500): Promise<{ added: string[]; failed: string[] }> {
  const doc = area.ownerDocument;
  let inputs = bccInputs(area);
  if (!inputs.length) {
    const toggle = [...area.querySelectorAll<HTMLElement>('[role="link"], [role="button"], button, span')].find(
      (el) => isShown(el) && !el.childElementCount && (BCC_TOGGLE.test(el.getAttribute('aria-label')?.trim() ?? '') || /^bcc$/i.test(el.textContent!.trim())),
    );
    toggle?.click();
    for (const until = Date.now() + waitMs; !inputs.length && toggle && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 50));
      inputs = bccInputs(area);
    }
  }
  const field = inputs[0];
  if (!field) return { added: [], failed: addresses };
  const added: string[] = [];
  const failed: string[] = [];
  // What the Bcc already holds, chips included: the outermost element named Bcc around the field.
  let row: Element = field;
  for (let n: Element | null = field; n && n !== area; n = n.parentElement) if (fieldKind(n)?.kind === 'bcc') row = n;
  for (const address of addresses) {
    if (addressesIn(row).includes(address)) continue;
    field.focus();
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
      // Through the element's own setter, so frameworks that watch it see the change.
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
      const value = field.value.trim() ? `${field.value.replace(/[,;\s]*$/, '')}, ${address}` : address;
      setter ? setter.call(field, value) : (field.value = value);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      const range = doc.createRange();
      range.selectNodeContents(field);
      range.collapse(false);
      doc.getSelection()?.removeAllRanges();
      doc.getSelection()?.addRange(range);
      if (!doc.execCommand('insertText', false, `${address}; `)) field.append(doc.createTextNode(`${address}; `));
    }
    field.dispatchEvent(new FocusEvent('blur'));
    field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    (addressesIn(row).includes(address) ? added : failed).push(address);
  }
  return { added, failed };
}
