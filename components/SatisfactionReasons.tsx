import type { Satisfaction } from '@/lib/engine';

export function SatisfactionReasons({ satisfaction }: { satisfaction: Satisfaction }) {
  const { score, confidence, reasons } = satisfaction;
  return (
    <section className="card" data-testid="satisfaction" data-score={score ?? ''} aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">
        Satisfaction <span className="score">{score === null ? 'unknown' : `${score}/100`}</span>
        {score !== null && <span className="muted"> · {confidence} confidence</span>}
      </h2>
      {reasons.length === 0 ? (
        <p className="muted">No satisfaction signals yet: add NPS or CSAT, or open a thread with them.</p>
      ) : (
        <ul className="reasons">
          {reasons.map((r, i) => (
            <li key={i} className={r.contribution > 0 ? 'up' : r.contribution < 0 ? 'down' : ''}>
              <span>{r.label}</span>
              <span className="points">{r.contribution > 0 ? `+${r.contribution}` : r.contribution === 0 ? '±0' : r.contribution}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
