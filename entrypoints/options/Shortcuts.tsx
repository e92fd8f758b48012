import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** Where the browser lets users set an extension's shortcuts (it cannot be opened from a page). */
const WHERE = import.meta.env.FIREFOX ? 'about:addons → ⚙ → Manage Extension Shortcuts' : 'chrome://extensions/shortcuts';

/**
 * The keyboard shortcuts as the browser registered them: a suggested key the browser refused (one
 * it reserves, or one another extension holds) shows as not set, with where to set it (issue 18).
 */
export function Shortcuts() {
  const [commands, setCommands] = useState<Array<{ name?: string; description?: string; shortcut?: string }>>([]);
  useEffect(() => {
    void browser.commands.getAll().then((all) => setCommands(all.filter((c) => c.name !== '_execute_action' && c.description)));
  }, []);
  const unset = commands.some((c) => !c.shortcut);
  return (
    <section className="card" aria-labelledby="shortcuts-title" data-testid="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <ul>
        {commands.map((c) => (
          <li key={c.name}>
            {c.description}: {c.shortcut ? <kbd>{c.shortcut}</kbd> : <strong>not set</strong>}
          </li>
        ))}
      </ul>
      <p className={unset ? 'warn' : 'muted'}>
        {unset ? 'A shortcut is not set (the browser keeps that key for itself, or another extension has it): ' : 'Change them at '}
        <code>{WHERE}</code>.
      </p>
    </section>
  );
}
