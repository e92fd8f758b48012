import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { HOSTS, type NamedHost } from '@/lib/hosts/registry';

/**
 * Firefox lets the user withhold or withdraw the access to each site the manifest names (Chrome
 * grants it at install). Where the extension may not read a host, say so here and ask for it with
 * one click: the browser's own prompt, from this click.
 */
export function HostAccess() {
  const [missing, setMissing] = useState<NamedHost[]>([]);
  const check = async () => {
    const granted = await Promise.all(HOSTS.map((h) => browser.permissions.contains({ origins: [...h.matches] }).catch(() => true)));
    setMissing(HOSTS.filter((_, i) => !granted[i]));
  };
  useEffect(() => {
    void check();
  }, []);
  if (!missing.length) return null;
  const names = missing.map((h) => h.label);
  return (
    <p className="notice" role="alert" data-testid="host-permission">
      Referral window may not read {names.join(', ')}: the sidebar cannot show there.{' '}
      <button
        onClick={() =>
          void browser.permissions
            .request({ origins: missing.flatMap((h) => [...h.matches]) })
            .catch(() => false)
            .then(() => check())
        }
      >
        Allow access
      </button>
    </p>
  );
}
