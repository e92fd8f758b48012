/**
 * Renders a template into the HTML and plain text inserted into a compose box.
 *
 * The template language is deliberately tiny: blank line = new paragraph, newline = line break,
 * **bold**, *italic*, [text](url) and {{variable}}. The template is parsed first and values are
 * inserted afterwards as escaped text, so a value can never become markup: a client called
 * `<img onerror=...>` or `**x**` arrives as those characters. Links are kept only for http(s) and
 * mailto URLs. A missing value is never dropped silently: it renders as a visible
 * "[FILL IN: ...]" marker (plain text) and is reported in `missing`.
 */
import { VARIABLES, type Template, type VariableName } from './schema';

export type Values = Partial<Record<VariableName, string | string[]>>;

export interface Rendered {
  html: string;
  text: string;
  subject: string;
  /** Variables the template used that had no value (each once, in order of appearance). */
  missing: VariableName[];
  /** Variables the template names that do not exist. */
  unknown: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  // Control and zero-width characters are how "java\u200Bscript:" sneaks past a scheme check.
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\s]/.test(trimmed)) return undefined;
  return /^(https?:\/\/[^/?#]+|mailto:[^?#]+@)/i.test(trimmed) ? trimmed : undefined;
}

/**
 * NUL, C0 controls and the Unicode bidirectional overrides (U+202A-E, U+2066-9) and marks: a name
 * holding U+202E shows reversed in the client's mail; none of them belongs in an email (issue 21).
 */
export function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

// A link's address may hold one level of parentheses (https://en.wikipedia.org/wiki/Acme_(company), javascript:alert(1)).
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|\{\{\s*([A-Za-z]+)\s*\}\}/g;

class Renderer {
  missing: VariableName[] = [];
  unknown: string[] = [];
  constructor(private values: Values) {}

  /** Renders with other values for a moment (the client's note in their voice), gaps still counted once. */
  withValues<T>(values: Values, run: () => T): T {
    const before = this.values;
    this.values = values;
    try {
      return run();
    } finally {
      this.values = before;
    }
  }

  private value(name: string): { text: string; html: string } {
    // Own keys only: {{toString}} or {{constructor}} are unknown names, not the object's methods (issue 21).
    if (!Object.hasOwn(VARIABLES, name)) {
      if (!this.unknown.includes(name)) this.unknown.push(name);
      return { text: `{{${name}}}`, html: escapeHtml(`{{${name}}}`) };
    }
    const key = name as VariableName;
    const raw = Object.hasOwn(this.values, key) ? this.values[key] : undefined;
    const list = (Array.isArray(raw) ? raw : [raw ?? '']).map((v) => (typeof v === 'string' ? stripControls(v).trim() : '')).filter(Boolean);
    if (list.length === 0) {
      if (!this.missing.includes(key)) this.missing.push(key);
      const marker = `[FILL IN: ${VARIABLES[key]}]`;
      // Plain text, no highlight: nothing the extension styles may reach a sent email (issue 18);
      // the sidebar lists the gaps and selects each in the draft for the user to type over.
      return { text: marker, html: escapeHtml(marker) };
    }
    if (key === 'myLinks') {
      return {
        text: list.join('\n'),
        html: list.map((url) => (safeUrl(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url))).join('<br>'),
      };
    }
    return { text: list.join(', '), html: escapeHtml(list.join(', ')) };
  }

  inline(source: string): { text: string; html: string } {
    let text = '';
    let html = '';
    let last = 0;
    for (const m of source.matchAll(INLINE)) {
      const plain = source.slice(last, m.index);
      text += plain;
      html += escapeHtml(plain);
      last = m.index! + m[0].length;
      const [, bold, italic, linkText, linkUrl, variable] = m;
      if (bold !== undefined || italic !== undefined) {
        const inner = this.inline((bold ?? italic)!);
        const tag = bold !== undefined ? 'b' : 'i';
        text += inner.text;
        html += `<${tag}>${inner.html}</${tag}>`;
      } else if (linkText !== undefined) {
        const label = this.inline(linkText);
        const url = this.inline(linkUrl!).text;
        const safe = safeUrl(url);
        text += safe ? `${label.text} (${safe})` : label.text;
        html += safe ? `<a href="${escapeHtml(safe)}">${label.html}</a>` : label.html;
      } else {
        const v = this.value(variable!);
        text += v.text;
        html += v.html;
      }
    }
    const rest = source.slice(last);
    return { text: text + rest, html: html + escapeHtml(rest) };
  }

  block(source: string): { text: string; html: string } {
    const paragraphs = source
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    const rendered = paragraphs.map((p) => {
      const lines = p.split('\n').map((line) => this.inline(line));
      return { text: lines.map((l) => l.text).join('\n'), html: `<p>${lines.map((l) => l.html).join('<br>')}</p>` };
    });
    return { text: rendered.map((r) => r.text).join('\n\n'), html: rendered.map((r) => r.html).join('') };
  }
}

const QUOTE_STYLE = 'margin:0 0 0 0.8ex;border-left:2px solid #ccc;padding-left:1ex';

/**
 * The whole message: the ask, the lead-in and the subject in your voice (`values`); the note the
 * client forwards in theirs (`note` over `values`: their result as they said it, issue 33).
 */
export function render(template: Pick<Template, 'subject' | 'ask' | 'leadIn' | 'intro'>, values: Values, note: Values = {}): Rendered {
  const r = new Renderer(values);
  const ask = r.block(template.ask);
  const intro = template.intro.trim() ? r.withValues({ ...values, ...note }, () => r.block(template.intro)) : undefined;
  const leadIn = template.leadIn.trim() && intro ? r.inline(template.leadIn.trim()) : undefined;
  const subject = r.inline(template.subject.replace(/\s+/g, ' ').trim()).text;

  let html = ask.html;
  let text = ask.text;
  if (intro) {
    if (leadIn) {
      html += `<p>${leadIn.html}</p>`;
      text += `\n\n${leadIn.text}`;
    }
    html += `<blockquote style="${QUOTE_STYLE}">${intro.html}</blockquote>`;
    text += `\n\n${intro.text
      .split('\n')
      .map((l) => `> ${l}`.trimEnd())
      .join('\n')}`;
  }
  // A trailing empty paragraph keeps the user's signature and quoted reply apart from our text.
  return { html: `${html}<p><br></p>`, text: `${text}\n\n`, subject, missing: r.missing, unknown: r.unknown };
}

/** Messages with no note to forward: a follow-up points back to the first one; a thank-you and an update close the loop. */
const WITHOUT_INTRO = new Set<Template['kind']>(['follow-up', 'thanks', 'update']);

/** Problems the editor shows before saving: unknown variables, empty parts. */
export function validateTemplate(template: Pick<Template, 'kind' | 'subject' | 'ask' | 'leadIn' | 'intro'>): string[] {
  const problems: string[] = [];
  if (!template.ask.trim()) problems.push('The ask to the client is empty.');
  if (!WITHOUT_INTRO.has(template.kind) && !template.intro.trim()) problems.push('The forwardable intro is empty.');
  const { unknown } = render(template, {});
  for (const name of unknown)
    problems.push(
      `Unknown variable {{${name}}}: use one of ${Object.keys(VARIABLES)
        .map((v) => `{{${v}}}`)
        .join(', ')}.`,
    );
  // What would otherwise reach the client as typed, or vanish without a word (issue 18).
  const PARTS = { subject: 'the subject', ask: 'the ask', leadIn: 'the lead-in', intro: 'the intro' } as const;
  for (const [part, where] of Object.entries(PARTS) as Array<[keyof typeof PARTS, string]>) {
    template[part].split('\n').forEach((line, i) => {
      const at = `Line ${i + 1} of ${where}`;
      const rest = line.replace(/\{\{\s*[A-Za-z]+\s*\}\}/g, '');
      if (/\{\{\s*[#/^]/.test(rest)) problems.push(`${at}: conditions such as {{#if}} are not supported; write the sentence without them.`);
      else if (/\{\{|\}\}/.test(rest)) problems.push(`${at}: a placeholder is not written as {{name}} (for example {{firstName}}); close it with two braces.`);
      for (const [, target] of line.matchAll(/\[[^\]\n]*\]\(((?:[^()]|\([^()]*\))*)\)/g)) {
        if (!/^(https?:\/\/|mailto:)/i.test(target!.trim()))
          problems.push(`${at}: the link to "${target}" would be removed; links must start with https://, http:// or mailto:.`);
      }
    });
  }
  return problems;
}
