/**
 * The one command the background sends a content script. Checked by a hand-written guard rather
 * than zod: zod/mini alone would add 4.6 KB gzip to the script injected into every host page
 * (measured 2026-11-22: 9.3 KB -> 14.0 KB, against a 15 KB budget), for three string fields.
 * The sender is checked too (only our background, never a page or a tab).
 */
export interface InsertCommand {
  type: 'compose/insert';
  html: string;
  text: string;
  subject?: string;
  /** The contact the ask is for: the draft must be addressed to them (or to no one yet). */
  to: string;
  /** The recorded ask's line: when the inserted text is undone in the editor, the ask is discarded. */
  snippet?: string;
  /** The draft's recipients the user saw and said yes to (it is not addressed to `to`): written only while they are the same. */
  confirmedFor?: string;
  /** The CRM logging addresses to put in the draft's Bcc (issue 34), never in To or Cc. */
  bcc?: string[];
}

const MAX = 200_000;

/** Absent, or a string of at most `max` characters. */
const optional = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);

export function isInsertCommand(message: unknown): message is InsertCommand {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === 'compose/insert' &&
    typeof m.html === 'string' &&
    m.html.length <= MAX &&
    typeof m.text === 'string' &&
    m.text.length <= MAX &&
    optional(m.subject, 1_000) &&
    typeof m.to === 'string' &&
    m.to.length <= 320 &&
    optional(m.snippet, 200) &&
    optional(m.confirmedFor, 20_000) &&
    (m.bcc === undefined || (Array.isArray(m.bcc) && m.bcc.length <= 4 && m.bcc.every((a) => typeof a === 'string' && a.length <= 320)))
  );
}

/** New picks for this custom CRM site, sent by the background after the picker saved them. */
export interface ConfigCommand {
  type: 'custom/config';
  picks: Record<string, string>;
}

export function isConfigCommand(message: unknown): message is ConfigCommand {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === 'custom/config' &&
    typeof m.picks === 'object' &&
    m.picks !== null &&
    Object.values(m.picks).every((v) => typeof v === 'string' && v.length <= 500)
  );
}

/** Select a gap ("[FILL IN: your name]") in the open draft, for the user to type over it. */
export interface SelectCommand {
  type: 'compose/select';
  text: string;
}

export function isSelectCommand(message: unknown): message is SelectCommand {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === 'compose/select' && typeof m.text === 'string' && m.text.length > 0 && m.text.length <= 300;
}

/** Stop: the user withdrew this site's access. The script stops reading and takes its sidebar away. */
export interface StopCommand {
  type: 'stop';
}
