/** The fields a user can pick on any other CRM's record page, in the order the picker asks. */
export const PICK_FIELDS = ['name', 'email', 'company', 'customerSince', 'nps', 'csat', 'openTickets', 'timeZone'] as const;
export type PickField = (typeof PICK_FIELDS)[number];
export type CustomPicks = Partial<Record<PickField, string>>;
