/**
 * The field picker for any other CRM: a bar at the top of the page asks for one field at a time
 * ("Click the element that holds: Email"), outlines what the pointer is over, and records a CSS
 * selector for each click. Built with DOM APIs and textContent only (the host's Trusted Types
 * and CSP apply to the page, and nothing the page shows is ever parsed as HTML).
 */
import { isWhereToWrite, PICK_FIELDS as ALL_FIELDS, pickLabel, type CustomPicks } from './custom-fields';
import { emailLabelBeside, packPick } from './picks';

const cssEscape = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`));
/** Ids and attributes that look generated (long digit runs, hashes) do not survive a reload. */
const stable = (v: string) => !!v && v.length < 80 && !/\d{4,}|[a-f0-9]{8,}|^:r|^ember\d/i.test(v);
const HOOKS = ['data-testid', 'data-test', 'data-field', 'data-qa', 'name', 'itemprop', 'aria-label'];

/** A selector that finds `el` again on the same kind of page: stable hooks first, else a short path. */
export function selectorFor(el: Element): string {
  const doc = el.ownerDocument;
  const unique = (sel: string) => {
    try {
      return doc.querySelectorAll(sel).length === 1 && doc.querySelector(sel) === el;
    } catch {
      return false;
    }
  };
  if (el.id && stable(el.id) && unique(`#${cssEscape(el.id)}`)) return `#${cssEscape(el.id)}`;
  for (const attr of HOOKS) {
    const v = el.getAttribute(attr);
    const sel = v && stable(v) ? `${el.tagName.toLowerCase()}[${attr}="${v.replace(/"/g, '\\"')}"]` : '';
    if (sel && unique(sel)) return sel;
  }
  // A path of tag:nth-of-type steps up to the nearest ancestor with a stable id (or the body).
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node !== doc.body && node !== doc.documentElement) {
    if (node !== el && node.id && stable(node.id)) {
      steps.unshift(`#${cssEscape(node.id)}`);
      break;
    }
    const tag = node.tagName.toLowerCase();
    const same = node.parentElement ? [...node.parentElement.children].filter((c) => c.tagName === node!.tagName) : [];
    steps.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    node = node.parentElement;
  }
  if (!steps[0]?.startsWith('#')) steps.unshift('body');
  return steps.join(' > ');
}

/**
 * Runs the picker; `onDone` gets the picks when every field was picked or skipped, `onEnd` runs
 * either way. The email editor is asked for only on a site the user added (`withEditor`): the
 * named hosts' editors are known.
 */
export function runPicker(
  doc: Document,
  onDone: (picks: CustomPicks) => void,
  onEnd?: () => void,
  withEditor = true,
  /** Only the user's own clicks pick: a page answering with synthetic clicks names no one (issue 30). Tests stand in for the user. */
  byUser: (e: Event) => boolean = (e) => e.isTrusted,
): () => void {
  const PICK_FIELDS = withEditor ? ALL_FIELDS : ALL_FIELDS.filter((f) => !isWhereToWrite(f));
  const picks: CustomPicks = {};
  let index = 0;
  const controller = new AbortController();
  const { signal } = controller;

  const bar = doc.createElement('div');
  bar.setAttribute('data-referral-window-picker', '');
  Object.assign(bar.style, {
    position: 'fixed',
    bottom: '0',
    left: '0',
    right: '0',
    zIndex: '2147483647',
    display: 'flex',
    gap: '8px',
    alignItems: 'center',
    padding: '8px 12px',
    background: '#0b57d0',
    color: '#fff',
    font: '14px system-ui, sans-serif',
    boxShadow: '0 2px 6px rgba(0,0,0,.3)',
  });
  const prompt = doc.createElement('strong');
  const skip = doc.createElement('button');
  skip.textContent = 'Skip this field';
  const cancel = doc.createElement('button');
  cancel.textContent = 'Cancel';
  for (const b of [skip, cancel]) Object.assign(b.style, { font: 'inherit', padding: '2px 10px', cursor: 'pointer' });
  bar.append(prompt, skip, cancel);

  const outline = doc.createElement('div');
  Object.assign(outline.style, {
    position: 'fixed',
    zIndex: '2147483646',
    pointerEvents: 'none',
    border: '2px solid #0b57d0',
    background: 'rgba(11,87,208,.12)',
    display: 'none',
  });
  doc.documentElement.append(outline, bar);

  const show = () => {
    const field = PICK_FIELDS[index]!;
    const what = isWhereToWrite(field) ? 'the email editor, where the ask is written' : `the element that holds ${pickLabel(field)}`;
    prompt.textContent = `Referral window: click ${what} (${index + 1} of ${PICK_FIELDS.length})`;
  };
  const finish = (save: boolean) => {
    controller.abort();
    bar.remove();
    outline.remove();
    if (save) onDone(picks);
    onEnd?.();
  };
  const next = () => {
    index++;
    if (index >= PICK_FIELDS.length) finish(true);
    else show();
  };
  const ours = (t: EventTarget | null) => t instanceof Node && (bar.contains(t) || t === outline);

  doc.addEventListener(
    'mousemove',
    (e) => {
      const target = e.target as Element;
      if (ours(target) || !(target instanceof Element)) return;
      // The bar moves out of the way of what the pointer is over (bottom by default, top near it).
      const nearBottom = e.clientY > doc.documentElement.clientHeight - 90;
      Object.assign(bar.style, nearBottom ? { top: '0', bottom: '' } : { top: '', bottom: '0' });
      const r = target.getBoundingClientRect();
      Object.assign(outline.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    },
    { signal, capture: true },
  );
  doc.addEventListener(
    'click',
    (e) => {
      if (ours(e.target) || !byUser(e)) return;
      // The click picks; it must not also follow a link or press the CRM's button.
      e.preventDefault();
      e.stopPropagation();
      const field = PICK_FIELDS[index]!;
      // An editor is picked whole, wherever in its text the click landed.
      const target = e.target instanceof Element && isWhereToWrite(field) ? (e.target.closest('[contenteditable="true"]') ?? e.target) : e.target;
      if (target instanceof Element) picks[field] = field === 'email' ? packPick(selectorFor(target), emailLabelBeside(target)) : selectorFor(target);
      next();
    },
    { signal, capture: true },
  );
  doc.addEventListener('keydown', (e) => e.key === 'Escape' && finish(false), { signal, capture: true });
  skip.addEventListener('click', (e) => byUser(e) && next(), { signal });
  cancel.addEventListener('click', (e) => byUser(e) && finish(false), { signal });
  show();
  return () => finish(false);
}
