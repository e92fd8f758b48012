// @vitest-environment happy-dom
/**
 * No injection: thousands of generated names, companies and template variables (HTML, script URLs, RTL
 * and zero-width characters, very long strings) rendered and inserted into a compose editor
 * produce only text and the allowed formatting, with links only to http(s) and mailto.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaretMemory, insertIntoCompose } from '../../lib/hosts/compose';
import { gmail } from '../../lib/hosts/gmail';
import { DEFAULT_TEMPLATES } from '../../lib/templates/defaults';
import { render, stripControls } from '../../lib/templates/render';

const ALLOWED_TAGS = new Set(['P', 'BR', 'B', 'I', 'A', 'SPAN', 'BLOCKQUOTE', 'DIV']);
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '"><svg/onload=alert(1)>',
    "javascript:alert('x')",
    'JaVaScRiPt:alert(1)',
    'java\u200Bscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '\u202Eevil\u202C',
    '\u200B\u200C\u200D\uFEFF',
    '**bold** *it* [x](javascript:alert(1)) {{myName}}',
    '</p><script>alert(1)</script><p>',
    '&lt;b&gt;',
  ),
  fc.string({ minLength: 2_000, maxLength: 5_000 }),
);

describe('no injection through templates into a compose editor', () => {
  it('generated values (2,000 by default, FC_RUNS for more) produce only text and allowed formatting', () => {
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('g_editable', 'true');
    document.body.replaceChildren(editor);
    const caret = new CaretMemory(() => [editor]);
    fc.assert(
      fc.property(
        fc.record({
          firstName: hostile,
          company: hostile,
          results: hostile,
          myName: hostile,
          myLinks: fc.array(hostile, { maxLength: 2 }),
          incentive: hostile,
        }),
        fc.nat(DEFAULT_TEMPLATES.length - 1),
        (values, t) => {
          editor.replaceChildren();
          const out = render(DEFAULT_TEMPLATES[t]!, values);
          const result = insertIntoCompose(document, gmail, { html: out.html, text: out.text }, caret);
          expect(result.ok).toBe(true);
          for (const el of editor.querySelectorAll('*')) {
            expect(ALLOWED_TAGS.has(el.tagName), el.tagName).toBe(true);
            for (const attr of el.getAttributeNames()) expect(['href', 'style'], attr).toContain(attr);
            if (el.tagName === 'A') expect(el.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/i);
          }
          const shown = stripControls(values.firstName).trim();
          if (shown) expect(editor.textContent).toContain(shown);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 2_000) },
    );
  }, 120_000);
});
