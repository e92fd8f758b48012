import Papa from 'papaparse';
import type { AskRow } from './pipeline';
import { hoursToReply } from './kpis';

/** The asks as a spreadsheet: one row per ask, with its history's key moments. */
export function asksToCsv(rows: AskRow[]): string {
  const at = (row: AskRow, status: string) => row.ask.history.find((h) => h.status === status)?.at ?? '';
  return Papa.unparse(
    {
      fields: [
        'Email',
        'Name',
        'Company',
        'Segment',
        'Template',
        'Status',
        'Asked at',
        'Sent at',
        'Accepted at',
        'Introduced at',
        'Converted at',
        'Hours to reply',
        'Referral name',
        'Referral email',
        'Thread',
        'Next step',
      ],
      data: rows.map((row) => [
        row.ask.email,
        row.name,
        row.company,
        row.ask.segment ?? '',
        row.templateName,
        row.ask.status,
        row.ask.askedAt,
        at(row, 'sent'),
        at(row, 'accepted'),
        at(row, 'introduced'),
        at(row, 'converted'),
        hoursToReply(row.ask)?.toFixed(1) ?? '',
        row.ask.referral?.name ?? '',
        row.ask.referral?.email ?? '',
        row.ask.threadUrl ?? '',
        row.nextStep.label,
      ]),
    },
    { escapeFormulae: true },
  );
}
