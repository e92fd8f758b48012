/**
 * Writing into a host's compose editor so that the host notices (draft saved, undo works):
 * focus, restore the caret the user last placed there, `execCommand('insertHTML')`; where the
 * command is refused, insert through a Range and announce it with a bubbling `input` event.
 * Never replaces what the user wrote; without a caret, text goes at the top, above the
 * signature and quoted reply.
 */
import { isShown } from './visible';
import type { HostAdapter, InsertRequest, InsertResult } from './types';

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

const ADDRESSED = '[email], [data-hovercard-id*="@"], [title*="@"]';

/**
 * Whom the draft around `editor` is addressed to, as far as the page shows it: address-carrying
 * chips in the nearest container around the editor that has any (Gmail's To chips, Outlook's
 * recipient wells), never climbing past the compose root. Empty when the page shows none.
 */
export function draftRecipients(editor: HTMLElement, composeRoot: string, account?: string): string[] {
  let el: HTMLElement | null = editor.parentElement;
  for (let level = 0; el && level < 8; level++, el = el.parentElement) {
    const found = new Set<string>();
    for (const chip of el.querySelectorAll(ADDRESSED)) {
      if (editor.contains(chip) || !isShown(chip)) continue;
      const email = /[^\s<>"']+@[^\s<>"']+\.[a-z]{2,}/i
        .exec(`${chip.getAttribute('email') ?? ''} ${chip.getAttribute('data-hovercard-id') ?? ''} ${chip.getAttribute('title') ?? ''}`)?.[0]
        ?.toLowerCase();
      if (email && email !== account) found.add(email);
    }
    if (found.size) return [...found];
    if (el.matches(composeRoot)) break;
  }
  return [];
}

export function insertIntoCompose(doc: Document, adapter: HostAdapter, request: InsertRequest, caret: CaretMemory): InsertResult {
  const editors = adapter.composeEditors(doc);
  const remembered = caret.recall();
  const editor = remembered?.editor ?? editors[editors.length - 1];
  if (!editor) return { ok: false, reason: 'No compose window is open: start a reply or a new email, then insert.' };
  // Never the wrong person: a draft visibly addressed to someone else gets nothing.
  if (request.to) {
    const recipients = adapter.recipients?.(editor, request.account) ?? [];
    if (recipients.length && !recipients.includes(request.to.toLowerCase())) {
      return {
        ok: false,
        reason: `This draft is addressed to ${recipients.join(', ')}, not ${request.to}. Nothing was inserted: open a draft to ${request.to}.`,
      };
    }
  }

  let where: 'caret' | 'top' = 'caret';
  let range = remembered?.range;
  if (!range) {
    where = 'top';
    range = doc.createRange();
    range.setStart(editor, 0);
    range.collapse(true);
  } else {
    range = atLineEnd(editor, range);
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

/** What the user wrote in the draft (not the quoted email, not the signature) already greets someone ("Hi Dana,"). */
function greets(editor: HTMLElement): boolean {
  const own = editor.cloneNode(true) as HTMLElement;
  for (const el of own.querySelectorAll('blockquote, .gmail_quote, .gmail_signature, [id*="signature" i], [id*="reply" i]')) el.remove();
  return /(^|[\s.!?])(hi|hello|hey|dear)\s+[^\s,]{1,40},/i.test(own.textContent ?? '');
}

/** The inserted ask without its first paragraph when that paragraph is only a greeting ("Hi Zoë,"). */
function withoutGreeting(html: string): string {
  return html.replace(/^<p>(hi|hello|hey|dear)\b[^<]{0,80},?<\/p>/i, '');
}
