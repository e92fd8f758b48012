/**
 * The words each CRM's own lifecycle field uses for "is a customer" (issue 31): an exact list per
 * host, compared whole, so "Former customer", "Potential customer" or "Not a customer yet" never
 * read as one. From each CRM's documented defaults:
 * - HubSpot's lifecycle stages: Subscriber, Lead, Marketing Qualified Lead, Sales Qualified Lead,
 *   Opportunity, Customer, Evangelist, Other (an evangelist is a customer who promotes you);
 * - Salesforce's account Type picklist: "Customer - Direct", "Customer - Channel"; an opportunity's
 *   "Closed Won";
 * - Pipedrive's default person label "Customer"; a deal "Won";
 * - a CRM site the user added: "Customer".
 */
import type { HostId } from './registry';

const CUSTOMER_STAGES: Record<HostId, readonly string[]> = {
  gmail: [],
  outlook: [],
  hubspot: ['customer', 'evangelist'],
  salesforce: ['customer - direct', 'customer - channel', 'customer', 'closed won'],
  pipedrive: ['customer', 'won'],
  custom: ['customer'],
};

export function isCustomerStage(host: HostId, stage: string): boolean {
  return CUSTOMER_STAGES[host].includes(stage.trim().toLowerCase().replace(/\s+/g, ' '));
}
