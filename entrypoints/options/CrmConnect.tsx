import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import type { CrmStatus } from '@/lib/messaging/protocol';
import { API_CRMS, API_LABELS, API_ORIGINS, noteText, type ApiCrm } from '@/lib/crm/api';
import { FormMessage, useMessage } from '@/components/FormMessage';

const WHERE: Record<ApiCrm, string> = {
  hubspot:
    'In HubSpot: Development > Keys > Service keys (or a private app) with the scopes crm.objects.contacts.read, crm.objects.contacts.write and crm.objects.companies.read; copy its token.',
  pipedrive: 'In Pipedrive: Personal preferences > API: your personal API token.',
};

/** Tier 2 of the team features (issue 34): one CRM connected through its API, opt-in, with what it sends shown first. */
export function CrmConnect() {
  const [state, setState] = useState<CrmStatus>();
  const [tokens, setTokens] = useState<Record<ApiCrm, string>>({ hubspot: '', pipedrive: '' });
  const [withText, setWithText] = useState(false);
  const [me, setMe] = useState('');
  const { message, say, failed } = useMessage();
  useEffect(() => {
    void request('crm/status', {}).then(setState);
    void request('profile/get', {}).then((p) => setMe(p.name || p.email));
  }, []);
  const connected = state?.connection;
  const preview = noteText({
    by: me || 'A colleague',
    stage: 'sent',
    at: new Date().toISOString(),
    who: 'Dana Whitfield',
    key: 'hubspot:ask-id:sent',
    text: withText ? 'Hi Dana, …' : undefined,
  });

  const connect = (crm: ApiCrm) => async () => {
    // Asked in the click itself: the browser grants an origin only in the user's gesture.
    // Firefox also asks for the data the notes carry (a client's name; ticked, the ask's first line).
    const dataCollection = import.meta.env.FIREFOX ? { data_collection: ['personallyIdentifyingInfo', ...(withText ? ['personalCommunications'] : [])] } : {};
    const allowed = await browser.permissions
      .request({ origins: [`${API_ORIGINS[crm]}/*`], ...dataCollection } as Parameters<typeof browser.permissions.request>[0])
      .catch(() => false);
    if (!allowed) return say(false, `The browser did not allow ${API_ORIGINS[crm]}: nothing was connected.`);
    try {
      setState(await request('crm/connect', { crm, token: tokens[crm], withText }));
      setTokens({ hubspot: '', pipedrive: '' });
      say(true, `Connected to ${API_LABELS[crm]}.`);
    } catch (err) {
      failed(err);
    }
  };

  return (
    <section className="card" aria-labelledby="connect-title">
      <h2 id="connect-title">Connect your CRM (optional)</h2>
      <p className="muted">
        Connected, each stage of an ask (asked, OK, intro, converted, declined) is written as one short note on the contact's record, the one whose page you
        opened, and on their company's (HubSpot's primary company, Pipedrive's organization): never found by a search, never a new contact. Colleagues' notes on
        those records are read when you open a client and for the first clients of "who to ask", at most once per record per cool-down: an ask there counts like
        yours. Only the background sends, only to the API origin you allow at Connect; nothing else is sent. Disconnect forgets the token and what was read with
        it, and gives the origin back. Tokens are never in a backup.
      </p>
      <p className="muted">The note, exactly as it is written:</p>
      <pre className="note-preview" data-testid="crm-note-preview">
        {preview}
      </pre>
      <div className="field inline">
        <input id="crm-with-text" type="checkbox" checked={withText} onChange={(e) => setWithText(e.target.checked)} disabled={!!connected} />
        <label htmlFor="crm-with-text">Include the ask's first line in the note</label>
      </div>
      {connected ? (
        <div data-testid="crm-connected" data-crm={connected.crm}>
          <p>
            Connected to {API_LABELS[connected.crm]} since {new Date(connected.connectedAt).toLocaleString()}.
          </p>
          {connected.refused && (
            <p className="error" role="alert">
              {connected.refused}
            </p>
          )}
          <button
            data-testid="crm-disconnect"
            onClick={async () => {
              try {
                setState(await request('crm/disconnect', {}));
                say(true, `Disconnected: the token is forgotten and ${API_ORIGINS[connected.crm]} given back.`);
              } catch (err) {
                failed(err);
              }
            }}
          >
            Disconnect
          </button>
        </div>
      ) : null}
      {API_CRMS.filter((crm) => !connected || connected.refused).map((crm) => (
        <form
          key={crm}
          data-testid="crm-connect"
          data-crm={crm}
          onSubmit={(e) => {
            e.preventDefault();
            void connect(crm)();
          }}
        >
          <label htmlFor={`token-${crm}`}>{API_LABELS[crm]} token</label>
          <input
            id={`token-${crm}`}
            type="password"
            autoComplete="off"
            value={tokens[crm]}
            onChange={(e) => setTokens({ ...tokens, [crm]: e.target.value })}
            aria-describedby={`token-${crm}-hint`}
          />
          <small id={`token-${crm}-hint`} className="hint">
            {WHERE[crm]}
          </small>
          <button type="submit" disabled={tokens[crm].trim().length < 8}>
            Connect {API_LABELS[crm]}
          </button>
        </form>
      ))}
      <FormMessage message={message} />
    </section>
  );
}
