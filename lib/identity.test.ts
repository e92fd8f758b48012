// @vitest-environment happy-dom
/**
 * Issue 30: never the wrong person, by construction. Each observation of the issue, on pages shaped
 * otherwise than our fixtures, read through the shipped adapters, decided by the one identity
 * decision (as the background decides it) and written through the real insert path.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addressIn, checkAddress, decide, draftQuestion, identify, plainAddress, selfFrom, type Person } from './identity';
import { Email } from './model';
import { CaretMemory, insertIntoCompose } from './hosts/compose';
import { customAdapter } from './hosts/custom';
import { gmail } from './hosts/gmail';
import { hubspot } from './hosts/hubspot';
import { outlook } from './hosts/outlook';
import { pipedrive } from './hosts/pipedrive';
import { salesforce } from './hosts/salesforce';
import type { Addressees, HostAdapter, PageContext } from './hosts/types';
import { loadFixture, loadHtml } from '../tests/unit/load-fixture';

const ME = 'alex@northwind.example';
/** As the background decides: the page's account, the profile, the organisation. */
const asBackground = (page: PageContext, extra: { orgDomains?: string[]; aliases?: string[] } = {}) =>
  identify(page, selfFrom({ account: page.accountEmail, profileEmail: ME, ...extra }));

function tryInsert(doc: Document, adapter: HostAdapter, to: string, confirmedFor?: string) {
  return insertIntoCompose(
    doc,
    adapter,
    { html: '<p>Hi,</p><p>Would you introduce a peer?</p>', text: 'Would you introduce a peer?', to, confirmedFor },
    new CaretMemory(() => adapter.composeEditors(doc)),
  );
}

const gmailThread = (
  messages: Array<[email: string, name: string, text: string]>,
  extra = '',
  title = `Re: Rollout - ${ME} - Northwind Mail`,
) => `<html><head><title>${title}</title></head><body>
<div role="main"><h2 class="hP" data-legacy-thread-id="t1">Rollout</h2>
${messages
  .map(
    ([email, name, text], i) =>
      `<div class="adn" data-message-id="m${i}"><table><tr><td class="gF"><span class="gD" email="${email.replace(/"/g, '&quot;')}" name="${name}">${name}</span></td></tr></table><span class="g3" title="Nov ${10 + i}, 2026, 9:00 AM">Nov ${10 + i}</span><div class="a3s">${text}</div></div>`,
  )
  .join('\n')}
${extra}</div></body></html>`;

/** A Gmail compose whose To chips sit 14 levels above its editor (as in Gmail's pop-out, 2026). */
const deepCompose = (to: string[], cc: string[] = []) => {
  const chips = (list: string[]) =>
    list.map((e) => `<div class="afV" data-hovercard-id="${e.replace(/"/g, '&quot;')}"><span class="afW">${e.split('@')[0]}</span></div>`).join('');
  let inner = `<div class="Am Al editable" contenteditable="true" g_editable="true" role="textbox"><div><br></div></div>`;
  for (let i = 0; i < 13; i++) inner = `<div class="l${i}">${inner}</div>`;
  return `<div class="AD"><div class="M9"><div class="aoD az6"><div name="to" class="oL">${chips(to)}</div>${cc.length ? `<div name="cc">${chips(cc)}</div>` : ''}</div><input name="subjectbox" value="">${inner}</div></div>`;
};

describe('1. the draft check fails closed', () => {
  it("Amara's thread open, a new draft to Cyrus with its chips 14 levels up: nothing is written, the user is asked naming Cyrus", () => {
    const doc = loadHtml(gmailThread([['amara@okafor.example', 'Amara Okafor', 'Going well.']], deepCompose(['cyrus@farahani.example'])));
    const page = asBackground(gmail.read(doc, 'https://mail.google.com/mail/u/0/#inbox/t1'));
    expect(page.contact?.email).toBe('amara@okafor.example');
    const result = tryInsert(doc, gmail, 'amara@okafor.example');
    expect(result).toMatchObject({ ok: false, confirm: { to: ['cyrus@farahani.example'], cc: [], readable: true } });
    // What the user reads names both.
    expect(draftQuestion((result as { confirm: Addressees }).confirm, 'amara@okafor.example', 'Amara Okafor (amara@okafor.example)')).toBe(
      'This draft is to cyrus@farahani.example, not amara@okafor.example. Insert the ask for Amara Okafor (amara@okafor.example) anyway?',
    );
    expect(doc.querySelector('[g_editable]')!.textContent).not.toContain('introduce');
  });

  it('the client only in Cc, someone else in To: asked; in To: written', () => {
    const doc = loadHtml(gmailThread([['amara@okafor.example', 'Amara Okafor', 'Hi']], deepCompose(['cyrus@farahani.example'], ['amara@okafor.example'])));
    expect(tryInsert(doc, gmail, 'amara@okafor.example')).toMatchObject({ ok: false, confirm: { cc: ['amara@okafor.example'] } });
    const ok = loadHtml(gmailThread([['amara@okafor.example', 'Amara Okafor', 'Hi']], deepCompose(['amara@okafor.example'], ['cyrus@farahani.example'])));
    expect(tryInsert(ok, gmail, 'amara@okafor.example').ok).toBe(true);
  });

  it('recipients shown as plain text (Gmail To as text, Outlook well as text) are read; a yes holds only for what it was shown', () => {
    const plain = `<div class="M9"><div name="to">cyrus@farahani.example</div><div contenteditable="true" g_editable="true"><div><br></div></div></div>`;
    const doc = loadHtml(gmailThread([['amara@okafor.example', 'Amara', 'Hi']], plain));
    const asked = tryInsert(doc, gmail, 'amara@okafor.example');
    expect(asked).toMatchObject({ ok: false, confirm: { to: ['cyrus@farahani.example'], readable: true } });
    // The yes for another draft's recipients does not open this one.
    expect(tryInsert(doc, gmail, 'amara@okafor.example', '[["bob@x.example"],[],true]').ok).toBe(false);
    const key = JSON.stringify([['cyrus@farahani.example'], [], true]);
    expect(tryInsert(doc, gmail, 'amara@okafor.example', key).ok).toBe(true);

    const owa = loadHtml(`<html><body><div role="main"><div role="dialog"><div aria-label="To">cyrus@farahani.example;</div><div aria-label="Cc"></div>
      <div contenteditable="true" aria-multiline="true" role="textbox"><div><br></div></div></div></div></body></html>`);
    expect(tryInsert(owa, outlook, 'amara@okafor.example')).toMatchObject({ ok: false, confirm: { to: ['cyrus@farahani.example'] } });
  });

  it('a draft whose recipients cannot be read at all asks first: "I can\'t see whom this draft is to"', () => {
    const doc = loadHtml(`<html><body><div data-testid="mail-composer"><div contenteditable="true" role="textbox"><p><br></p></div></div></body></html>`);
    const result = tryInsert(doc, pipedrive, 'kai@larsenbyg.example');
    expect(result).toMatchObject({ ok: false, confirm: { readable: false } });
    expect(draftQuestion((result as { confirm: Addressees }).confirm, 'kai@larsenbyg.example', 'Kai Larsen (kai@larsenbyg.example)')).toBe(
      "I can't see whom this draft is to. Insert the ask for Kai Larsen (kai@larsenbyg.example) anyway?",
    );
    expect(draftQuestion({ to: ['cyrus@farahani.example'], cc: ['kai@larsenbyg.example'], readable: true }, 'kai@larsenbyg.example', 'Kai')).toBe(
      'Kai is only in Cc of this draft (To: cyrus@farahani.example). Insert the ask for them anyway?',
    );
  });

  it('a hidden editor is never a target, even with the caret remembered in it', () => {
    const doc = loadHtml(
      `<html><body><form><div aria-label="To">amara@okafor.example</div><div id="ed" contenteditable="true" style="display:none"><p>x</p></div></form></body></html>`,
    );
    const site = customAdapter('crm.example', { composer: '#ed' });
    expect(tryInsert(doc, site, 'amara@okafor.example')).toMatchObject({ ok: false, reason: expect.stringContaining('No compose window') });
  });
});

describe('2. a colleague is never taken for the client', () => {
  it("in Ana's thread where a colleague replied last, the contact is Ana; the reply-all to Ana is written", () => {
    const doc = loadHtml(
      gmailThread(
        [
          ['ana@costa.example', 'Ana Costa', 'Can we extend?'],
          ['jo@northwind.example', 'Jo Lind', 'Looping in Alex.'],
        ],
        deepCompose(['ana@costa.example', 'jo@northwind.example']),
      ),
    );
    const page = asBackground(gmail.read(doc, 'https://mail.google.com/mail/u/0/#inbox/t1'));
    expect(page.contact?.email).toBe('ana@costa.example');
    expect(tryInsert(doc, gmail, 'ana@costa.example').ok).toBe(true);
  });

  it('a thread only with colleagues names no one: they are offered as a choice, marked as colleagues', () => {
    const doc = loadHtml(gmailThread([['jo@northwind.example', 'Jo Lind', 'Lunch?']]));
    const page = asBackground(gmail.read(doc, 'https://mail.google.com/mail/u/0/#inbox/t1'));
    expect(page.contact).toBeUndefined();
    expect(page.ambiguous?.candidates).toEqual([{ email: 'jo@northwind.example', name: 'Jo Lind', colleague: true }]);
  });

  it('organisation domains from settings count too; a public mail domain never makes colleagues', () => {
    const people: Person[] = [{ email: 'sam@northwind-labs.example', seen: 'sender', order: 0 }];
    expect(decide(people, 'mail', selfFrom({ account: ME, orgDomains: ['northwind-labs.example'] })).kind).toBe('choice');
    expect(decide([{ email: 'ana@gmail.com', seen: 'sender' }], 'mail', selfFrom({ account: 'me@gmail.com' }))).toMatchObject({
      kind: 'contact',
      email: 'ana@gmail.com',
    });
  });
});

describe('3. the user is never named', () => {
  it("Outlook's reading pane with the user's own reply last names the other person, never the user or the pane", () => {
    const doc =
      loadHtml(`<html><body><div id="O365_MainLink_Me" aria-label="Account manager for Alex Moreau"><span id="mectrl_currentAccount_secondary">${ME}</span></div>
      <div role="main"><div id="ReadingPaneContainerId" data-app-section="MailReadCompose" title="Conversation with kenji@hoshi.example, ${ME}">
      <div class="m"><span data-testid="SenderPersona" title="kenji@hoshi.example">Kenji Sato</span><div role="document">It works, thanks.</div></div>
      <div class="m"><span data-testid="SenderPersona" title="${ME}">Alex Moreau</span><div role="document">Great to hear.</div></div>
      </div></div></body></html>`);
    const page = asBackground(outlook.read(doc, 'https://outlook.office.com/mail/inbox/id/A'));
    expect(page.contact).toEqual({ email: 'kenji@hoshi.example', name: 'Kenji Sato' });
  });

  it("a Gmail subject holding an address is not the account: the title's last address is", () => {
    const doc = loadHtml(gmailThread([[ME, 'Alex Moreau', 'Sent it.']], '', `Invoice for bob@payables.example - ${ME} - Northwind Mail`));
    const page = gmail.read(doc, 'https://mail.google.com/mail/u/0/#inbox/t1');
    expect(page.accountEmail).toBe(ME);
    expect(asBackground(page).contact).toBeUndefined();
  });

  it("the user's other addresses are never the contact", () => {
    const people: Person[] = [{ email: 'alex.m@northwind.example', seen: 'sender', order: 1 }];
    expect(decide(people, 'mail', selfFrom({ account: 'alex@other.example', aliases: ['alex.m@northwind.example'] })).kind).toBe('nobody');
  });
});

describe('4. addresses that are not what they look like', () => {
  it('only a plain, whole address counts', () => {
    expect(checkAddress('ana@costa.example')).toEqual({ ok: true, email: 'ana@costa.example' });
    expect(checkAddress('"ana@costa.example"@evil.example').ok).toBe(false);
    expect(checkAddress('аna@costa.example')).toMatchObject({ ok: false, why: expect.stringContaining('look like') });
    expect(checkAddress('ana@costa.example>x').ok).toBe(false);
    expect(addressIn('Ana Costa <ana@costa.example>')).toBe('ana@costa.example');
    expect(addressIn('"ana@costa.example"@evil.example')).toBe('"ana@costa.example"@evil.example');
  });

  it('a quoted-local-part sender is not Ana: no contact, her thread not polluted, no draft to evil.example passes as hers', () => {
    const doc = loadHtml(
      gmailThread(
        [
          ['ana@costa.example', 'Ana Costa', 'All good here.'],
          ['"ana@costa.example"@evil.example', 'Ana Costa', 'We are considering cancelling.'],
        ],
        deepCompose(['"ana@costa.example"@evil.example']),
      ),
    );
    const page = asBackground(gmail.read(doc, 'https://mail.google.com/mail/u/0/#inbox/t1'));
    expect(page.contact).toBeUndefined();
    expect(page.missing.join(' ')).toContain('not a plain address');
    expect(page.thread!.messages.filter((m) => m.from === 'ana@costa.example').map((m) => m.text)).toEqual(['All good here.']);
    expect(tryInsert(doc, gmail, 'ana@costa.example')).toMatchObject({ ok: false, confirm: { to: ['"ana@costa.example"@evil.example'] } });
  });

  it('every address the decision takes is one the store accepts (never taken, then refused on write)', () => {
    const chars = fc.constantFrom(...`ab9_.-+'!#$%&*/=?^\`{|}~@"а`.split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { minLength: 1, maxLength: 10 }).map((c) => `${c.join('')}@costa.example`),
        (address) => {
          if (plainAddress(address)) expect(Email.safeParse(address).success, address).toBe(true);
        },
      ),
      { numRuns: 3_000, seed: 20261206 },
    );
  });

  it('a Cyrillic look-alike is shown as written and matched to no one', () => {
    const doc = loadHtml(gmailThread([['аna@costa.example', 'Ana Costa', 'Hi']]));
    const page = asBackground(gmail.read(doc, 'https://mail.google.com/mail/u/0/#inbox/t1'));
    expect(page.contact).toBeUndefined();
    expect(page.missing.join(' ')).toContain('"аna@costa.example" uses letters that only look like an address');
  });

  it('a "Work" badge inside the email field is not part of the address (Pipedrive 2026)', () => {
    const doc = loadFixture('shapes/pipedrive-badge-glued.html');
    const page = asBackground(pipedrive.read(doc, 'https://northwind.pipedrive.com/person/77'));
    expect(page.contact?.email).toBe('kai@larsenbyg.example');
  });
});

describe('5. a CRM record is read from its own fields only', () => {
  it('a Salesforce record with an empty email is nobody, whatever the activity feed links to', () => {
    const doc = loadFixture('shapes/salesforce-empty-email-feed.html');
    const page = asBackground(salesforce.read(doc, 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000ABCDEAA4/view'));
    expect(page.contact?.email).toBeUndefined();
    expect(page.missing.join(' ')).toContain("the contact's email on this Salesforce record");
  });

  it("a draft beside the record's Email label is not the record: its To is nobody's email", () => {
    const doc = loadHtml(`<html><body><h1 data-selenium-test="highlightTitle">Ana Costa</h1>
      <div class="row"><span>Email</span><div class="panel"><div name="to">bob@bright.example</div><div contenteditable="true"><p><br></p></div></div></div></body></html>`);
    const page = asBackground(hubspot.read(doc, 'https://app.hubspot.com/contacts/1/record/0-1/5'));
    expect(page.contact).toBeUndefined();
  });

  it('an email value showing two addresses is two people, never the first', () => {
    const doc = loadHtml(`<html><body><h1 data-selenium-test="highlightTitle">Ana Costa</h1>
      <div class="row"><span>Email</span><span><a href="mailto:bob@bright.example">bob@bright.example</a> <a href="mailto:ana@costa.example">ana@costa.example</a></span></div></body></html>`);
    const page = asBackground(hubspot.read(doc, 'https://app.hubspot.com/contacts/1/record/0-1/5'));
    expect(page.ambiguous?.candidates.map((c) => c.email)).toEqual(['bob@bright.example', 'ana@costa.example']);
  });

  it('a HubSpot deal listing Bob then Ana is a choice, not Bob', () => {
    const card = (email: string, name: string) =>
      `<div data-selenium-test="association-card"><a class="name" href="/contacts/1/record/0-1/1">${name}</a><a href="mailto:${email}">${email}</a></div>`;
    const doc = loadHtml(
      `<html><body><h1 data-selenium-test="highlightTitle">Renewal 2027</h1><div data-selenium-test="associations-card-contacts">${card('bob@bright.example', 'Bob Bright')}${card('ana@costa.example', 'Ana Costa')}</div></body></html>`,
    );
    const page = asBackground(hubspot.read(doc, 'https://app.hubspot.com/contacts/1/record/0-3/9'));
    expect(page.contact).toBeUndefined();
    expect(page.ambiguous?.candidates.map((c) => c.email)).toEqual(['bob@bright.example', 'ana@costa.example']);
  });
});

describe('6. a pick that disagrees with the page is a question', () => {
  it("the picked field names someone else than the record's own email field: a choice of both", () => {
    const people: Person[] = [
      { email: 'bob@bright.example', seen: 'picked' },
      { email: 'ana@costa.example', seen: 'record' },
    ];
    expect(decide(people, 'crm', selfFrom({ account: ME }))).toMatchObject({
      kind: 'choice',
      candidates: [{ email: 'bob@bright.example' }, { email: 'ana@costa.example' }],
    });
    expect(decide([people[1]!, { ...people[1]!, seen: 'picked' }], 'crm', selfFrom({}))).toMatchObject({ kind: 'contact', email: 'ana@costa.example' });
  });
});
