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

/**
 * The referrals, one row per person a client introduced, with their referrer: for the CRM
 * (issue 19). Rewards say what each side is owed and when it was given.
 */
export function referralsToCsv(rows: AskRow[]): string {
  const at = (row: AskRow, status: string) => row.ask.history.find((h) => h.status === status)?.at.slice(0, 10) ?? '';
  const reward = (r?: { what: string; givenAt?: string }) => (r ? `${r.what}${r.givenAt ? ` (given ${r.givenAt.slice(0, 10)})` : ' (owed)'}` : '');
  return Papa.unparse(
    {
      fields: [
        'Referral name',
        'Referral email',
        'Status',
        'Introduced on',
        'Converted on',
        'Referrer name',
        'Referrer email',
        'Referrer company',
        'Referrer reward',
        'Referral reward',
      ],
      data: rows
        .filter((row) => !row.ask.discardedAt && (row.ask.referral?.email || row.ask.referral?.name))
        .map((row) => [
          row.ask.referral?.name ?? '',
          row.ask.referral?.email ?? '',
          row.ask.status,
          at(row, 'introduced'),
          at(row, 'converted'),
          row.name,
          row.ask.email,
          row.company,
          reward(row.ask.rewards?.client),
          reward(row.ask.rewards?.friend),
        ]),
    },
    { escapeFormulae: true },
  );
}
