/**
 * Who the page is about, decided in one place (issue 30). Adapters only report the people they
 * saw and where (`Person`); this module alone turns them into a contact, a choice, or nobody with
 * the reason. Pure and small: the content scripts use it to report, the background decides again
 * with everything it knows of the user (profile, other addresses, organisation domains), and what
 * the background decides is what every page of ours shows and what Insert writes for.
 *
 * Invariants (each tested in identity.test.ts and by the adversarial property):
 * - an address is plain and valid as a whole: a quoted local part, `@` or brackets inside it,
 *   text glued on, or letters outside ASCII make it no address; such a person is named in the
 *   reason, never matched to a stored client;
 * - never the user: the account, the profile's address, the addresses the user marked as theirs;
 * - never a colleague silently: an address at the user's organisation is offered only as a
 *   choice, marked as a colleague;
 * - a CRM record only from its own fields; several people on it is a choice;
 * - a hand-picked field that disagrees with the record's own reading makes the page a choice.
 */
import type { PageContext } from './hosts/types';

/** Where an adapter saw a person. */
export type Seen =
  /** wrote a message of the thread on screen (`order`: later is larger) */
  | 'sender'
  /** was written to in the thread on screen */
  | 'recipient'
  /** is a recipient of a draft open on the page */
  | 'draft-to'
  /** the CRM record's own email field */
  | 'record'
  /** a person associated with a deal or company record */
  | 'associated'
  /** the field the user picked on this site, verified beside its label */
  | 'picked';

export interface Person {
  /** The address as the page shows it (checked here, not by the adapter). */
  email: string;
  name?: string;
  company?: string;
  seen: Seen;
  /** For senders: the message's place in the thread, later messages larger. */
  order?: number;
  /** The adapter knows this is the user (Outlook's Me control names them). */
  mine?: boolean;
}

export interface Self {
  /** The account, the profile's address, the addresses the user marked as theirs; lower case. */
  addresses: ReadonlySet<string>;
  /** The user's organisation's mail domains; lower case. */
  orgDomains: ReadonlySet<string>;
}

export interface Candidate {
  email: string;
  name?: string;
  /** At the user's own organisation: offered only as a choice, marked so. */
  colleague?: boolean;
}

export type Decision =
  | { kind: 'contact'; email: string; name?: string; company?: string }
  | { kind: 'choice'; candidates: Candidate[]; why: string }
  | { kind: 'nobody'; why: string };

// A dot-atom in the characters addresses use in practice (and the store's schema accepts: never an
// address the decision takes and the store then refuses), ASCII only, a domain of labels and a
// letter TLD. A literal, so that a script using none of this module's checks carries none of it.
const PLAIN = /^[\w'+-]+(?:\.[\w'+-]+)*(?<!')@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export type AddressCheck = { ok: true; email: string } | { ok: false; shown: string; why: string };

/** `raw` as a plain address, whole (nothing extracted from inside it, nothing cut off it), lower case; else undefined. */
export function plainAddress(raw: string | null | undefined): string | undefined {
  const shown = raw?.trim() ?? '';
  return shown.length <= 254 && PLAIN.test(shown) ? shown.toLowerCase() : undefined;
}

/** `raw` as an address, or why it is none, in the user's words. */
export function checkAddress(raw: string): AddressCheck {
  const email = plainAddress(raw);
  if (email) return { ok: true, email };
  const shown = raw.trim();
  // eslint-disable-next-line no-control-regex
  return { ok: false, shown, why: /[^\x00-\x7f]/.test(shown) ? 'uses letters that only look like an address' : 'is not a plain address' };
}

/** Text that holds an address: split only where an address cannot continue (spaces, brackets, commas). */
const TOKEN_BREAK = /[\s<>,;()[\]]+/;

/**
 * The address-like tokens of a text as written ("Ana <ana@x.example>" -> ["ana@x.example"]), each
 * whole: a token with an `@` is returned even when it is not a plain address, so that the decision
 * can refuse it by name. A closing period or colon is sentence punctuation, not the address.
 */
export function addressTokens(text: string | null | undefined): string[] {
  if (!text || !text.includes('@')) return [];
  return text
    .split(TOKEN_BREAK)
    .map((t) => t.replace(/^mailto:/i, '').replace(/[.:!?]+$/, ''))
    .filter((t) => t.includes('@') && t.length > 2);
}

/** The one address a text holds (plain or not, as written), or undefined when none or several different. */
export function addressIn(text: string | null | undefined): string | undefined {
  const tokens = addressTokens(text);
  return new Set(tokens.map((t) => t.toLowerCase())).size === 1 ? tokens[0] : undefined;
}

/** Free mail and consumer providers: sharing one with the user makes nobody a colleague. */
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'fastmail.com',
  'hey.com',
]);

export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The organisation domains an address gives: its domain, unless a public mail provider's. */
export function orgDomainOf(email: string | undefined): string | undefined {
  const plain = plainAddress(email);
  if (!plain) return undefined;
  const domain = domainOf(plain);
  return PUBLIC_DOMAINS.has(domain) ? undefined : domain;
}

/** Everything the user is known as, from the page's account and the profile's settings. */
export function selfFrom(input: { account?: string; profileEmail?: string; aliases?: string[]; orgDomains?: string[]; seen?: Iterable<string> }): Self {
  const addresses = new Set<string>();
  for (const a of [input.account, input.profileEmail, ...(input.aliases ?? []), ...(input.seen ?? [])]) {
    const plain = plainAddress(a);
    if (plain) addresses.add(plain);
  }
  const orgDomains = new Set<string>();
  for (const d of input.orgDomains ?? []) {
    const domain = d.trim().toLowerCase().replace(/^@/, '');
    if (domain) orgDomains.add(domain);
  }
  for (const a of [input.account, input.profileEmail]) {
    const domain = orgDomainOf(a);
    if (domain) orgDomains.add(domain);
  }
  return { addresses, orgDomains };
}

const isColleague = (email: string, self: Self) => {
  const domain = domainOf(email);
  for (const org of self.orgDomains) if (domain === org || domain.endsWith(`.${org}`)) return true;
  return false;
};

interface Seen2 {
  person: Person;
  check: AddressCheck;
}

function distinct(people: Seen2[]): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const { person, check } of people) {
    if (!check.ok) continue;
    const known = out.get(check.email);
    if (!known) out.set(check.email, { email: check.email, ...(person.name ? { name: person.name } : {}) });
    else if (!known.name && person.name) known.name = person.name;
  }
  return [...out.values()];
}

const nameOf = (c: Candidate) => (c.name ? `${c.name} (${c.email})` : c.email);
const refused = (s: Seen2) => {
  const check = s.check as Extract<AddressCheck, { ok: false }>;
  return `"${check.shown.slice(0, 120)}" ${check.why}: it is not matched to any client`;
};

/**
 * The decision. `family` says how the page names its person: a mail thread by who wrote it, a CRM
 * by its record. `knowsSelf` is false when the page shows no account and none of the user's
 * addresses appears: then two senders are two guesses, and the page is a choice.
 */
export function decide(people: Person[], family: 'mail' | 'crm', self: Self, knowsSelf = true): Decision {
  const all: Seen2[] = people.map((person) => ({ person, check: checkAddress(person.email) }));
  const isSelf = (s: Seen2) => s.person.mine || (s.check.ok && self.addresses.has(s.check.email));
  const others = all.filter((s) => !isSelf(s));
  const colleague = (s: Seen2) => s.check.ok && isColleague(s.check.email, self);
  const external = others.filter((s) => !colleague(s));
  const colleaguesOnly = (why: string): Decision => {
    const candidates = distinct(others.filter(colleague)).map((c) => ({ ...c, colleague: true }));
    return candidates.length ? { kind: 'choice', candidates, why: `${why}; only people at your organisation are on it` } : { kind: 'nobody', why };
  };
  const one = (group: Seen2[], what: string): Decision | undefined => {
    if (!group.length) return undefined;
    const bad = group.find((s) => !s.check.ok);
    const candidates = distinct(group);
    if (bad && !candidates.length) return { kind: 'nobody', why: refused(bad) };
    if (candidates.length === 1 && !bad) return contactOf(candidates[0]!, group);
    if (candidates.length === 1) return { kind: 'choice', candidates, why: `${what}: ${refused(bad!)}` };
    return { kind: 'choice', candidates, why: `${what} shows ${candidates.length} people (${candidates.map(nameOf).join(', ')})` };
  };

  if (family === 'crm') {
    const record = external.filter((s) => s.person.seen === 'record');
    const picked = external.filter((s) => s.person.seen === 'picked');
    // The user's pick and the record's own field disagree: the page is a question, not the pick.
    if (picked.length && record.length) return one([...picked, ...record], 'this record') ?? { kind: 'nobody', why: 'no email on this record' };
    const own = picked.length ? picked : record;
    const decided =
      one(own, 'this record') ??
      one(
        external.filter((s) => s.person.seen === 'associated'),
        'this record',
      );
    if (decided) return decided;
    return colleaguesOnly(all.some((s) => s.person.seen === 'record') ? 'this record is your own' : 'no email on this record');
  }

  const picked = external.filter((s) => s.person.seen === 'picked');
  if (picked.length) {
    // The pick against the page's own reading: the same person, or a question.
    const reading = decide(
      people.filter((p) => p.seen !== 'picked'),
      'mail',
      self,
      knowsSelf,
    );
    if (reading.kind === 'contact')
      return one([...picked, { person: { email: reading.email, name: reading.name, seen: 'sender' }, check: checkAddress(reading.email) }], 'this page')!;
    return one(picked, 'the picked field')!;
  }
  const senders = external.filter((s) => s.person.seen === 'sender').sort((a, b) => (b.person.order ?? 0) - (a.person.order ?? 0));
  if (!knowsSelf) {
    // Colleagues among them stay marked as such: a choice names them for what they are.
    const written = distinct(all.filter((s) => s.person.seen === 'sender')).map((c) => (isColleague(c.email, self) ? { ...c, colleague: true } : c));
    if (written.length > 1) {
      // An open reply says whom the user writes to: among the senders, that one is the contact.
      const addressed = new Set(distinct(all.filter((s) => s.person.seen === 'draft-to')).map((c) => c.email));
      const target = written.filter((c) => addressed.has(c.email));
      if (target.length === 1) return contactOf(target[0]!, all);
      return { kind: 'choice', candidates: written, why: `this thread is with ${written.length} people and your own address is not shown` };
    }
  }
  if (senders.length) {
    const latest = senders[0]!;
    if (!latest.check.ok) return { kind: 'nobody', why: `the latest message's sender ${refused(latest)}` };
    // Senders from more than one outside organisation: whom the user means is theirs to say.
    const orgs = new Map<string, Candidate>();
    for (const c of distinct(senders)) if (!orgs.has(domainOf(c.email))) orgs.set(domainOf(c.email), c);
    if (orgs.size > 1) {
      const candidates = distinct(senders);
      return { kind: 'choice', candidates, why: `this thread has people from ${orgs.size} organisations (${candidates.map(nameOf).join(', ')})` };
    }
    return contactOf(distinct([latest])[0]!, senders);
  }
  // Only the user wrote (or nobody yet): whom they wrote to, else whom the open draft is to.
  const decided =
    one(
      external.filter((s) => s.person.seen === 'recipient'),
      'this thread',
    ) ??
    one(
      external.filter((s) => s.person.seen === 'draft-to'),
      'the open draft',
    );
  if (decided) return decided;
  const bad = others.find((s) => !s.check.ok);
  if (bad) return { kind: 'nobody', why: refused(bad) };
  return colleaguesOnly(all.length ? 'only you are on this page' : 'no one on this page');
}

function contactOf(candidate: Candidate, group: Seen2[]): Decision {
  const company = group.find((s) => s.check.ok && s.check.email === candidate.email && s.person.company)?.person.company;
  return { kind: 'contact', email: candidate.email, ...(candidate.name ? { name: candidate.name } : {}), ...(company ? { company } : {}) };
}

/** The host families by how they name their person. */
const MAIL_HOSTS = new Set(['gmail', 'outlook']);

/**
 * The page with its person decided: `contact` and `ambiguous` come only from `decide` over the
 * people the adapter saw, whatever the adapter proposed. The page's own account counts as the user.
 */
export function identify(page: PageContext, self: Self): PageContext {
  const people = page.people ?? [];
  const { contact: proposed, ambiguous: _proposed, ...rest } = page;
  const account = plainAddress(page.accountEmail);
  const me: Self = account ? { addresses: new Set([...self.addresses, account]), orgDomains: self.orgDomains } : self;
  // Two threads shown at once is a question of what is on screen, asked by the adapter: its
  // candidates are still only people, never the user, colleagues marked.
  if (page.ambiguous?.what === 'thread') {
    const candidates = page.ambiguous.candidates.flatMap((c) => {
      const email = plainAddress(c.email);
      if (!email || me.addresses.has(email)) return [];
      return [{ ...c, email, ...(isColleague(email, me) ? { colleague: true } : {}) }];
    });
    return { ...rest, ...(candidates.length > 1 ? { ambiguous: { what: 'thread', candidates } } : {}) };
  }
  const knowsSelf = !!account || people.some((p) => p.mine || me.addresses.has(p.email.toLowerCase()));
  const decision = decide(people, MAIL_HOSTS.has(page.host) ? 'mail' : 'crm', me, knowsSelf);
  if (decision.kind === 'contact') {
    // A name or company the adapter read apart from any address (a record's heading, a picked name)
    // fills what the decided person lacks; one read with another address never does.
    const same = !proposed?.email || proposed.email.toLowerCase() === decision.email;
    const name = decision.name || (same ? proposed?.name : undefined);
    const company = decision.company || (same ? proposed?.company : undefined);
    return { ...rest, contact: { email: decision.email, ...(name ? { name } : {}), ...(company ? { company } : {}) } };
  }
  const missing = people.length && !rest.missing.includes(decision.why) ? [...rest.missing, decision.why] : rest.missing;
  if (decision.kind === 'choice') return { ...rest, ambiguous: { what: 'email', candidates: decision.candidates }, missing };
  return { ...rest, missing };
}

/** The draft gate's question in the user's words, naming the contact (`who`) and whom the draft is to. */
export function draftQuestion(draft: { to: string[]; cc: string[]; readable: boolean }, email: string, who: string): string {
  if (!draft.readable) return `I can't see whom this draft is to. Insert the ask for ${who} anyway?`;
  if (!draft.to.length && !draft.cc.length) return `This draft is not addressed to anyone yet. Insert the ask for ${who}? Put ${email} in To before you send.`;
  if (draft.cc.includes(email)) return `${who} is only in Cc of this draft (To: ${draft.to.join(', ') || 'no one'}). Insert the ask for them anyway?`;
  return `This draft is to ${[...draft.to, ...draft.cc].join(', ')}, not ${email}. Insert the ask for ${who} anyway?`;
}

/** A draft's recipients as one key: the user's yes to a draft not addressed to the contact holds while they stay the same. */
export const recipientsKey = (a: { to: string[]; cc: string[]; readable: boolean }): string => JSON.stringify([[...a.to].sort(), [...a.cc].sort(), a.readable]);
