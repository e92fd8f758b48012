import type { ReactNode } from 'react';
import type { SidebarView } from '@/lib/views';
import { ContactPanel, ManualContact } from './ContactPanel';
import { useUnobstructed } from './use-unobstructed';

/**
 * What the sidebar shows for a tab: the contact with its verdict, or manual entry. One component
 * for the sidebar in the page and the browser's side panel (issue 20); the side panel names the
 * tab it shows (`tabId`), the in-page sidebar acts on its own.
 */
export function SidebarBody({ view, tabId, actions, waiting }: { view: SidebarView; tabId?: number; actions?: ReactNode; waiting: string }) {
  // Tracked here, where it lasts whatever the panel below shows.
  const unobstructed = useUnobstructed(() => document.documentElement);
  return (
    <main className="panel">
      <header className="bar">
        <h1>Referral window</h1>
        {actions && <span className="actions">{actions}</span>}
      </header>
      {(view.state === 'waiting' || view.state === 'not-ours') && <p className="muted">{waiting}</p>}
      {view.state === 'no-contact' && <ManualContact message={view.message} page={view.page} tabId={tabId} />}
      {view.state === 'contact' && <ContactPanel view={view} tabId={tabId} unobstructed={unobstructed} />}
    </main>
  );
}
