/**
 * How long each stored text may be, wherever it is written (page read, import, edit, restore):
 * one set of numbers, so that nothing one path stores is refused by another (issue 21). Plain
 * data, no schema library, so the content scripts may use it too.
 */
export const TEXT_LIMITS = { name: 300, company: 300, segment: 60, results: 500, product: 120, lifecycleStage: 60, timeZone: 64 } as const;

/**
 * The largest amount of money kept, and the most open tickets: one bound for store, import, edit,
 * page read and restore (issue 31). A 400-digit cell is a broken file, not a customer.
 */
export const NUMBER_LIMITS = { amount: 1_000_000_000_000, count: 10_000 } as const;
