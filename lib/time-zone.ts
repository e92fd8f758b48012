/** True for an IANA zone the browser knows ("Europe/Paris"); no library needed for the check. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
