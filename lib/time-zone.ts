const known = new Map<string, boolean>();

/** True for an IANA zone the browser knows ("Europe/Paris"). Cached: constructing the check is slow. */
export function isValidTimeZone(zone: string): boolean {
  let valid = known.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (known.size < 1_000) known.set(zone, valid);
  }
  return valid;
}

/**
 * Names the browser's list may still give in their old spelling (ICU keeps CLDR's), with the name
 * people search for today: nobody types "Calcutta" to find Kolkata.
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Africa/Asmera': 'Africa/Asmara',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
};

let zones: string[] | undefined;
/** The browser's own list of zones, the only ones a picker offers, by today's names. */
export function timeZones(): string[] {
  zones ??= Intl.supportedValuesOf('timeZone').map((z) => (RENAMED[z] && isValidTimeZone(RENAMED[z]) ? RENAMED[z] : z));
  return zones;
}

/** "UTC+5:30": a zone's offset now, for the picker's labels. */
export function zoneOffset(zone: string, at = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return (name ?? 'GMT').replace('GMT', 'UTC');
}

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/**
 * What the user typed in a time zone picker, as one of the browser's zones: the zone itself in any
 * case ("europe/paris"), or a city the list names once ("Kolkata", "buenos aires"). Anything else
 * is not a zone (`undefined`): the picker says so rather than saving free text.
 */
export function resolveTimeZone(typed: string): string | undefined {
  const wanted = plain(typed);
  if (!wanted) return undefined;
  const list = timeZones();
  const exact = list.find((z) => plain(z) === wanted);
  if (exact) return exact;
  const byCity = list.filter((z) => plain(z.split('/').pop()!) === wanted);
  if (byCity.length === 1) return byCity[0];
  // Zones the browser accepts but does not list (UTC, aliases such as Asia/Calcutta) are kept as typed.
  return /\//.test(typed) || /^utc$/i.test(typed.trim()) ? (isValidTimeZone(typed.trim()) ? typed.trim() : undefined) : undefined;
}
