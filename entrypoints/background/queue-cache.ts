/**
 * The referral queue, computed from the start-date index and saved (`saved-view.ts`) until
 * something it depends on changes (the store announces every write; `refresh.ts` passes it on) or
 * the day turns. A contact's own change (a page visited, a fact typed) is worked into the queue
 * from that contact alone; asks, settings and imports compute it again, after the last write,
 * while nobody waits, so a popup opened later (the worker asleep or not) reads the saved page.
 */
import { subDays } from 'date-fns';
import type { Store, StoreChange } from '@/lib/db/store';
import { toDay } from '@/lib/day';
import type { Ask, Contact } from '@/lib/model';
import { buildQueue, compareQueueRows, queueStartRange, type QueueRow } from '@/lib/engine/queue';
import { colleagueAsks, colleagueCandidatesOf } from '@/lib/contacts';
import { API_LABELS, colleagueAskFrom, newerAsk, recordIdIn } from '@/lib/crm/api';
import type { ColleagueAsk } from '@/lib/engine';
import { SavedView } from './saved-view';

/** Rows sent to the popup at once; the total says how many more there are. */
export const QUEUE_PAGE = 200;
/** Contacts scored between two pauses of a full computation: the worker answers messages meanwhile. */
const SLICE = 2_000;

type Page = { rows: QueueRow[]; total: number };
const pageOf = (rows: QueueRow[]): Page => ({ rows: rows.slice(0, QUEUE_PAGE), total: rows.length });
const pause = () => new Promise((resolve) => setTimeout(resolve));

/** Every row of the queue as computed in this worker, with the asks it was judged against, for patching. */
interface Computed {
  day: string;
  rows: QueueRow[];
  recentAsks: Ask[];
  /** The people asked lately whose names went into a colleague's verdict ("you asked Dana at Acme"). */
  named: Map<string, Person>;
}
type Person = { name: string; company: string };

export class QueueCache {
  private readonly view: SavedView<Page>;
  private all?: Computed;
  /** Contacts changed since the queue was last mended. */
  private readonly pending = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.view = new SavedView(
      store,
      'queue',
      async (now) => {
        const all = await this.compute(now);
        this.all = all;
        return { value: pageOf(all.rows) };
      },
      clock,
    );
  }

  rows(now = this.clock()): Promise<Page> {
    return this.view.get(now);
  }

  /** Anything else the queue depends on changed: computed again soon. */
  drop(): Promise<void> {
    this.all = undefined;
    this.pending.clear();
    return this.view.drop();
  }

  /**
   * A write. Contacts' own changes are patched in (their rows scored again); a change to asks,
   * settings or every contact, or a new name for someone a colleague's verdict names, computes
   * the queue again.
   */
  changed(change: StoreChange): Promise<void> {
    const { emails } = change;
    if (!change.contacts || change.asks || change.settings || emails === 'all' || !this.all) return this.drop();
    for (const email of emails) this.pending.add(email);
    return this.view.mend(async () => {
      const now = this.clock();
      const all = this.all;
      const emails = [...this.pending];
      this.pending.clear();
      if (!all || all.day !== toDay(now)) return this.forget();
      const contacts = (await this.store.contactsOf(emails)).filter((c): c is Contact => !!c);
      const renamed = contacts.some((c) => {
        const was = all.named.get(c.email);
        return was && (was.name !== c.name || was.company !== c.company);
      });
      if (renamed) return this.forget();
      const fresh = await this.score(contacts, all, now);
      // Dropped or computed again meanwhile (an ask written while this was scored): that one decides.
      if (this.all !== all) return undefined;
      const changed = new Set(emails);
      const rows = [...all.rows.filter((r) => !changed.has(r.email)), ...fresh].sort(compareQueueRows);
      this.all = { ...all, rows };
      return { value: pageOf(rows) };
    });
  }

  /** The rows can no longer be mended: computed whole when next asked. */
  private forget(): undefined {
    this.all = undefined;
    return undefined;
  }

  private async compute(now: Date): Promise<Computed> {
    const settings = await this.store.settings();
    const range = queueStartRange(now, settings);
    const [contacts, recentAsks] = await Promise.all([
      this.store.contactsStartedBetween(range.from, range.to),
      // Only asks inside the cool-down can keep someone out of the queue.
      this.store.asksSince(subDays(now, settings.askCooldownDays + 1).toISOString()),
    ]);
    const computed: Computed = { day: toDay(now), rows: [], recentAsks, named: new Map() };
    for (let i = 0; i < contacts.length; i += SLICE) {
      if (i) await pause();
      computed.rows.push(...(await this.score(contacts.slice(i, i + SLICE), computed, now)));
    }
    computed.rows.sort(compareQueueRows);
    return computed;
  }

  /** The queue rows of these contacts (those who belong in it), judged against the recent asks. */
  private async score(contacts: Contact[], { recentAsks, named }: Omit<Computed, 'rows' | 'day'>, now: Date): Promise<QueueRow[]> {
    if (!contacts.length) return [];
    const [settings, neverAsk] = await Promise.all([this.store.settings(), this.store.neverAskList()]);
    const asksByEmail = new Map<string, Ask[]>();
    const mine = new Set(contacts.map((c) => c.email));
    for (const ask of recentAsks) if (mine.has(ask.email)) asksByEmail.set(ask.email, [...(asksByEmail.get(ask.email) ?? []), ask]);
    // One ask per company per cool-down (issue 19): the names of the few who could be their colleagues.
    const candidatesOf = colleagueCandidatesOf(recentAsks);
    const candidates = [...new Set(contacts.flatMap(candidatesOf))];
    const people = await this.store.namesOf([...new Set(candidates.map((a) => a.email))]);
    for (const [email, person] of people) named.set(email, person);
    const local = colleagueAsks(candidates, people);
    const team = await this.teamAsksOf(settings.askCooldownDays, now);
    // A colleague's ask logged in the connected CRM counts here as in the sidebar (issue 34): the newer one.
    return buildQueue(contacts, asksByEmail, neverAsk, settings, now, (c) => newerAsk(team(c), local(c)));
  }

  /** The colleagues' asks the connected CRM's records hold, as last read (the sidebar reads them; none connected: none). */
  private async teamAsksOf(cooldownDays: number, now: Date): Promise<(c: Contact) => ColleagueAsk | undefined> {
    const [connection, read] = await Promise.all([this.store.value('crmApi'), this.store.value('crmTeamAsks')]);
    if (!connection || !Object.keys(read).length) return () => undefined;
    const since = toDay(subDays(now, cooldownDays));
    return (c) => {
      const id = recordIdIn(connection.crm, c.recordUrl);
      const ask = id ? read[`${connection.crm}:${id}`] : undefined;
      if (!ask?.by || !ask.on || ask.on < since) return undefined;
      return colleagueAskFrom(c, { by: ask.by, on: ask.on, who: ask.who }, API_LABELS[connection.crm]);
    };
  }
}
