import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { HOST_MATCHES } from '@/lib/hosts/matches';

const NAMES: Record<keyof typeof HOST_MATCHES, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
};

/**
 * Firefox lets the user withhold or withdraw the access to each site the manifest names (Chrome
 * grants it at install). Where the extension may not read a host, say so here and ask for it with
 * one click: the browser's own prompt, from this click.
 */
export function HostAccess() {
  const [missing, setMissing] = useState<Array<keyof typeof HOST_MATCHES>>([]);
  const check = async () => {
    const hosts = Object.keys(HOST_MATCHES) as Array<keyof typeof HOST_MATCHES>;
    const granted = await Promise.all(hosts.map((h) => browser.permissions.contains({ origins: [...HOST_MATCHES[h]] }).catch(() => true)));
    setMissing(hosts.filter((_, i) => !granted[i]));
  };
  useEffect(() => {
    void check();
  }, []);
  if (!missing.length) return null;
  const names = missing.map((h) => NAMES[h]);
  return (
    <p className="notice" role="alert" data-testid="host-permission">
      Referral window may not read {names.join(', ')}: the sidebar cannot show there.{' '}
      <button
        onClick={() =>
          void browser.permissions
            .request({ origins: missing.flatMap((h) => [...HOST_MATCHES[h]]) })
            .catch(() => false)
            .then(() => check())
        }
      >
        Allow access
      </button>
    </p>
  );
}
