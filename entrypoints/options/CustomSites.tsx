import { pickLabel, type PickField } from '@/lib/hosts/custom-fields';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { CustomPicks } from '@/lib/hosts/custom-fields';
import { request } from '@/lib/messaging/client';
import { hostNames } from '@/lib/hosts/registry';
import { FormMessage, useMessage } from '@/components/FormMessage';

/** Normalises what the user typed to an https origin, or says what is wrong. */
function originOf(input: string): string | { error: string } {
  try {
    const url = new URL(input.includes('://') ? input.trim() : `https://${input.trim()}`);
    if (url.protocol !== 'https:') return { error: 'Only https sites can be added.' };
    return url.origin;
  } catch {
    return { error: 'Enter the site as https://crm.example.com' };
  }
}

/**
 * Any other CRM: the user adds its site (Chrome asks them to allow access to that one site), then
 * opens a contact record there and picks the fields from the toolbar popup.
 */
export function CustomSites() {
  const [sites, setSites] = useState<Array<{ origin: string; picks: CustomPicks }>>([]);
  const [input, setInput] = useState('');
  const { message, say, failed } = useMessage();
  const load = () => request('custom-sites/list', {}).then(setSites);
  useEffect(() => {
    void load();
  }, []);

  return (
    <section className="card" aria-labelledby="crm-title">
      <h2 id="crm-title">Other CRMs</h2>
      <p className="muted">
        {hostNames()} are read out of the box. For another CRM, add its site: your browser asks you to allow access to that site only. Then open a contact
        record there, click the toolbar button, and choose "Pick fields on this page".
      </p>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const origin = originOf(input);
          if (typeof origin !== 'string') return say(false, origin.error);
          // Must run in the click itself: the browser only shows the prompt for a user gesture.
          const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
          if (!granted) return say(false, `Access to ${origin} was not allowed, so it was not added.`);
          try {
            await request('custom-site/add', { origin });
            setInput('');
            say(true, `${origin} added. Open a contact record there and pick its fields from the toolbar button.`);
            await load();
          } catch (err) {
            failed(err);
          }
        }}
      >
        <label htmlFor="crm-origin">CRM site</label>
        <input id="crm-origin" placeholder="https://crm.example.com" value={input} onChange={(e) => setInput(e.target.value)} />
        <button type="submit">Add site</button>
      </form>
      <FormMessage message={message} testId="crm-message" />
      {sites.length > 0 && (
        <ul className="sites">
          {sites.map((site) => (
            <li key={site.origin} data-testid="crm-site">
              <strong>{site.origin}</strong>{' '}
              <span className="muted">
                {Object.keys(site.picks).length
                  ? `fields picked: ${(Object.keys(site.picks) as PickField[]).map(pickLabel).join(', ')}`
                  : 'no fields picked yet'}
              </span>{' '}
              <button onClick={() => request('custom-site/remove', { origin: site.origin }).then(load)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
