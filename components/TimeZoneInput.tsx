import { useMemo, useState } from 'react';
import { FactInput } from './FactInput';
import { resolveTimeZone, timeZones, zoneOffset } from '@/lib/time-zone';

interface Props {
  label: string;
  value: string;
  onCommit: (zone: string) => void;
  hint?: string;
  testId?: string;
  /** Whose time zone this is: see `FactInput`. */
  owner?: string;
}

/**
 * A searchable picker of the browser's time zones: typing a city or a region filters the list
 * (each zone with its offset now), and only a zone of the list is saved, never free text.
 */
export function TimeZoneInput({ label, value, onCommit, hint, testId, owner }: Props) {
  const listId = `zones-${testId ?? label.replace(/\W+/g, '-')}`;
  // The list (about 400 zones, each with its offset) is built when the field is first focused, not with every sidebar.
  const [wanted, setWanted] = useState(false);
  const options = useMemo(() => (wanted ? timeZones().map((zone) => ({ zone, offset: zoneOffset(zone) })) : []), [wanted]);
  return (
    <>
      <FactInput
        label={label}
        owner={owner}
        value={value}
        hint={hint}
        testId={testId}
        list={listId}
        autoComplete="off"
        placeholder="Type a city: Paris, Kolkata…"
        resolve={resolveTimeZone}
        invalid="Choose a time zone from the list (type a city to find it)."
        onCommit={onCommit}
        onFocus={() => setWanted(true)}
      />
      <datalist id={listId}>
        {options.map(({ zone, offset }) => (
          <option key={zone} value={zone} label={`${zone.replace(/_/g, ' ')} (${offset})`} />
        ))}
      </datalist>
    </>
  );
}
