// @vitest-environment happy-dom
/**
 * Perturbation property (issue 14): a fixture rewritten the way hosts change (hashed class names
 * renamed, wrapper elements added or removed, siblings reordered, a hidden stale copy about
 * another person added anywhere) is read as the right contact, or as "missing"/"ambiguous" with a
 * reason: never as another person. FC_RUNS sets the number of pages tried per shape (60).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, selfFrom } from '../../lib/identity';
import { CaretMemory, closestAcross, insertIntoCompose } from '../../lib/hosts/compose';
import { queryDeep } from '../../lib/hosts/visible';
import { customAdapter } from '../../lib/hosts/custom';
import { selectorFor } from '../../lib/hosts/picker';
import { emailLabelBeside, packPick } from '../../lib/hosts/picks';
import type { HostAdapter } from '../../lib/hosts/types';
import { adapterFor } from '../../lib/hosts';
import { fixtureHtml, loadHtml, readPage } from './load-fixture';

const SINCE = { '{{CUSTOMER_SINCE}}': '2026-07-20' };
const CASES: Array<[fixture: string, url: string, email: string]> = [
  ['gmail/thread-own-reply-last.html', 'https://mail.google.com/mail/u/0/#inbox/a', 'dana@acme-logistics.example'],
  ['shapes/gmail-hidden-stale-thread.html', 'https://mail.google.com/mail/u/0/#inbox/b', 'ines.duarte@duarte-vinhos.example'],
  ['shapes/gmail-hovercard-renamed.html', 'https://mail.google.com/mail/u/0/#inbox/c', 'zoltan@kiss-kft.example'],
  ['outlook/conversation-reply.html', 'https://outlook.office.com/mail/inbox/id/A', 'kenji.sato@hoshi-foods.example'],
  ['shapes/outlook-hashed.html', 'https://outlook.office.com/mail/inbox/id/B', 'kenji.sato@hoshi-foods.example'],
  ['hubspot/contact-record.html', 'https://app.hubspot.com/contacts/1/record/0-1/51', 'priya.raman@lumen-health.example'],
  ['shapes/hubspot-plain-text.html', 'https://app.hubspot.com/contacts/1/record/0-1/52', 'priya.raman@lumen-health.example'],
  ['shapes/hubspot-inputs.html', 'https://app.hubspot.com/contacts/1/record/0-1/53', 'tomasz@wisniewski-logistyka.example'],
  ['shapes/hubspot-highlight-card.html', 'https://app.hubspot.com/contacts/1/record/0-1/54', 'yara@haddad-trading.example'],
  ['salesforce/contact-record.html', 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view', 'marco@bellini-tessuti.example'],
  ['shapes/salesforce-native-shadow.html', 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view', 'marco@bellini-tessuti.example'],
  ['pipedrive/person.html', 'https://northwind.pipedrive.com/person/812', 'sofia@nowak-design.example'],
  ['shapes/pipedrive-new-person.html', 'https://northwind.pipedrive.com/person/813', 'sofia@nowak-design.example'],
];

const DECOY = 'stranger@decoy-co.example';
type Op =
  | { kind: 'rename'; at: number; seed: number }
  | { kind: 'wrap'; at: number }
  | { kind: 'unwrap'; at: number }
  | { kind: 'shuffle'; at: number; seed: number }
  | { kind: 'stale'; at: number; how: 'display' | 'hidden' | 'aria' | 'visibility' | 'template'; before: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unwrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('shuffle' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({
    kind: fc.constant('stale' as const),
    at: fc.nat(),
    how: fc.constantFrom('display' as const, 'hidden' as const, 'aria' as const, 'visibility' as const, 'template' as const),
    before: fc.boolean(),
  }),
);

/** Elements a perturbation may touch: the page's content, not its head or the editors' insides. */
function targets(doc: Document): Element[] {
  return [...doc.body.querySelectorAll('*')].filter((el) => !el.closest('template, [contenteditable], style, script'));
}

function apply(doc: Document, o: Op, styleText: string): void {
  const els = targets(doc);
  if (!els.length) return;
  const el = els[o.at % els.length]!;
  switch (o.kind) {
    case 'rename': {
      // Hashed classes change between builds; classes the page's own CSS hides things with stay.
      const renamed = [...el.classList].map((c) => (styleText.includes(`.${c}`) ? c : `h${(o.seed % 9973).toString(36)}${c.length}`));
      if (renamed.length) el.setAttribute('class', renamed.join(' '));
      break;
    }
    case 'wrap': {
      if (el === doc.body) break;
      const wrapper = doc.createElement('div');
      wrapper.className = 'w' + (o.at % 97);
      el.replaceWith(wrapper);
      wrapper.append(el);
      break;
    }
    case 'unwrap': {
      // Only plain wrappers: removing a element that carries meaning is not a layout change.
      if (el.tagName !== 'DIV' || el.attributes.length > 1 || el.parentElement === null || el.querySelector('[contenteditable]')) break;
      el.replaceWith(...el.childNodes);
      break;
    }
    case 'shuffle': {
      const kids = [...el.children];
      if (kids.length < 2) break;
      const order = kids.map((k, i) => [k, (i * 7919 + o.seed) % 101] as const).sort((a, b) => a[1] - b[1]);
      for (const [k] of order) el.append(k);
      break;
    }
    case 'stale': {
      const copy = doc.createElement(o.how === 'template' ? 'template' : 'div');
      // Marked, so that a later "unwrap" does not undo the hiding: a visible copy is a different page.
      copy.setAttribute('data-stale-copy', '');
      const inner = doc.body.cloneNode(true) as HTMLElement;
      for (const node of inner.querySelectorAll('*')) {
        for (const attr of node.getAttributeNames()) {
          const value = node.getAttribute(attr)!;
          if (value.includes('@')) node.setAttribute(attr, value.replace(/[\w.+-]+@[\w.-]+\.[a-z]{2,}/gi, DECOY));
        }
      }
      const html = inner.innerHTML.replace(/[\w.+-]+@[\w.-]+\.[a-z]{2,}/gi, DECOY);
      if (copy instanceof HTMLTemplateElement) copy.innerHTML = html;
      else {
        copy.innerHTML = html;
        if (o.how === 'display') copy.style.display = 'none';
        if (o.how === 'hidden') copy.hidden = true;
        if (o.how === 'aria') copy.setAttribute('aria-hidden', 'true');
        if (o.how === 'visibility') copy.style.visibility = 'hidden';
      }
      const anchor = els[o.at % els.length]!;
      if (anchor === doc.body || anchor.closest('[contenteditable]')) doc.body.prepend(copy);
      else if (o.before) anchor.before(copy);
      else anchor.after(copy);
      break;
    }
  }
}

describe('hosts change their pages: the reader never names another person', () => {
  const runs = Number(process.env.FC_RUNS ?? 60);
  it.each(CASES)(
    '%s',
    (fixture, url, expected) => {
      const html = fixtureHtml(fixture, SINCE);
      const styleText = /<style>([\s\S]*?)<\/style>/i.exec(html)?.[1] ?? '';
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 6 }), (ops) => {
          const doc = loadHtml(html, (d) => ops.forEach((o) => apply(d, o, styleText)));
          const page = readPage(adapterFor(url)!, doc, url);
          const email = page.contact?.email;
          if (email !== undefined) expect(email).toBe(expected);
          else expect(page.missing.length + (page.ambiguous ? 1 : 0)).toBeGreaterThan(0);
          for (const c of page.ambiguous?.candidates ?? []) expect(c.email).not.toBe(DECOY);
        }),
        { numRuns: runs },
      );
    },
    120_000,
  );
});

/** Pages the property once found read as the wrong person, replayed on every run (fixed since). */
const FOUND: Array<[fixture: string, url: string, email: string, ops: Op[]]> = [
  // 2026-12-01: the account line unwrapped into the Me control and the client's message wrapper
  // removed: the user's own message was the only one read, and the user was named as the contact.
  [
    'outlook/conversation-reply.html',
    'https://outlook.office.com/mail/inbox/id/A',
    'kenji.sato@hoshi-foods.example',
    [
      { kind: 'unwrap', at: 84616173 },
      { kind: 'unwrap', at: 737899867 },
      { kind: 'shuffle', at: 0, seed: 0 },
    ],
  ],
  // 2026-12-01: the hidden stale thread's hiding wrapper removed, and the real thread's message in
  // a renamed class: two threads shown, one read, and that one was the stranger's.
  [
    'shapes/gmail-hidden-stale-thread.html',
    'https://mail.google.com/mail/u/0/#inbox/b',
    'ines.duarte@duarte-vinhos.example',
    [
      { kind: 'wrap', at: 1051443955 },
      { kind: 'rename', at: 18, seed: 0 },
      { kind: 'wrap', at: 2 },
      { kind: 'unwrap', at: 324961019 },
    ],
  ],
  // 2026-12-02: the same, the hiding wrapper itself wrapped then removed, and the real thread's
  // heading renamed: only the stranger's heading was counted, so one thread seemed open.
  [
    'shapes/gmail-hidden-stale-thread.html',
    'https://mail.google.com/mail/u/0/#inbox/b',
    'ines.duarte@duarte-vinhos.example',
    [
      { kind: 'rename', at: 1909593618, seed: 0 },
      { kind: 'wrap', at: 674 },
      { kind: 'rename', at: 666646812, seed: 0 },
      { kind: 'unwrap', at: 1 },
      { kind: 'unwrap', at: 0 },
    ],
  ],
];

describe('pages the property once read as the wrong person', () => {
  it.each(FOUND)('%s', (fixture, url, expected, ops) => {
    const html = fixtureHtml(fixture, SINCE);
    const styleText = /<style>([\s\S]*?)<\/style>/i.exec(html)?.[1] ?? '';
    const page = readPage(
      adapterFor(url)!,
      loadHtml(html, (d) => ops.forEach((o) => apply(d, o, styleText))),
      url,
    );
    if (page.contact) expect(page.contact.email).toBe(expected);
    else expect(page.missing.length).toBeGreaterThan(0);
  });
});

/**
 * Issue 30: the identity property. On top of the layout changes above, the people a page shows are
 * changed the way a hostile or unusual page would: the user's own address, a colleague's, a quoted
 * local part hiding the client's address, a look-alike in another script, a badge glued to the
 * address, a stranger's mailto in an activity feed, an address in the subject; and the open draft
 * readdressed to a stranger. Decided as the background decides (the user's profile and
 * organisation known). The invariant: the contact is the person the page is about or nobody, never
 * the user, a colleague or a look-alike; and Insert never writes into a draft not addressed to the
 * contact. CI replays a fixed seed (FC_SEED, else 20261206); a local run may set another.
 */
const ME = 'alex@northwind.example';
const COLLEAGUE = 'jo.lind@northwind.example';
type Sly =
  | { kind: 'slot'; at: number; who: 'me' | 'colleague'; up: number }
  | { kind: 'person'; at: number; who: 'me' | 'colleague' | 'quoted' | 'lookalike' | 'glued'; as: 'text' | 'title' | 'mailto' }
  | { kind: 'feed'; at: number }
  | { kind: 'redirect' }
  | { kind: 'shadow'; at: number }
  | { kind: 'subject'; who: 'me' | 'stranger' }
  | { kind: 'association'; who: 'me' | 'colleague' | 'stranger' }
  | { kind: 'second-draft'; at: number };

const sly: fc.Arbitrary<Sly> = fc.oneof(
  fc.record({ kind: fc.constant('slot' as const), at: fc.nat(), who: fc.constantFrom('me' as const, 'colleague' as const), up: fc.nat({ max: 4 }) }),
  fc.record({
    kind: fc.constant('person' as const),
    at: fc.nat(),
    who: fc.constantFrom('me' as const, 'colleague' as const, 'quoted' as const, 'lookalike' as const, 'glued' as const),
    as: fc.constantFrom('text' as const, 'title' as const, 'mailto' as const),
  }),
  fc.record({ kind: fc.constant('feed' as const), at: fc.nat() }),
  fc.constant({ kind: 'redirect' as const }),
  fc.record({ kind: fc.constant('shadow' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('subject' as const), who: fc.constantFrom('me' as const, 'stranger' as const) }),
  fc.record({ kind: fc.constant('association' as const), who: fc.constantFrom('me' as const, 'colleague' as const, 'stranger' as const) }),
  fc.record({ kind: fc.constant('second-draft' as const), at: fc.nat() }),
);

const DRAFT_ROOT =
  '.M9, .AD, [role="dialog"], [data-app-section="ComposeArea"], [data-testid="mail-composer"], [data-selenium-test="email-composer"], .forceEmailEmailComposer, form';
const ADDRESS = /[\w.+-]+@[\w.-]+\.[a-z]{2,}/gi;

function applySly(doc: Document, o: Sly, expected: string): void {
  const els = targets(doc);
  const el = els[('at' in o ? o.at : 0) % Math.max(1, els.length)] ?? doc.body;
  const spot = el.closest('[contenteditable]') ? doc.body : el;
  if (o.kind === 'slot') {
    // The user or a colleague in the contact's own slot: a copy of what holds the client's address
    // (a message, a sender, a record's email row), after it, naming them instead.
    const holders = [...doc.body.querySelectorAll('*')].filter(
      (n) =>
        !n.closest('[contenteditable]') &&
        (n.getAttributeNames().some((a) => n.getAttribute(a)!.includes(expected)) ||
          [...n.childNodes].some((t) => t.nodeType === 3 && t.nodeValue!.includes(expected))),
    );
    let holder: Element | null = holders[o.at % Math.max(1, holders.length)] ?? null;
    for (let i = 0; holder && i < o.up && holder.parentElement && holder.parentElement !== doc.body; i++) holder = holder.parentElement;
    if (!holder || holder.querySelector('[contenteditable]')) return;
    const address = o.who === 'me' ? ME : COLLEAGUE;
    const copy = doc.createElement('div');
    copy.innerHTML = holder.outerHTML.replaceAll(expected, address);
    holder.after(...copy.childNodes);
  } else if (o.kind === 'person') {
    const address = { me: ME, colleague: COLLEAGUE, quoted: `"${expected}"@evil.example`, lookalike: expected.replace('a', 'а'), glued: expected }[o.who];
    const node = o.as === 'mailto' ? doc.createElement('a') : doc.createElement('span');
    if (o.as === 'mailto') node.setAttribute('href', `mailto:${address}`);
    if (o.as === 'title') node.setAttribute('title', address);
    node.textContent = address;
    if (o.who === 'glued') node.append(Object.assign(doc.createElement('span'), { textContent: 'Work' }));
    spot.append(node);
  } else if (o.kind === 'association') {
    // One more person associated with a deal (HubSpot's associations card): a choice, never a guess.
    const address = { me: ME, colleague: COLLEAGUE, stranger: DECOY }[o.who];
    doc
      .querySelector('[data-selenium-test="associations-card-contacts"]')
      ?.insertAdjacentHTML(
        'afterbegin',
        `<div data-selenium-test="association-card"><a class="name" href="/c/1">Someone</a><a href="mailto:${address}">${address}</a></div>`,
      );
  } else if (o.kind === 'subject') {
    // An address in the subject: in the page's title (where Gmail also names the account) and its headings.
    const address = o.who === 'me' ? ME : DECOY;
    doc.title = `Invoice for ${address} - ${doc.title}`;
    for (const h of doc.querySelectorAll('h1, h2')) h.append(` (${address})`);
  } else if (o.kind === 'shadow') {
    // Part of the page moved into an open shadow root (Salesforce's native shadow DOM, 2026).
    if (spot === doc.body) return;
    const host = doc.createElement('div');
    spot.replaceWith(host);
    host.attachShadow({ mode: 'open' }).append(spot);
  } else if (o.kind === 'second-draft') {
    // A second draft open, to a stranger, in every host's compose shape at once.
    const draft = doc.createElement('div');
    draft.setAttribute('data-second-draft', '');
    draft.setAttribute('data-selenium-test', 'email-composer');
    draft.setAttribute('data-testid', 'mail-composer');
    draft.className = 'M9 forceEmailEmailComposer';
    draft.innerHTML = `<div name="to">${DECOY}</div><div class="slds-rich-text-editor__textarea" contenteditable="true" g_editable="true" aria-multiline="true" role="textbox"><p><br></p></div>`;
    spot.append(draft);
  } else if (o.kind === 'feed') {
    const feed = doc.createElement('div');
    feed.setAttribute('role', 'feed');
    feed.innerHTML = `<p>Email with <a href="mailto:${DECOY}">Stranger</a></p><p>Email: ${DECOY}</p>`;
    spot.after(feed);
  } else {
    // The open draft readdressed to a stranger: every address around its editor, and a To field.
    // Across shadow roots: the editor may sit in one its draft's fields are outside of, or the reverse.
    for (const editor of queryDeep(doc, '[contenteditable="true"]')) {
      const root = closestAcross(editor, DRAFT_ROOT) ?? editor.parentElement;
      if (!root) continue;
      for (const node of queryDeep(root, '*')) {
        if (closestAcross(node, '[contenteditable="true"]')) continue;
        for (const attr of node.getAttributeNames()) {
          const value = node.getAttribute(attr)!;
          if (value.includes('@')) node.setAttribute(attr, value.replace(ADDRESS, DECOY));
        }
        for (const t of node.childNodes) if (t.nodeType === 3 && t.nodeValue!.includes('@')) t.nodeValue = t.nodeValue!.replace(ADDRESS, DECOY);
      }
      const to = doc.createElement('div');
      to.setAttribute('name', 'to');
      to.textContent = DECOY;
      editor.before(to);
    }
  }
}

describe('the identity property: never the user, a colleague, a look-alike; never a draft to someone else (issue 30)', () => {
  const runs = Number(process.env.FC_RUNS ?? 40);
  // CI replays one seed; a local run explores a new one each time and names it (FC_SEED replays it).
  const seed = Number(process.env.FC_SEED ?? (process.env.CI ? 20261206 : Date.now() % 2 ** 31));
  let tried = 0;
  /** One page, perturbed, read as the background decides it and inserted into as the real path does. */
  function check(html: string, url: string, expected: string, adapter: HostAdapter, examples: Array<[Op[], Sly[]]> = []) {
    // Shadow roots only where hosts render them (the CRMs; Gmail and Outlook use none).
    const moves = /mail\.google|outlook\./.test(url) ? sly.filter((o) => o.kind !== 'shadow') : sly;
    const styleText = /<style>([\s\S]*?)<\/style>/i.exec(html)?.[1] ?? '';
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3 }), fc.array(moves, { minLength: 1, maxLength: 4 }), (ops, slys) => {
        tried++;
        const doc = loadHtml(html, (d) => {
          ops.forEach((o) => apply(d, o, styleText));
          // Drafts are readdressed last: a later move could put the client back into their To.
          const last = (o: Sly) => o.kind === 'second-draft' || o.kind === 'redirect';
          [...slys.filter((o) => !last(o)), ...slys.filter(last)].forEach((o) => applySly(d, o, expected));
        });
        const read = adapter.read(doc, url);
        const page = identify(read, selfFrom({ account: read.accountEmail, profileEmail: ME, orgDomains: ['northwind.example'] }));
        const email = page.contact?.email;
        expect([ME, COLLEAGUE]).not.toContain(email);
        if (email !== undefined && email !== expected) {
          // Someone else only where no message by anyone but the user could be read: then the
          // contact is whom the user wrote to, or whom the open draft is to (and the ask is for them).
          expect((read.thread?.messages ?? []).filter((m) => m.from !== ME)).toEqual([]);
          expect(read.people?.filter((p) => p.seen === 'draft-to' || p.seen === 'recipient').map((p) => p.email)).toContain(email);
        }
        for (const c of page.ambiguous?.candidates ?? []) {
          expect(c.email).not.toBe(ME);
          if (c.email === COLLEAGUE) expect(c.colleague).toBe(true);
        }
        // Insert for the contact the page is about: a draft readdressed to a stranger, or a second
        // draft to a stranger, is never written into.
        const editors = adapter.composeEditors(doc);
        if (!editors.length) return;
        const result = insertIntoCompose(doc, adapter, { html: '<p>PROBE-ASK</p>', text: 'PROBE-ASK', to: expected }, new CaretMemory(() => editors));
        if (slys.some((o) => o.kind === 'redirect')) expect(result.ok).toBe(false);
        const written = editors.find((e) => e.textContent?.includes('PROBE-ASK'));
        if (!result.ok) expect(written).toBeUndefined();
        else expect(written?.closest('[data-second-draft]')).toBeNull();
      }),
      { numRuns: runs, seed, examples },
    );
  }

  /** Pages the property once read as the wrong person, replayed first on every run (fixed since). */
  const FOUND_PEOPLE: Record<string, Array<[Op[], Sly[]]>> = {
    // 2026-12-06: no account shown, a colleague copied in as a second sender: offered unmarked.
    'shapes/outlook-hashed.html': [[[{ kind: 'unwrap', at: 0 }], [{ kind: 'slot', at: 0, who: 'colleague', up: 2 }]]],
    // 2026-12-06: a stranger associated with the deal, the client's card without its hook: the stranger was named.
    'hubspot/deal-record.html': [
      [
        [{ kind: 'unwrap', at: 247693723 }],
        [
          { kind: 'association', who: 'stranger' },
          { kind: 'shadow', at: 0 },
        ],
      ],
    ],
    // 2026-12-07: the email row's label unwrapped into its row, the user's copy of the value after it,
    // a stranger's feed in the next row: that row was read as the email's value, feed included.
    'shapes/hubspot-plain-text.html': [
      [
        [{ kind: 'unwrap', at: 1881387271 }],
        [
          { kind: 'feed', at: 1774722296 },
          { kind: 'slot', at: 0, who: 'me', up: 0 },
        ],
      ],
    ],
    // 2026-12-07: the editor's wrapper moved into a shadow root, then the draft readdressed: the
    // readdressing stopped at the shadow boundary and left the client in the To row outside it, so
    // the draft was to the client and the stranger and Insert rightly wrote. Kept: it now crosses.
    'hubspot/contact-record.html': [[[], [{ kind: 'shadow', at: 1478828944 }, { kind: 'redirect' }]]],
    // 2026-12-06: an activity feed inside the email value, the client's link in a shadow root: the feed's link was read first.
    'shapes/pipedrive-new-person.html': [
      [
        [
          { kind: 'unwrap', at: 1028047243 },
          { kind: 'wrap', at: 41785263 },
        ],
        [
          { kind: 'shadow', at: 858498826 },
          { kind: 'feed', at: 851107146 },
        ],
      ],
    ],
  };

  it.each(CASES)('%s', (fixture, url, expected) => check(fixtureHtml(fixture, SINCE), url, expected, adapterFor(url)!, FOUND_PEOPLE[fixture]), 120_000);

  it(
    'a HubSpot deal, its contact from the associations card',
    () =>
      check(
        fixtureHtml('hubspot/deal-record.html', SINCE),
        'https://app.hubspot.com/contacts/2456789/record/0-3/77',
        'priya.raman@lumen-health.example',
        adapterFor('https://app.hubspot.com/contacts/2456789/record/0-3/77')!,
        FOUND_PEOPLE['hubspot/deal-record.html'],
      ),
    120_000,
  );

  it('a CRM site the user added, read through the picks the picker stores', () => {
    const html = fixtureHtml('custom-crm/contact.html', { '{{CUSTOMER_SINCE}}': '05/14/2026' });
    const doc = loadHtml(html);
    const pick = (text: string) => [...doc.querySelectorAll('span')].find((s) => s.textContent === text)!;
    const email = pick('amara@okafor-logistics.example');
    const picks = {
      name: selectorFor(pick('Amara Okafor')),
      email: packPick(selectorFor(email), emailLabelBeside(email)),
      composer: selectorFor(doc.querySelector('.mail-form [contenteditable]')!),
    };
    check(html, 'https://crm.northwind-test.example/contacts/1', 'amara@okafor-logistics.example', customAdapter('crm.northwind-test.example', picks));
  }, 120_000);
  afterAll(() => console.log(`identity property: ${tried} pages tried (seed ${seed})`));
});
