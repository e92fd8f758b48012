/**
 * Any other CRM: the user clicked, once per site, the element holding each field; those picks
 * are CSS selectors stored for the origin. Read like any CRM record; insert into the page's
 * rich-text editor if it has one.
 */
import type { CustomPicks } from './custom-fields';
import { readCrmFields, todayLocal } from './crm';
import { text } from './dom';
import type { HostAdapter, PageContext } from './types';

/** The label each picked field is read as (the names the CSV import and CRM pages use). */
const LABELS: Record<keyof CustomPicks, string> = {
  name: 'name',
  email: 'email',
  company: 'company',
  customerSince: 'customer since',
  nps: 'nps',
  csat: 'csat',
  openTickets: 'open tickets',
  timeZone: 'time zone',
};

function valueOf(el: Element | null): string {
  if (!el) return '';
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return el.value.trim();
  return text(el);
}

export function customAdapter(siteLabel: string, picks: CustomPicks): HostAdapter {
  return {
    id: 'custom',
    label: siteLabel,
    read(doc, url): PageContext {
      const fields = new Map<string, string>();
      const missing: string[] = [];
      for (const [field, selector] of Object.entries(picks) as Array<[keyof CustomPicks, string]>) {
        let el: Element | null = null;
        try {
          el = doc.querySelector(selector);
        } catch {
          // A stored selector that no longer parses: treated as missing.
        }
        const value = valueOf(el);
        if (value) fields.set(LABELS[field], value);
        else missing.push(`${LABELS[field]} (picked element not found: pick the fields again)`);
      }
      if (!picks.email) missing.unshift('the email field (pick the fields from the toolbar button)');
      const { contact, facts } = readCrmFields(fields, todayLocal());
      return { host: 'custom', hostLabel: siteLabel, url, contact, facts, composeCount: this.composeEditors(doc).length, missing };
    },
    composeEditors(doc) {
      return [...doc.querySelectorAll<HTMLElement>('[contenteditable="true"]')];
    },
    subjectInput(editor) {
      return editor.closest('form')?.querySelector<HTMLInputElement>('input[name*="subject" i]') ?? null;
    },
  };
}
