/**
 * A record page's facts read in the background, as the import reads a cell: the content script
 * sends what the page writes ("05/14/2026", "1.200 €") and the date order its locale declares;
 * this reads them (the parsers stay out of the script injected into every CRM page, issue 35).
 */
import { FACT_BY_KEY, isFactKey } from '../facts';
import { readField } from '../import/cells';
import type { PageContext, PageFacts } from './types';

/** The page with its shown values read into facts; a value that reads two ways is said, not read. */
export function settlePage(page: PageContext, today: string): PageContext {
  const { shown, ...rest } = page;
  if (!shown) return rest;
  const facts: Record<string, unknown> = {};
  /** Values the page shows that can be read two ways: not read, said (the user enters them). */
  const unsure: string[] = [];
  for (const [key, raw] of Object.entries(shown.values)) {
    if (!isFactKey(key) || !FACT_BY_KEY[key].page || typeof raw !== 'string') continue;
    const reading = readField(key, raw, today, { dates: shown.dates });
    if ('value' in reading) facts[key] = reading.value;
    else if (reading.problem === 'order') unsure.push(`${FACT_BY_KEY[key].label.toLowerCase()} ("${raw}" can be day or month first: enter it below)`);
  }
  // How a fact was found is said only of the facts read.
  const readBy = rest.readBy && Object.fromEntries(Object.entries(rest.readBy).filter(([key]) => !isFactKey(key) || key in facts));
  return { ...rest, facts: facts as PageFacts, ...(readBy ? { readBy } : {}), missing: [...rest.missing, ...unsure] };
}
