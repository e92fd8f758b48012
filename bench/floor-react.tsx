/**
 * The bench's React floor (bench/run.mjs, "Floor: the same page drawing its line with React"):
 * an extension page that loads React and ReactDOM and draws one line, no data. What any React
 * popup costs before it does anything of its own. Never shipped.
 */
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Line() {
  useEffect(() => {
    performance.mark('first-content');
  }, []);
  return <p>Floor</p>;
}

createRoot(document.body.appendChild(document.createElement('div'))).render(<Line />);
