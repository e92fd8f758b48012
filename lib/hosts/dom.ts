/**
 * Small, host-neutral DOM readers shared by the adapters. They read text without layout
 * (`textContent`, never `innerText`) so that reading a page never forces a reflow.
 */

const BLOCK = /^(DIV|P|BR|LI|TR|H[1-6]|BLOCKQUOTE|PRE|TABLE)$/;

/**
 * What an email's own inline styles hide from its reader (issue 33: such text was proposed as the
 * client's result): not displayed, invisible, transparent, zero-sized, or white text (emails are
 * read on white) with no background of its own.
 */
export function hiddenByStyle(style: string | null): boolean {
  if (!style) return false;
  const s = style.toLowerCase().replace(/\s+/g, '');
  if (/(^|;)(display:none|visibility:hidden|mso-hide:all)/.test(s)) return true;
  if (/(^|;)opacity:0?\.?0*(;|$|!)/.test(s) || /(^|;)font-size:0(\.0*)?(px|pt|em|rem|%)?(;|$|!)/.test(s)) return true;
  if (/(^|;)(max-)?height:0(px)?(;|$|!)/.test(s) && /overflow:hidden/.test(s)) return true;
  const white = /(^|;)color:(#fff(fff)?|white|rgba?\(255,255,255(,1(\.0*)?)?\))(;|$|!)/.test(s);
  return white && !/background(-color)?:/.test(s);
}

/**
 * The text of `root`, with line breaks at block boundaries, skipping subtrees matching `skip` and
 * what the email hides, and ending where an element matching `stopAt` begins.
 */
export function readableText(root: Element, skip?: string, stopAt?: string): string {
  let out = '';
  let stopped = false;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && !stopped; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        // Where the quoted original begins (Outlook's reply header, followed by its plain blocks): nothing after it is theirs.
        if (stopAt && el.matches(stopAt)) {
          stopped = true;
          return;
        }
        if (skip && el.matches(skip)) continue;
        // Hidden parts of a message (stale copies, templates, text an email hides from its reader)
        // are not what it says.
        if (el.tagName === 'TEMPLATE' || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || hiddenByStyle(el.getAttribute('style')))
          continue;
        const block = BLOCK.test(el.tagName);
        if (block && out && !out.endsWith('\n')) out += '\n';
        walk(el);
        if (block && !out.endsWith('\n')) out += '\n';
      }
    }
  };
  walk(root);
  return out
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Parses the dates hosts show ("Tue, Nov 3, 2026, 10:14 AM", "3 Nov 2026 10:14", ISO) as the
 * viewer's local time, which is how the host rendered them. Undefined when unreadable.
 */
export function parseHostDate(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (iso) {
    const d = new Date(s.trim());
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  const us = /([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2})\s*([AP]M)?)?/i.exec(s);
  const eu = /(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2})\s*([AP]M)?)?/i.exec(s);
  const m = us
    ? { mon: us[1]!, day: us[2]!, year: us[3]!, h: us[4], min: us[5], ampm: us[6] }
    : eu
      ? { mon: eu[2]!, day: eu[1]!, year: eu[3]!, h: eu[4], min: eu[5], ampm: eu[6] }
      : undefined;
  if (!m) return undefined;
  const month = MONTHS.indexOf(m.mon.toLowerCase());
  if (month < 0) return undefined;
  let hour = m.h ? Number(m.h) : 12;
  if (m.ampm) hour = (hour % 12) + (m.ampm.toUpperCase() === 'PM' ? 12 : 0);
  const d = new Date(Number(m.year), month, Number(m.day), hour, m.min ? Number(m.min) : 0);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
