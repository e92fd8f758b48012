/**
 * Logging by the CRM's own address (issue 34, tier 1): each CRM gives its users an address that
 * files a copy of any email sent to it on the matching record. Given one, Insert adds it to the
 * draft's Bcc; the mail server carries the copy and the extension makes no request at all.
 */
import { z } from 'zod';
import { plainAddress } from '../identity';

export const LOGGING_CRMS = ['hubspot', 'pipedrive', 'salesforce', 'gainsight'] as const;
export type LoggingCrm = (typeof LOGGING_CRMS)[number];

/** The address per CRM the user gave; none: nothing is added. */
export const LoggingAddresses = z.partialRecord(z.enum(LOGGING_CRMS), z.email().max(320));
export type LoggingAddresses = z.infer<typeof LoggingAddresses>;

export interface LoggingGuide {
  label: string;
  /** Where the user finds their address in that CRM. */
  where: string;
  /** What the CRM does with a copy sent there. */
  does: string;
  /** The domain its addresses are at, as far as its documentation shows: a mismatch is said, not refused. */
  domain: RegExp;
  example: string;
}

export const LOGGING_GUIDES: Record<LoggingCrm, LoggingGuide> = {
  hubspot: {
    label: 'HubSpot',
    where: 'Settings > Objects > Activities > Email Log & Track: your BCC address.',
    does: 'HubSpot files the copy on the contact it was sent to, on their company and on their open deals; if no contact has that address, it may create one (as your portal is set).',
    domain: /(^|\.)hubspot(-\w+)?\.com$/,
    example: '12345678@bcc.hubspot.com',
  },
  pipedrive: {
    label: 'Pipedrive',
    where: 'Personal preferences > Email sync > Smart Bcc: copy the address.',
    does: 'Pipedrive puts the copy in your Pipedrive Mail inbox and links it to the person, deals and leads with that address; replies get there only if forwarded.',
    domain: /(^|\.)pipedrivemail\.com$/,
    example: 'northwind@pipedrivemail.com',
  },
  salesforce: {
    label: 'Salesforce',
    where: 'Personal settings > Email > My Email to Salesforce: the long address it shows.',
    does: 'Salesforce matches the recipients to contacts and leads and saves the email as an activity on them, as your Email to Salesforce settings say.',
    domain: /(^|\.)salesforce\.com$/,
    example: 'emailtosalesforce@x1y2z3.na1.le.salesforce.com',
  },
  gainsight: {
    label: 'Gainsight',
    where: 'Ask your Gainsight admin for the email-to-Timeline (BCC) address of your instance.',
    does: "Gainsight adds the copy to the Timeline of the matching person's company, as your admin set it up.",
    domain: /(^|\.)gainsight(mail)?\.com$/,
    example: 'timeline@yourcompany.gainsightmail.com',
  },
};

/**
 * What is wrong with an address given for `crm`: not an address, or one that would send the copy
 * to a person (the user, or a client). Nothing: it may be saved.
 */
export function loggingProblem(crm: LoggingCrm, raw: string, own: { isSelf(a: string): boolean; isClient(a: string): boolean }): string | undefined {
  const label = LOGGING_GUIDES[crm].label;
  const address = plainAddress(raw);
  if (!address) return `${label}: "${raw}" is not an email address.`;
  if (own.isSelf(address)) return `${label}: ${address} is your own address, not your CRM's logging address.`;
  if (own.isClient(address)) return `${label}: ${address} is a client's address: the copy would go to them.`;
  return undefined;
}

/** A soft warning when the address is not at the domain that CRM's addresses use. */
export function loggingDomainHint(crm: LoggingCrm, address: string): string | undefined {
  const guide = LOGGING_GUIDES[crm];
  const domain = address.split('@')[1] ?? '';
  return guide.domain.test(domain) ? undefined : `This does not look like a ${guide.label} logging address (they look like ${guide.example}): check it.`;
}
