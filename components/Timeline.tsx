import { differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { Relationship } from '@/lib/engine';

/** Start, window opens, window closes, today and the last ask on one line. */
export function Timeline({ relationship, now, lastAskAt }: { relationship: Relationship; now: Date; lastAskAt?: string }) {
  const start = parseISO(relationship.start);
  const closes = parseISO(relationship.windowCloses);
  const end = Math.max(differenceInCalendarDays(closes, start) * 1.15, differenceInCalendarDays(now, start) + 7, 1);
  const at = (d: Date) => `${Math.min(100, Math.max(0, (differenceInCalendarDays(d, start) / end) * 100))}%`;
  const opens = parseISO(relationship.windowOpens);
  const marks: Array<{ date: Date; label: string; kind: string }> = [
    { date: start, label: 'Start', kind: 'start' },
    { date: opens, label: 'Opens', kind: 'opens' },
    { date: closes, label: 'Closes', kind: 'closes' },
    { date: now, label: 'Today', kind: 'today' },
  ];
  if (lastAskAt) marks.push({ date: parseISO(lastAskAt), label: 'Asked', kind: 'ask' });
  return (
    <div className="timeline" role="img" aria-label={marks.map((m) => `${m.label} ${format(m.date, 'MMM d, yyyy')}`).join(', ')}>
      <div className="track" />
      <div className="window" style={{ left: at(opens), width: `calc(${at(closes)} - ${at(opens)})` }} />
      {marks.map((m) => (
        <div key={m.kind} className={`mark ${m.kind}`} style={{ left: at(m.date) }} title={`${m.label}: ${format(m.date, 'MMM d, yyyy')}`} />
      ))}
    </div>
  );
}
