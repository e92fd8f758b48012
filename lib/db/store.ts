/**
 * Reading and writing the database, for the background only. Every read-modify-write runs in one
 * transaction, so two tabs editing the same contact cannot lose an edit.
 */
import { parseSettings, type EngineSettings } from '../engine/settings';
import { emptyContact } from '../contacts';
import { Ask, Contact, type AskStatus } from '../model';
import { DEFAULT_TEMPLATES } from '../templates/defaults';
import { EMPTY_PROFILE, Profile, Template } from '../templates/schema';
import type { ReferralDb } from './index';

export class Store {
  constructor(readonly db: ReferralDb) {}

  getContact(email: string): Promise<Contact | undefined> {
    return this.db.contacts.get(email.toLowerCase());
  }

  /** Applies `change` to the stored contact (or a new one) atomically and returns the result. */
  updateContact(email: string, change: (current: Contact) => Contact, now: string): Promise<Contact> {
    return this.db.transaction('rw', this.db.contacts, async () => {
      const key = email.toLowerCase();
      const current = (await this.db.contacts.get(key)) ?? emptyContact(key, now);
      const next = Contact.parse(change(current));
      if (JSON.stringify(next) !== JSON.stringify(current)) await this.db.contacts.put(next);
      return next;
    });
  }

  asksFor(email: string): Promise<Ask[]> {
    return this.db.asks.where('email').equals(email.toLowerCase()).toArray();
  }

  listAsks(): Promise<Ask[]> {
    return this.db.asks.orderBy('askedAt').reverse().toArray();
  }

  async addAsk(ask: Ask): Promise<Ask> {
    const parsed = Ask.parse(ask);
    await this.db.asks.add(parsed);
    return parsed;
  }

  setAskStatus(id: string, status: AskStatus, at: string, note?: string): Promise<Ask> {
    return this.db.transaction('rw', this.db.asks, async () => {
      const ask = await this.db.asks.get(id);
      if (!ask) throw new Error(`No ask with id ${id}`);
      if (ask.status === status) return ask;
      const next: Ask = { ...ask, status, history: [...ask.history, { status, at, ...(note ? { note } : {}) }] };
      await this.db.asks.put(next);
      return next;
    });
  }

  /** The user's templates; the built-in defaults on a fresh install. */
  async templates(): Promise<Template[]> {
    const stored = await this.db.templates.toArray();
    if (stored.length === 0) return DEFAULT_TEMPLATES;
    return stored.flatMap((row) => {
      const parsed = Template.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Saves a template; the first save of a fresh install keeps the defaults beside it. */
  saveTemplate(template: Template): Promise<void> {
    return this.db.transaction('rw', this.db.templates, async () => {
      if ((await this.db.templates.count()) === 0) await this.db.templates.bulkPut(DEFAULT_TEMPLATES);
      await this.db.templates.put(Template.parse(template));
    });
  }

  deleteTemplate(id: string): Promise<void> {
    return this.db.transaction('rw', this.db.templates, async () => {
      if ((await this.db.templates.count()) === 0) await this.db.templates.bulkPut(DEFAULT_TEMPLATES);
      const remaining = (await this.db.templates.count()) - ((await this.db.templates.get(id)) ? 1 : 0);
      if (remaining === 0) throw new Error('Keep at least one template.');
      await this.db.templates.delete(id);
    });
  }

  restoreDefaultTemplates(): Promise<void> {
    return this.db.transaction('rw', this.db.templates, async () => {
      await this.db.templates.bulkPut(DEFAULT_TEMPLATES);
    });
  }

  /** Contacts whose email or name contains `query` (case-insensitive), most recently updated first. */
  async searchContacts(query: string, limit: number): Promise<Contact[]> {
    const q = query.trim().toLowerCase();
    return this.db.contacts
      .orderBy('updatedAt')
      .reverse()
      .filter((c) => !q || c.email.includes(q) || c.name.toLowerCase().includes(q))
      .limit(limit)
      .toArray();
  }

  async profile(): Promise<Profile> {
    const row = await this.db.kv.get('profile');
    const parsed = Profile.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : EMPTY_PROFILE;
  }

  async saveProfile(profile: Profile): Promise<void> {
    await this.db.kv.put({ key: 'profile', value: Profile.parse(profile) });
  }

  async settings(): Promise<EngineSettings> {
    return parseSettings((await this.db.kv.get('settings'))?.value);
  }
}
