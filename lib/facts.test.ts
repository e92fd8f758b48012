// @vitest-environment happy-dom
/**
 * Adding a fact is one row of the table (issue 13): every row, whatever it is, goes through an
 * import, a CRM page read, a manual edit and the CSV export without any other file naming it.
 */
import { readPage } from '../tests/unit/load-fixture';
import { describe, expect, it } from 'vitest';
import { applyManualEdit, applyPage, emptyContact } from './contacts';
import { FACT_ROWS, type FactKind, type FactRow } from './facts';
import { crmRecordFields } from './hosts/crm';
import { settlePage } from './hosts/settle';
import { customAdapter } from './hosts/custom';
import { PICK_FIELDS } from './hosts/custom-fields';
import { parseContactsCsv } from './import/csv';
import { contactsToCsv } from './import/contacts-csv';
import { fieldForLabel } from './import/headers';
import { mergeImported } from './import/merge';
import { Contact, ContactFacts, ManualEdit } from './model';
import { PageContextSchema } from './messaging/protocol';
import type { PageContext } from './hosts/types';

const NOW = '2026-11-25T10:00:00.000Z';
const TODAY = '2026-11-25';

/** A value of each kind as a CRM export or page writes it, and as the contact then holds it. */
const SAMPLES: Record<FactKind, { cell: string; plain: string | number; stored: unknown }> = {
  date: { cell: '05/14/2026', plain: '2026-05-14', stored: '2026-05-14' },
  nps: { cell: '9', plain: 9, stored: { score: 9 } },
  percent: { cell: '80%', plain: 80, stored: 80 },
  count: { cell: '2', plain: 2, stored: 2 },
  amount: { cell: '$1,250.50', plain: 1250.5, stored: 1250.5 },
  zone: { cell: 'Europe/Paris', plain: 'Europe/Paris', stored: 'Europe/Paris' },
  text: { cell: 'Cut onboarding by 40%', plain: 'Cut onboarding by 40%', stored: 'Cut onboarding by 40%' },
};

const crmPage = (shown: PageContext['shown']): PageContext => ({
  host: 'hubspot',
  hostLabel: 'HubSpot',
  url: 'https://app.hubspot.com/contacts/1/record/0-1/2',
  contact: { email: 'dana@acme.example' },
  shown,
  composeCount: 0,
  missing: [],
});

describe.each(FACT_ROWS.map((f) => [f.key, f] as [string, FactRow]))('the fact %s, from its table row alone', (_key, fact) => {
  const sample = SAMPLES[fact.kind];

  it('is recognised by its header, aliases and label, imported, and exported under a header that imports back', () => {
    for (const name of [fact.label, ...fact.aliases]) expect(fieldForLabel(name), name).toBe(fact.key);
    const parsed = parseContactsCsv(`Email,"${fact.label}"\ndana@acme.example,"${sample.cell}"\n`, { today: TODAY });
    expect(parsed.skipped).toEqual([]);
    const source = { kind: 'import' as const, label: 'crm.csv', observedAt: NOW };
    const contact = mergeImported(undefined, parsed.rows[0]!, source, NOW);
    expect(contact.facts[fact.key]?.value).toEqual(sample.stored);
    expect(Contact.safeParse(contact).success).toBe(true);

    const exported = contactsToCsv([contact]);
    const again = parseContactsCsv(exported, { today: TODAY });
    expect(mergeImported(undefined, again.rows[0]!, source, NOW).facts[fact.key]?.value).toEqual(sample.stored);
  });

  it('is typed in the sidebar, cleared again, and an empty import cell never erases it', () => {
    const edit = ManualEdit.parse({ [fact.key]: sample.plain });
    const edited = applyManualEdit(emptyContact('dana@acme.example', NOW), edit, NOW);
    expect(edited.facts[fact.key]).toEqual({ value: sample.stored, source: { kind: 'manual', label: 'you', observedAt: NOW } });
    expect(ContactFacts.safeParse(edited.facts).success).toBe(true);

    const blank = parseContactsCsv(`Email,"${fact.label}"\ndana@acme.example,\n`, { today: TODAY });
    const later = { kind: 'import' as const, label: 'later.csv', observedAt: '2026-11-26T10:00:00.000Z' };
    expect(mergeImported(edited, blank.rows[0]!, later, NOW).facts[fact.key]?.value).toEqual(sample.stored);

    const cleared = applyManualEdit(edited, ManualEdit.parse({ [fact.key]: null }), '2026-11-25T11:00:00.000Z');
    expect(cleared.facts[fact.key]).toBeUndefined();
  });

  it.runIf(fact.page)('is read from a CRM record by its label, accepted from the page, and folded in with its source', () => {
    const { values } = crmRecordFields(new Map([[fact.aliases[0]!, sample.cell]]));
    // The content script sends what the page writes; the background reads it as the import reads a cell.
    const page = settlePage(PageContextSchema.parse(crmPage({ values })) as PageContext, TODAY);
    expect(page.facts).toEqual({ [fact.key]: sample.plain });
    const contact = applyPage(emptyContact('dana@acme.example', NOW), page, NOW);
    expect(contact.facts[fact.key]).toEqual({ value: sample.stored, source: { kind: 'crm', label: 'HubSpot', observedAt: NOW } });
  });

  it.runIf(fact.pick)('is offered by the field picker and read from the element the user picked', () => {
    expect(PICK_FIELDS).toContain(fact.key);
    document.body.innerHTML = `<main><p id="e">dana@acme.example</p><p id="f">${sample.cell}</p></main>`;
    const page = readPage(customAdapter('Example CRM', { email: '#e', [fact.key]: '#f' }), document, 'https://crm.example.com/record/1');
    expect(page.facts).toEqual({ [fact.key]: sample.plain });
  });
});
