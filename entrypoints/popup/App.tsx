import { useState } from 'react';
import { AsksView } from './AsksView';
import { HostAccess } from './HostAccess';
import { QueueView } from './QueueView';
import { KpisView } from './KpisView';
import { PageView } from './PageView';
import './popup.css';

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
        <View />
      </section>
    </main>
  );
}
