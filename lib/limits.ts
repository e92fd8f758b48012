/**
 * How long each stored text may be, wherever it is written (page read, import, edit, restore):
 * one set of numbers, so that nothing one path stores is refused by another (issue 21). Plain
 * data, no schema library, so the content scripts may use it too.
 */
export const TEXT_LIMITS = { name: 300, company: 300, segment: 60, results: 500, product: 120, lifecycleStage: 60, timeZone: 64 } as const;
