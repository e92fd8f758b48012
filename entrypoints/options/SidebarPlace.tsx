import { useEffect, useState } from 'react';
import { hostNames } from '@/lib/hosts/registry';
import type { HostFamily, Places, SidebarPlace } from '@/lib/sidebar-place';
import { getPref, PLACES, setPref } from '@/lib/prefs';

const CHOICES: Record<SidebarPlace, string> = { page: 'In the page', panel: "In the browser's side panel" };

/**
 * Where the sidebar shows, per kind of site (issue 20): docked in the page (the page narrows to make
 * room) or in the browser's own side panel (the page keeps its whole width; the toolbar button and
 * the shortcut open the panel). CRM sites you added have only the side panel.
 */
export function SidebarPlaceSettings() {
  const [places, setPlaces] = useState<Places>();
  useEffect(() => {
    void getPref(PLACES).then(setPlaces);
  }, []);
  if (!places) return null;
  const choose = (family: HostFamily, place: SidebarPlace) => {
    const next = { ...places, [family]: place };
    setPlaces(next);
    void setPref(PLACES, next);
  };
  return (
    <section className="card" aria-labelledby="place-title" data-testid="sidebar-place">
      <h2 id="place-title">Where the sidebar shows</h2>
      {(['mail', 'crm'] as const).map((family) => (
        <div className="field" key={family}>
          <label htmlFor={`place-${family}`}>{hostNames(family)}</label>
          <select id={`place-${family}`} value={places[family]} onChange={(e) => choose(family, e.target.value as SidebarPlace)}>
            {(Object.keys(CHOICES) as SidebarPlace[]).map((p) => (
              <option key={p} value={p}>
                {CHOICES[p]}
              </option>
            ))}
          </select>
        </div>
      ))}
      <p className="muted">
        In the side panel the page keeps its whole width; the toolbar button and the show/hide shortcut open the panel on those sites. CRM sites you added
        always use the side panel.
      </p>
    </section>
  );
}
