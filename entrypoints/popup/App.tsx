import { lazy, Suspense, useState } from 'react';
import { AsksView } from './AsksView';
import { HostAccess } from './HostAccess';
import './popup.css';

// The popup opens on its asks: the other views (and what only they need, such as the contact
// form's validation) load when their tab is first chosen (issue 16).
const QueueView = lazy(() => import('./QueueView').then((m) => ({ default: m.QueueView })));
const KpisView = lazy(() => import('./KpisView').then((m) => ({ default: m.KpisView })));
const PageView = lazy(() => import('./PageView').then((m) => ({ default: m.PageView })));

const TABS = [
  { id: 'asks', label: 'Pending asks', view: AsksView },
  { id: 'queue', label: 'Who to ask', view: QueueView },
  { id: 'kpis', label: 'Numbers', view: KpisView },
  { id: 'page', label: 'This page', view: PageView },
] as const;

export function App() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('asks');
  const View = TABS.find((t) => t.id === tab)!.view;
  return (
    <main className="popup">
      <h1>Referral asks</h1>
      <HostAccess />
      <div role="tablist" aria-label="Views">
        {TABS.map((t) => (
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
