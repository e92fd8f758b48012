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
