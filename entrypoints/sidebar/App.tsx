import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ContactPanel, ManualContact } from '@/components/ContactPanel';
import { COLLAPSED_KEY } from '@/lib/messaging/channels';
import { useSidebarView } from './use-sidebar-view';

export function App() {
  const [collapsed, setCollapsed] = useCollapsed();
  const view = useSidebarView();

  if (window.top === window || view.state === 'not-ours') {
    return <p className="panel">This panel opens beside Gmail and your CRM. Open one of them to use it.</p>;
  }

  if (collapsed) {
    return (
      <button className="expand" onClick={() => setCollapsed(false)} aria-label="Open the referral sidebar" title="Open the referral sidebar">
        ⟨ Referral
      </button>
    );
  }

  return (
    <main className="panel">
      <header className="bar">
        <h1>Referral window</h1>
        <button className="icon" onClick={() => setCollapsed(true)} aria-label="Collapse the sidebar" title="Collapse">
          ⟩
        </button>
      </header>
      {view.state === 'waiting' && <p className="muted">Reading the page…</p>}
      {view.state === 'no-contact' && <ManualContact message={view.message} page={view.page} />}
      {view.state === 'contact' && <ContactPanel view={view} />}
    </main>
  );
}

function useCollapsed(): [boolean, (next: boolean) => void] {
  const [collapsed, setState] = useState(false);
  useEffect(() => {
    void browser.storage.local.get(COLLAPSED_KEY).then((s) => setState(s[COLLAPSED_KEY] === true));
    // The shortcut, or the sidebar of another tab, changes the stored flag: follow it, as the frame does (issue 13).
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && COLLAPSED_KEY in changes) setState(changes[COLLAPSED_KEY]!.newValue === true);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return [
    collapsed,
    (next) => {
      setState(next);
      void browser.storage.local.set({ [COLLAPSED_KEY]: next });
    },
  ];
}
