/** The named CRMs' adapters: all the CRM content script carries. */
import type { FamilyAdapters } from './dispatch';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';

export const CRM_ADAPTERS = { hubspot, salesforce, pipedrive } satisfies FamilyAdapters<'crm'>;
