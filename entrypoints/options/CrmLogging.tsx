import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { LOGGING_CRMS, LOGGING_GUIDES, loggingDomainHint, type LoggingCrm } from '@/lib/crm/logging';
import { plainAddress } from '@/lib/identity';
import { FormMessage, useMessage } from '@/components/FormMessage';

/** Tier 1 of the team features (issue 34): each CRM's logging address, added to the Bcc of the drafts Insert writes. */
export function CrmLogging() {
  const [addresses, setAddresses] = useState<Partial<Record<LoggingCrm, string>>>();
  const { message, say, failed } = useMessage();
  useEffect(() => {
    void request('logging/get', {}).then(setAddresses);
  }, []);

  return (
    <form
      className="card"
      aria-labelledby="logging-title"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await request('logging/save', addresses ?? {});
          const set = LOGGING_CRMS.filter((crm) => addresses?.[crm]?.trim()).map((crm) => LOGGING_GUIDES[crm].label);
          say(true, set.length ? `Saved: Insert adds ${set.join(' and ')}'s logging address to the Bcc of each draft.` : 'Saved: no copy is added to drafts.');
        } catch (err) {
          failed(err);
        }
      }}
    >
      <h2 id="logging-title">Log asks in your CRM</h2>
      <p className="muted">
        Your CRM gives you an address that files a copy of any email sent to it on the matching record, where your colleagues see it. With one here, Insert adds
        it to the Bcc of the Gmail or Outlook draft (visibly, never to To or Cc), and the sidebar lets you leave it out of an ask. Your mail server sends the
        copy when you send the email: the extension itself sends nothing.
      </p>
      {!addresses ? (
        <p className="muted">Loading…</p>
      ) : (
        LOGGING_CRMS.map((crm) => {
          const guide = LOGGING_GUIDES[crm];
          const value = addresses[crm] ?? '';
          const address = plainAddress(value);
          const hint = value.trim() && (address ? loggingDomainHint(crm, address) : `"${value.trim()}" is not an email address.`);
          return (
            <div className="field" key={crm}>
              <label htmlFor={`logging-${crm}`}>{guide.label}'s logging address</label>
              <input
                id={`logging-${crm}`}
                data-testid="logging-address"
                data-crm={crm}
                type="text"
                inputMode="email"
                autoComplete="off"
                value={value}
                placeholder={guide.example}
                aria-describedby={`logging-${crm}-hint`}
                onChange={(e) => setAddresses({ ...addresses, [crm]: e.target.value })}
              />
              <small id={`logging-${crm}-hint`} className="hint">
                Where: {guide.where} What it does with a copy: {guide.does}
              </small>
              {hint && (
                <small className="error" role="status">
                  {hint}
                </small>
              )}
            </div>
          );
        })
      )}
      <button type="submit" disabled={!addresses}>
        Save logging addresses
      </button>
      <FormMessage message={message} />
    </form>
  );
}
