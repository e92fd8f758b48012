/**
 * Benchmark case 6: the timing engine over 10,000 contacts, bundled as the extension bundles it
 * (bench/run.mjs builds this file with Vite and runs it in Node, reading the JSON it prints).
 *
 * - The queue's path: `buildQueue` over stored contacts, one in ten with a stored thread (its
 *   messages' tones kept with them, as the sidebar stores them), everything the popup's queue
 *   does per contact.
 * - The sidebar's path: `evaluate` with the thread read from the page (its tone scored from the
 *   text) and the send-time advice.
 */
import { evaluate } from '../lib/engine';
import { buildQueue } from '../lib/engine/queue';
import { DEFAULT_SETTINGS } from '../lib/engine/settings';
import { storedTone } from '../lib/engine/tone';
import type { Contact } from '../lib/model';

const now = new Date();
const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);
const source = { kind: 'import' as const, observedAt: now.toISOString() };
const messages = [
  { date: new Date(now.getTime() - 3 * 86_400_000).toISOString(), text: 'It works now, thanks a lot! We hit our target.' },
  { date: new Date(now.getTime() - 9 * 86_400_000).toISOString(), text: 'The export is still broken, please have a look.' },
];
const contacts: Contact[] = Array.from({ length: 10_000 }, (_, i) => ({
  email: `c${i}@bench${i % 97}.example`,
  name: `Client ${i}`,
  company: `Bench ${i % 97}`,
  facts: {
    customerSince: { value: day(20 + (i % 400)), source },
    nps: { value: { score: i % 11, answeredOn: day(i % 200) }, source },
    ...(i % 3 === 0 ? { csat: { value: 60 + (i % 40), source } } : {}),
    ...(i % 5 === 0 ? { openTickets: { value: i % 2, source } } : {}),
    spend90d: { value: (i * 37) % 1500, source },
    ...(i % 4 === 0 ? { timeZone: { value: 'Europe/Paris', source } } : {}),
  },
  ...(i % 10 === 0 ? { recentMessages: messages.map((m) => ({ mine: false, ...m, tone: storedTone(m.text) })) } : {}),
  neverAsk: false,
  updatedAt: source.observedAt,
}));
const neverAsk = { emails: [], domains: [] };

/**
 * Passes over every contact: the first (a fresh process, the JIT still compiling: a worker just
 * started), then the median of five once warm (ten passes first), the engine's own cost.
 */
function passes(pass: () => number): { medianMs: number; firstMs: number; result: number } {
  const time = () => {
    const t0 = performance.now();
    result = pass();
    return performance.now() - t0;
  };
  let result = 0;
  const firstMs = time();
  for (let r = 0; r < 10; r++) time();
  const runs = Array.from({ length: 5 }, time).sort((a, b) => a - b);
  return { medianMs: runs[2]!, firstMs, result };
}

const queue = passes(() => buildQueue(contacts, new Map(), neverAsk, DEFAULT_SETTINGS, now).length);
const sidebar = passes(() => {
  let advised = 0;
  for (const [i, contact] of contacts.entries()) {
    const clientMessages = i % 10 === 0 ? messages.map((m) => ({ from: contact.email, ...m })) : [];
    advised += evaluate({ contact, clientMessages, now, settings: DEFAULT_SETTINGS }).sendTime ? 1 : 0;
  }
  return advised;
});
console.log(
  JSON.stringify({ contacts: contacts.length, queued: queue.result, medianMs: queue.medianMs, firstMs: queue.firstMs, withSendTimeMs: sidebar.medianMs }),
);
