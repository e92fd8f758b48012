import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SidebarBody } from '@/components/SidebarBody';
import { COLLAPSED, setPref, watchPref } from '@/lib/prefs';
import { familyOf } from '@/lib/sidebar-place';
import { hasSidePanel, moveToSidePanel } from './side-panel';
import { useSidebarView } from './use-sidebar-view';

export function App() {
  const [collapsed, setCollapsed] = useCollapsed();
  const view = useSidebarView();
  const ownTab = useOwnTab();

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

  const family = view.state === 'contact' || view.state === 'no-contact' ? familyOf(view.page.host) : undefined;
  return (
    <SidebarBody
      view={view}
      waiting="Reading the page…"
      actions={
        <>
          {family && hasSidePanel() && (
            <button
              className="icon"
              data-testid="move-to-panel"
              onClick={() => void moveToSidePanel(family, ownTab)}
              aria-label="Show the sidebar in the browser's side panel instead"
              title="Show in the browser's side panel (the page keeps its whole width)"
            >
              ⇥
            </button>
          )}
          <button className="icon" onClick={() => setCollapsed(true)} aria-label="Collapse the sidebar" title="Collapse">
            ⟩
          </button>
        </>
      }
    />
  );
}

/** The tab this sidebar is in, known before a click needs it (opening the side panel cannot wait). */
function useOwnTab(): number | undefined {
  const [tabId, setTabId] = useState<number>();
  useEffect(() => {
    // Firefox gives an extension frame inside a web page no tabs API (its sidebar opens without a tab).
    void browser.tabs
      ?.getCurrent?.()
      ?.then((tab) => setTabId(tab?.id))
      .catch(() => undefined);
  }, []);
  return tabId;
}

function useCollapsed(): [boolean, (next: boolean) => void] {
  const [collapsed, setState] = useState(false);
  useEffect(() => {
    // The shortcut, or the sidebar of another tab, changes the stored flag: follow it, as the frame does (issue 13).
    const life = new AbortController();
    watchPref(COLLAPSED, setState, life.signal);
    return () => life.abort();
  }, []);
  return [
    collapsed,
    (next) => {
      setState(next);
      void setPref(COLLAPSED, next);
    },
  ];
}
