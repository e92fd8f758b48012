/** Helpers for unit tests only (no entrypoint imports this file). */
import { DEFAULT_SETTINGS } from './engine/settings';
import type { PageContext } from './hosts/types';
import type { Contact } from './model';
import { DEFAULT_TEMPLATES } from './templates/defaults';
import { EMPTY_PROFILE } from './templates/schema';
import { buildContactView, type ContactView } from './views';

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
