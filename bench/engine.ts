/**
 * Benchmark case 6: scoring 10,000 contacts with the timing engine (run by vite-node from
 * bench/run.mjs, which reads the JSON it prints).
 */
import { evaluate } from '../lib/engine';
import { DEFAULT_SETTINGS } from '../lib/engine/settings';
import type { Contact } from '../lib/model';

const now = new Date();
const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
const source = { kind: 'import' as const, observedAt: now.toISOString() };
const contacts: Contact[] = Array.from({ length: 10_000 }, (_, i) => ({
  email: `c${i}@bench.example`,
  name: `Client ${i}`,
  company: 'Bench',
  facts: {
    customerSince: { value: day(20 + (i % 400)), source },
    nps: { value: { score: i % 11, answeredOn: day(i % 200) }, source },
    ...(i % 3 === 0 ? { csat: { value: 60 + (i % 40), source } } : {}),
    ...(i % 5 === 0 ? { openTickets: { value: i % 2, source } } : {}),
    spend90d: { value: (i * 37) % 1500, source },
    ...(i % 4 === 0 ? { timeZone: { value: 'Europe/Paris', source } } : {}),
  },
  neverAsk: false,
  updatedAt: source.observedAt,
}));
const messages = [
  { from: 'x', date: new Date(now.getTime() - 3 * 86_400_000).toISOString(), text: 'It works now, thanks a lot! We hit our target.' },
  { from: 'x', date: new Date(now.getTime() - 9 * 86_400_000).toISOString(), text: 'The export is still broken, please have a look.' },
];

/** Median of 5 passes over every contact: the queue's way (no send time), or the sidebar's (with it). */
function time(withoutSendTime: boolean): { medianMs: number; verdicts: number } {
  const runs: number[] = [];
  let verdicts = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const [i, contact] of contacts.entries()) {
      verdicts += evaluate({ contact, clientMessages: i % 10 === 0 ? messages : [], now, settings: DEFAULT_SETTINGS, withoutSendTime }).verdict.kind ? 1 : 0;
    }
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { medianMs: runs[2]!, verdicts };
}
const queue = time(true);
const sidebar = time(false);
console.log(JSON.stringify({ contacts: contacts.length, medianMs: queue.medianMs, withSendTimeMs: sidebar.medianMs }));
