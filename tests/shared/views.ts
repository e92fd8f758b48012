/** Helpers for unit tests only (no entrypoint imports this file). */
import { DEFAULT_SETTINGS } from '@/lib/engine/settings';
import type { PageContext } from '@/lib/hosts/types';
import type { Contact } from '@/lib/model';
import { DEFAULT_TEMPLATES } from '@/lib/templates/defaults';
import { EMPTY_PROFILE } from '@/lib/templates/schema';
import { buildContactView, type ContactView } from '@/lib/views';

/** A contact's view as the hub builds it, with the default templates and settings, no profile, no asks. */
export function viewWithDefaults(page: PageContext, contact: Contact, now: Date): ContactView {
  return buildContactView({
    page,
    contact,
    asks: [],
    templates: DEFAULT_TEMPLATES,
    profile: EMPTY_PROFILE,
    settings: DEFAULT_SETTINGS,
    neverAsk: { emails: [], domains: [] },
    now,
  });
}
