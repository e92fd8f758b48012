/** The statuses of an ask, in pipeline order. Apart from the schemas so pages can use it without zod. */
export const ASK_STATUSES = ['drafted', 'sent', 'accepted', 'introduced', 'converted', 'declined', 'no-response'] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];
