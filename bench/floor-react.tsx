/**
 * The bench's React floor (bench/run.mjs, "Floor: the same page drawing its line with React"):
 * an extension page that loads React and ReactDOM and draws one line, no data. What any React
 * popup costs before it does anything of its own. Never shipped. Drawn as the popup draws its
 * first screen: at once, in the task that mounts it (`flushSync`), not in a later scheduled one.
 */
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

function Line() {
  useEffect(() => {
    performance.mark('first-content');
  }, []);
  return <p>Floor</p>;
}

const root = createRoot(document.body.appendChild(document.createElement('div')));
flushSync(() => root.render(<Line />));
