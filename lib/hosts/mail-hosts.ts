/** The webmails' adapters: all the mail content script carries. */
import type { FamilyAdapters } from './dispatch';
import { gmail } from './gmail';
import { outlook } from './outlook';

export const MAIL_ADAPTERS = { gmail, outlook } satisfies FamilyAdapters<'mail'>;
