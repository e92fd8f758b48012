/**
 * Benchmark baseline (not shipped): the same sidebar as a React tree mounted in the host page,
 * with the adapter and the engine on the host's main thread too: what the iframe design avoids.
 * Bundled by bench/run.mjs with esbuild; browser APIs are stubbed, the database is a fixed contact.
 */
import { createRoot } from 'react-dom/client';
import { ContactPanel } from '@/components/ContactPanel';
import { DEFAULT_SETTINGS } from '@/lib/engine/settings';
import { gmail } from '@/lib/hosts/gmail';
import { EMPTY_NEVER_ASK } from '@/lib/never-ask';
import { DEFAULT_TEMPLATES } from '@/lib/templates/defaults';
import { EMPTY_PROFILE } from '@/lib/templates/schema';
import { buildContactView } from '@/lib/views';

const source = { kind: 'manual' as const, observedAt: new Date().toISOString() };
const since = new Date(Date.now() - 120 * 86_400_000).toISOString().slice(0, 10);

function render(root: ReturnType<typeof createRoot>) {
  const page = gmail.read(document, location.href);
  const email = page.contact?.email ?? 'unknown@bench.example';
  const view = buildContactView({
    page,
    contact: {
      email,
      name: page.contact?.name ?? '',
      company: '',
      facts: { customerSince: { value: since, source }, nps: { value: { score: 9 }, source } },
      neverAsk: false,
      updatedAt: source.observedAt,
    },
    asks: [],
    templates: DEFAULT_TEMPLATES,
    profile: EMPTY_PROFILE,
    settings: DEFAULT_SETTINGS,
    neverAsk: EMPTY_NEVER_ASK,
    now: new Date(),
  });
  root.render(<ContactPanel view={view} unobstructed />);
}

const host = document.createElement('div');
Object.assign(host.style, { position: 'fixed', top: '0', right: '0', width: '360px', height: '100vh', overflow: 'auto', background: '#fff', zIndex: '10' });
document.body.append(host);
const root = createRoot(host);
render(root);
(window as unknown as { rerender: () => void }).rerender = () => render(root);
