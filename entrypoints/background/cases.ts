/**
 * Loads one contact's case from the store: the contact, their asks, the templates, profile,
 * settings and never-ask list, the colleague asked lately and the client who introduced them.
 * The sidebar's view, Insert and Compose in Gmail read a case here and judge it through
 * `lib/case.ts`; the queue judges its thousands through the same pure half.
 */
import { subDays } from 'date-fns';
import { colleagueAsks, colleagueCandidates, companyKey, emptyContact } from '@/lib/contacts';
import type { LoggingAddresses } from '@/lib/crm/logging';
import type { Store } from '@/lib/db/store';
import type { ColleagueAsk } from '@/lib/engine';
import { colleagueAskFrom, newerAsk } from '@/lib/crm/api';
import { withVerdict } from '@/lib/engine/verdict-log';
import type { Ask, Contact } from '@/lib/model';
import type { NeverAskList } from '@/lib/never-ask';
import type { EngineSettings } from '@/lib/engine/settings';
import type { Profile, Template } from '@/lib/templates/schema';
import type { ContactView, ReferredBy } from '@/lib/views';

export interface LoadedCase {
  contact: Contact;
  /** False when no contact is stored under this address (an empty one stands in). */
  stored: boolean;
  asks: Ask[];
  templates: Template[];
  profile: Profile;
  settings: EngineSettings;
  neverAsk: NeverAskList;
  colleagueAsk?: ColleagueAsk;
  referredBy?: ReferredBy;
  /** The contact who lists this address among their other addresses (issue 31). */
  otherAddressOf?: { email: string; name: string };
  /** The CRM logging addresses an insert copies into Bcc (issue 34). */
  crmLogging: LoggingAddresses;
}

/** Where a colleague's ask on a contact's record is read (the connected CRM, issue 34). */
export interface TeamReader {
  teamAsk(contact: { email: string; recordUrl?: string }, cooldownDays: number): Promise<{ by: string; on: string; who?: string; via: string } | undefined>;
}

export class Cases {
  /** The connected CRM's colleagues' asks, when the background has one (never waited for a request). */
  team?: TeamReader;

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Everything a case is judged from, read at once; `seen`: the contact as a page just showed it, not yet written. */
  async load(email: string, seen?: Contact): Promise<LoadedCase> {
    const [found, asks, templates, profile, settings, neverAsk, owner, crmLogging] = await Promise.all([
      seen?.email === email ? seen : this.store.getContact(email),
      this.store.asksFor(email),
      this.store.templates(),
      this.store.profile(),
      this.store.settings(),
      this.store.neverAskList(),
      this.store.ownerOf(email),
      this.store.loggingAddresses(),
    ]);
    const contact = found ?? emptyContact(email, this.clock().toISOString());
    const [localAsk, referredBy, teamAsk] = await Promise.all([
      this.colleagueAsk(contact, settings.askCooldownDays, this.clock()),
      this.referredBy(email),
      this.team?.teamAsk(contact, settings.askCooldownDays),
    ]);
    // A colleague's ask logged in the CRM counts like the user's own (the newer of the two is said).
    const colleagueAsk = newerAsk(teamAsk && colleagueAskFrom(contact, teamAsk, teamAsk.via), localAsk);
    const otherAddressOf = owner && owner.email !== email ? { email: owner.email, name: owner.name } : undefined;
    return { contact, stored: !!found, asks, templates, profile, settings, neverAsk, colleagueAsk, referredBy, otherAddressOf, crmLogging };
  }

  /** The latest ask to a colleague of this contact inside the cool-down (one ask per company, issue 19). */
  private async colleagueAsk(contact: Contact, cooldownDays: number, now: Date): Promise<ColleagueAsk | undefined> {
    const since = subDays(now, cooldownDays + 1).toISOString();
    const key = companyKey(contact.email, contact.company);
    if (!key) return undefined;
    // At a company domain, the newest counted ask to someone else there decides: read newest first until it.
    const recent = key.startsWith('company:')
      ? colleagueCandidates(contact, await this.store.asksSince(since))
      : [await this.store.newestAskSince(since, (a) => colleagueCandidates(contact, [a]).length > 0)].filter((a) => !!a);
    if (!recent.length) return undefined;
    const people = await this.store.namesOf([...new Set(recent.map((a) => a.email))]);
    return colleagueAsks(recent, people)(contact);
  }

  /** The client who introduced this person, if one did (the latest intro naming their email). */
  private async referredBy(email: string): Promise<ReferredBy | undefined> {
    const intro = (await this.store.referralsOf(email))
      .filter((a) => !a.discardedAt && (a.status === 'introduced' || a.status === 'converted'))
      .sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
    if (!intro) return undefined;
    const referrer = await this.store.getContact(intro.email);
    return {
      name: referrer?.name ?? '',
      email: intro.email,
      company: referrer?.company ?? '',
      introducedAt: intro.history.find((h) => h.status === 'introduced')?.at ?? intro.askedAt,
      status: intro.status,
    };
  }

  /**
   * A verdict other than the last one this contact was shown joins its history, with what changed
   * it (issue 18, item 11). Written in its own transaction from the stored contact, so two sidebars
   * on one contact add it once; the write's announcement re-sends the view with it.
   */
  noteShown(view: ContactView, asks: Ask[], now: Date, colleagueAsk?: ColleagueAsk): void {
    const input = { contact: view.contact, evaluation: view.evaluation, asks, now, colleagueAsk };
    const log = withVerdict(view.contact.verdictLog, input);
    if (!log) return;
    view.contact = { ...view.contact, verdictLog: log };
    void this.store
      .writeContact(
        view.contact.email,
        (c) => {
          const next = withVerdict(c.verdictLog, { ...input, contact: c });
          return next ? { ...c, verdictLog: next } : c;
        },
        now.toISOString(),
      )
      .catch(() => undefined);
  }
}
