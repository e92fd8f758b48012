import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './defaults';
import { escapeHtml, render, safeUrl, stripControls, validateTemplate } from './render';
import { chooseTemplate } from './choose';
import { firstName } from './values';

const tpl = (ask: string, intro = '', subject = '') => ({ ask, intro, subject, leadIn: 'Forward this:' });

/** Parses rendered HTML the way a compose box would and lists what it contains. */
function parse(html: string) {
  const { document } = new Window();
  document.body.innerHTML = html;
  return document;
}

describe('render', () => {
  it('escapes values: a name that looks like HTML arrives as text', () => {
    const out = render(tpl('Hi {{firstName}}'), { firstName: '<img src=x onerror=alert(1)>' });
    expect(out.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const doc = parse(out.html);
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.body.textContent).toContain('Hi <img src=x onerror=alert(1)>');
  });

  it('values are not markup: ** and [x](javascript:) in a value stay literal', () => {
    const out = render(tpl('Hi {{company}}'), { company: '**Bold** [x](javascript:alert(1))' });
    expect(parse(out.html).querySelectorAll('b, a')).toHaveLength(0);
  });

  it('formatting: paragraphs, line breaks, bold, italic, safe links only', () => {
    const out = render(tpl('One\nline two\n\n**b** *i* [site](https://ex.example/a?b=1) [bad](javascript:alert(1))'), {});
    const doc = parse(out.html);
    expect(doc.querySelectorAll('p').length).toBeGreaterThanOrEqual(2);
    expect(doc.querySelector('br')).not.toBeNull();
    expect(doc.querySelector('b')?.textContent).toBe('b');
    expect(doc.querySelector('i')?.textContent).toBe('i');
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://ex.example/a?b=1']);
    expect(out.text).toContain('site (https://ex.example/a?b=1)');
  });

  it('a missing value is marked visibly and reported', () => {
    const out = render(tpl('We got {{results}} for {{company}}'), { company: 'Acme' });
    expect(out.missing).toEqual(['results']);
    expect(out.text).toContain('[FILL IN: the results they got');
    expect(out.html).toContain('[FILL IN:');
    // Plain text: no highlight of ours reaches the email (issue 18).
    expect(out.html).not.toMatch(/style="[^"]*background/);
  });

  it('two parts: the intro is a quoted block after a one-line lead-in', () => {
    const out = render(tpl('Ask', 'Intro for a peer'), {});
    const doc = parse(out.html);
    expect(doc.querySelector('blockquote')?.textContent).toBe('Intro for a peer');
    expect(out.text).toMatch(/Ask\n\nForward this:\n\n> Intro for a peer/);
  });

  it('validation names unknown variables and empty parts', () => {
    expect(validateTemplate({ kind: 'ask', subject: '', ask: 'Hi {{frstName}}', leadIn: '', intro: '' })).toEqual([
      'The forwardable intro is empty.',
      expect.stringContaining('Unknown variable {{frstName}}'),
    ]);
    for (const t of DEFAULT_TEMPLATES) expect(validateTemplate(t), t.id).toEqual([]);
  });

  it("{{toString}}, {{constructor}}, {{valueOf}} are unknown names, never the object's methods (issue 21)", () => {
    for (const name of ['toString', 'constructor', 'valueOf', 'hasOwnProperty']) {
      const out = render({ subject: '', ask: `Hi {{${name}}}`, leadIn: '', intro: '' }, { firstName: 'Dana' });
      expect(out.unknown, name).toEqual([name]);
      expect(validateTemplate({ kind: 'follow-up', subject: '', ask: `Hi {{${name}}}`, leadIn: '', intro: '' })[0]).toContain(`Unknown variable {{${name}}}`);
    }
  });

  it('bidirectional overrides, NUL and control characters never reach the draft (issue 21)', () => {
    const out = render(
      { subject: 'For {{firstName}}', ask: 'Hi {{firstName}} of {{company}}', leadIn: '', intro: '' },
      { firstName: 'Da\u202Ena\u0000', company: 'Ac\u2066me\u0007' },
    );
    expect(out.text).toContain('Hi Dana of Acme');
    expect(out.subject).toBe('For Dana');
    expect(out.html).not.toMatch(/[\u0000\u0007\u202e\u2066]/);
  });

  it('links: only http(s) and mailto, no hidden characters', () => {
    expect(safeUrl('https://a.example')).toBeDefined();
    expect(safeUrl('mailto:me@a.example')).toBeDefined();
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'java\u200bscript:x', 'data:text/html,x', '//evil.example', 'https://a.example/\u202e']) {
      expect(safeUrl(bad), bad).toBeUndefined();
    }
  });

  it('property: any values render to text and allowed tags only', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('<script>x</script>', '"><svg onload=1>', 'javascript:alert(1)', '\u202eabc', 'a\u200bb', '**x**', '[a](javascript:1)'),
    );
    fc.assert(
      fc.property(fc.record({ firstName: anyText, company: anyText, results: anyText, myLinks: fc.array(anyText, { maxLength: 3 }) }), (values) => {
        const t = DEFAULT_TEMPLATES[0]!;
        const out = render(t, values);
        const doc = parse(out.html);
        for (const el of doc.body.querySelectorAll('*')) {
          expect(['P', 'BR', 'B', 'I', 'A', 'SPAN', 'BLOCKQUOTE']).toContain(el.tagName);
          for (const attr of el.getAttributeNames()) expect(['href', 'style']).toContain(attr);
          if (el.tagName === 'A') expect(el.getAttribute('href')).toMatch(/^(https?:\/\/|mailto:)/i);
        }
        // The value as written, less the control characters that never reach a draft.
        const shown = stripControls(values.firstName).trim();
        expect(doc.body.textContent).toContain(shown ? shown : '[FILL IN');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  }, 60_000);

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('choosing a template', () => {
  it('the segment first, then the default; incentive variant when wanted', () => {
    expect(chooseTemplate(DEFAULT_TEMPLATES, { kind: 'ask', segment: 'b2c', incentive: false })?.id).toBe('b2c-ask');
    expect(chooseTemplate(DEFAULT_TEMPLATES, { kind: 'ask', segment: 'Enterprise', incentive: false })?.id).toBe('default-ask');
    expect(chooseTemplate(DEFAULT_TEMPLATES, { kind: 'ask', incentive: true })?.id).toBe('default-ask-incentive');
    expect(chooseTemplate(DEFAULT_TEMPLATES, { kind: 'reactivation', incentive: true })?.id).toBe('reactivation');
    expect(chooseTemplate(DEFAULT_TEMPLATES, { kind: 'follow-up', incentive: false })?.id).toBe('follow-up');
  });

  it('first names', () => {
    expect(firstName('Ada Lovelace')).toBe('Ada');
    expect(firstName('Lovelace, Ada')).toBe('Ada');
    expect(firstName('')).toBe('');
  });
});

describe('templates that would reach the client broken are refused with the line and what to write (issue 18)', () => {
  it('an unclosed placeholder, a condition, and a link that is not http(s) or mailto', async () => {
    const { validateTemplate } = await import('./render');
    const { DEFAULT_TEMPLATES } = await import('./defaults');
    const base = DEFAULT_TEMPLATES[0]!;
    expect(validateTemplate({ ...base, ask: 'Hello,\nHi {{firstName},' })).toEqual([
      'Line 2 of the ask: a placeholder is not written as {{name}} (for example {{firstName}}); close it with two braces.',
    ]);
    expect(validateTemplate({ ...base, ask: '{{#if results}}Great results!{{/if}}' })[0]).toMatch(/^Line 1 of the ask: conditions such as \{\{#if\}\}/);
    expect(validateTemplate({ ...base, intro: 'See [our site](javascript:alert(1)) now' })[0]).toMatch(
      // The whole address, not cut at its first ")" (issue 33).
      /^Line 1 of the intro: the link to "javascript:alert\(1\)" would be removed/,
    );
    // A real address with parentheses is a link, rendered whole.
    const wiki = render({ subject: '', ask: 'See [Acme](https://en.wikipedia.org/wiki/Acme_(company)) here', leadIn: '', intro: '' }, {});
    expect(wiki.html).toContain('<a href="https://en.wikipedia.org/wiki/Acme_(company)">Acme</a>');
    for (const template of DEFAULT_TEMPLATES) expect(validateTemplate(template), template.id).toEqual([]);
  });
});

describe('every default template reads as an email a careful account manager would send (issue 18)', () => {
  it('with a full profile: no gap, no doubled word, no empty clause, one lead-in, a sign-off, and both sides of an incentive where they belong', async () => {
    const { render } = await import('./render');
    const { DEFAULT_TEMPLATES } = await import('./defaults');
    const values = {
      firstName: 'Dana',
      company: 'Acme Logistics',
      product: 'Northwind Routing',
      results: 'you cut delivery times by 30%',
      myName: 'Alex Moreau',
      myTitle: 'Account Manager',
      myCompany: 'Northwind',
      myEmail: 'alex@northwind.example',
      myPhone: '+1 555 0100',
      myLinks: ['https://northwind.example/alex'],
      incentive: 'a $100 credit',
      friendOffer: 'their first month free',
      referralName: 'Priya Raman',
      referralOutcome: 'they are now a customer',
    };
    for (const template of DEFAULT_TEMPLATES) {
      const out = render(template, values);
      const [ask = '', intro = ''] = out.text.split(template.leadIn);
      const where = template.id;
      expect(out.missing, where).toEqual([]);
      expect(out.text, where).not.toMatch(/\[FILL IN/);
      expect(out.text, where).not.toMatch(/\b(\w+)\s+\1\b/i);
      expect(out.text, where).not.toMatch(/\(\s*\)|,\s*[,.]|:\s*\.|\s[,.]/);
      // One lead-in: the ask does not announce the note a second time.
      expect(
        ask.split('\n').filter((l) => /note .*:\s*$/i.test(l)),
        where,
      ).toEqual([]);
      // A sign-off: the ask ends with the user's name.
      expect(ask.trim().split('\n').at(-1), where).toBe('Alex Moreau');
      if (template.incentive) {
        expect(ask, where).toContain('a $100 credit');
        expect(ask, where).toContain('their first month free');
        expect(intro, where).toContain('their first month free');
      }
      if (intro) expect(intro.trim().split('\n').at(-1)?.replace(/^>\s*/, ''), `${where}: the intro is signed by the client`).toBe('Dana');
    }
  });
});
