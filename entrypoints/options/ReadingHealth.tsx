import { useEffect, useState } from 'react';
import { FACT_BY_KEY, isFactKey } from '@/lib/facts';
import { request } from '@/lib/messaging/client';
import type { Responses } from '@/lib/messaging/protocol';

const STRATEGY: Record<string, string> = {
  hooks: "the site's own markers",
  value: 'what the value is (an email link)',
  label: 'the label beside it',
  picked: 'your pick',
};
/** A field's name as users read it: the table of facts', or the contact's own. */
const CONTACT_FIELDS: Record<string, string> = { email: 'Email', name: 'Name', company: 'Company' };
const fieldLabel = (key: string) => (isFactKey(key) ? FACT_BY_KEY[key].label : (CONTACT_FIELDS[key] ?? key));
const when = (hour?: string) => (hour ? new Date(`${hour}:00:00Z`).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'never');

/**
 * How each site was read lately, kept in this browser: the fields found and how, the last thing
 * that could not be read, and the fields you picked by hand on a named site (with a reset).
 */
export function ReadingHealth() {
  const [health, setHealth] = useState<Responses['reading/health']>();
  const load = () => request('reading/health', {}).then(setHealth);
  useEffect(() => {
    void load();
  }, []);
  if (!health) return null;
  const hosts = Object.entries(health.hosts);
  const picks = Object.entries(health.hostPicks);
  return (
    <section className="card" aria-labelledby="health-title" data-testid="reading-health">
      <h2 id="health-title">Reading health</h2>
      <p className="muted">
        How each site was read on this computer. When a page is read wrongly, open it, and in the sidebar use "Copy a diagnostic": it shows the page's structure
        with every name, address and text removed, for you to paste into a bug report. Nothing is sent anywhere.
      </p>
      {hosts.length === 0 && <p className="muted">No page read yet.</p>}
      {hosts.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Site</th>
              <th>Last read a contact</th>
              <th>Fields, and how they were found</th>
              <th>Last problem</th>
            </tr>
          </thead>
          <tbody>
            {hosts.map(([host, h]) => (
              <tr key={host} data-host={host}>
                <td>{h.hostLabel}</td>
                <td>{when(h.lastReadAt)}</td>
                <td>
                  {Object.entries(h.readBy)
                    .map(([field, how]) => `${fieldLabel(field)}: ${STRATEGY[how ?? ''] ?? how}`)
                    .join('; ') || '—'}
                </td>
                <td>{h.lastFailure ? `${when(h.lastFailure.at)}: could not read ${h.lastFailure.missing.join('; ')}` : 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {picks.length > 0 && (
        <>
          <h3>Fields you picked on these sites</h3>
          <ul>
            {picks.map(([origin, p]) => (
              <li key={origin}>
                {origin}: {Object.keys(p).map(fieldLabel).join(', ') || 'none'}{' '}
                <button onClick={() => void request('host-picks/reset', { origin }).then(load)}>Reset</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
