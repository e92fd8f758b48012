import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ContactPanel, ManualContact } from '@/components/ContactPanel';
import { request } from '@/lib/messaging/client';
import type { SidebarView } from '@/lib/views';
import { hostNames } from '@/lib/hosts/registry';

/**
 * The contact of the active tab, as the sidebar shows it. The only view on CRM sites the user
 * added (their pages get no sidebar iframe), and where the field picker starts.
 */
export function PageView() {
  const [tab, setTab] = useState<{ id: number; origin: string }>();
  const [view, setView] = useState<SidebarView>();
  const [custom, setCustom] = useState(false);
  const [message, setMessage] = useState('');

  const load = async (tabId: number) => setView(await request('tab/view', { tabId }));
  useEffect(() => {
    void (async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) return;
      const origin = active.url ? new URL(active.url).origin : '';
      setTab({ id: active.id, origin });
      setCustom((await request('custom-sites/list', {})).some((s) => s.origin === origin));
      await load(active.id);
    })();
  }, []);

  if (!tab || !view) return <p className="muted">Loading…</p>;
  return (
    <div className="page-view">
      {custom && (
        <p>
          <button
            data-testid="pick-fields"
            onClick={() =>
              request('picker/start', { tabId: tab.id })
                .then(() => {
                  setMessage('Now click each field on the page, in the order the blue bar asks.');
                  window.close();
                })
                .catch((e: Error) => setMessage(e.message))
            }
          >
            Pick fields on this page
          </button>{' '}
          <span className="muted">{message}</span>
        </p>
      )}
      {view.state === 'waiting' && (
        <p className="muted">This page is not one the extension reads. {hostNames()} work as they are; add another CRM in the settings.</p>
      )}
      {view.state === 'no-contact' && <ManualContact message={view.message} page={view.page} tabId={tab.id} onChanged={() => void load(tab.id)} />}
      {view.state === 'contact' && <ContactPanel view={view} tabId={tab.id} onChanged={() => void load(tab.id)} unobstructed />}
    </div>
  );
}
