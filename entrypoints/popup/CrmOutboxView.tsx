import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { CrmStatus } from '@/lib/messaging/protocol';
import { API_LABELS, STAGE_WORDS } from '@/lib/crm/api';

/** What waits to be logged to the connected CRM, or failed, with a retry (issue 34); nothing when none is connected. */
export function CrmOutboxView() {
  const [state, setState] = useState<CrmStatus>();
  useEffect(() => {
    void request('crm/status', {})
      .then(setState)
      .catch(() => undefined);
  }, []);
  const connection = state?.connection;
  if (!connection) return null;
  const open = state.entries.filter((e) => e.state !== 'sent');
  const sent = state.entries.length - open.length;
  return (
    <section className="crm-outbox" data-testid="crm-outbox" aria-label={`Notes to ${API_LABELS[connection.crm]}`}>
      <p className="muted">
        {API_LABELS[connection.crm]}: {sent} note{sent === 1 ? '' : 's'} written
        {open.length ? `, ${open.length} waiting or failed` : ''}.
      </p>
      {connection.refused && (
        <p className="error" role="alert">
          {connection.refused}
        </p>
      )}
      {open.length > 0 && (
        <ul>
          {open.map((e) => (
            <li key={e.key} data-testid="crm-outbox-entry" data-state={e.state}>
              {e.email}: {STAGE_WORDS[e.stage]} ({e.state === 'no-record' ? 'waiting for its record' : e.state}){e.why ? `: ${e.why}` : ''}
            </li>
          ))}
        </ul>
      )}
      {/* Any entry not written: a "sending" one whose worker died is looked for on the record first, never sent twice. */}
      {open.length > 0 && (
        <button data-testid="crm-retry" onClick={() => void request('crm/retry', {}).then(setState)}>
          Try again now
        </button>
      )}
    </section>
  );
}
