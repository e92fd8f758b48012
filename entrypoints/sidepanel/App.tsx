import { SidebarBody } from '@/components/SidebarBody';
import { browser } from 'wxt/browser';
import { usePanelView } from './use-panel-view';

/**
 * The browser's side panel (issue 20): the same sidebar, for the tab beside it. It follows the
 * window's active tab as the user switches, or stays with one tab when opened for it (`?tab=`).
 */
export function App() {
  const { tabId, view } = usePanelView();
  return (
    <SidebarBody
      view={view}
      tabId={tabId}
      waiting="Nothing to read on this tab. Open a client's email in Gmail or Outlook, or a record in your CRM."
      actions={
        // The popup's views in a tab of their own (TabLink opens web pages only; this is our page).
        <button className="link" data-testid="open-asks" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') })}>
          Asks and queue
        </button>
      }
    />
  );
}
