import { lazy, Suspense, useState, type ComponentType } from 'react';
import { AsksView } from './AsksView';
import { HostAccess } from './HostAccess';
import { POPUP_TABS, type PopupTab } from '@/lib/messaging/popup-views';
import './popup.css';

// The popup opens on its asks: the other views (and what only they need, such as the contact
// form's validation) load when their tab is first chosen (issue 16).
const QueueView = lazy(() => import('./QueueView').then((m) => ({ default: m.QueueView })));
const KpisView = lazy(() => import('./KpisView').then((m) => ({ default: m.KpisView })));
const PageView = lazy(() => import('./PageView').then((m) => ({ default: m.PageView })));
// Only when a CRM is connected (issue 34): loaded after the first view, never in its way.
const CrmOutboxView = lazy(() => import('./CrmOutboxView').then((m) => ({ default: m.CrmOutboxView })));

/** Each tab's view; the tabs themselves (labels, first requests) are declared in lib/messaging/popup-views.ts. */
const VIEWS: Record<PopupTab, ComponentType> = { asks: AsksView, queue: QueueView, kpis: KpisView, page: PageView };

export function App() {
  const [tab, setTab] = useState<PopupTab>('asks');
  const View = VIEWS[tab];
  return (
    <main className="popup">
      <h1>Referral asks</h1>
      <HostAccess />
      <Suspense fallback={null}>
        <CrmOutboxView />
      </Suspense>
      <div role="tablist" aria-label="Views">
        {POPUP_TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="view"
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section id="view" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <View />
        </Suspense>
      </section>
    </main>
  );
}
