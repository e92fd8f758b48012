import type { Satisfaction } from '@/lib/engine';

export function SatisfactionReasons({ satisfaction }: { satisfaction: Satisfaction }) {
  const { score, confidence, reasons, base } = satisfaction;
  // The arithmetic whole (issue 33): the base, each reason's points, the cap or floor, the score.
  const raw = base + reasons.reduce((sum, r) => sum + r.contribution, 0);
  const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '±0' : `${n}`);
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
          {score !== null && (
            <li data-testid="score-base">
              <span>Every client starts at</span>
              <span className="points">{base}</span>
            </li>
          )}
          {reasons.map((r, i) => (
            <li key={i} className={r.contribution > 0 ? 'up' : r.contribution < 0 ? 'down' : ''}>
              <span>{r.label}</span>
              <span className="points">{signed(r.contribution)}</span>
            </li>
          ))}
          {score !== null && Math.round(raw) !== score && (
            <li data-testid="score-cap">
              <span>{raw > 100 ? `Capped at 100 (${Math.round(raw)} before)` : `Kept at 0 (${Math.round(raw)} before)`}</span>
              <span className="points">{signed(score - Math.round(raw))}</span>
            </li>
          )}
          {score !== null && (
            <li data-testid="score-total" className="total">
              <span>Score</span>
              <span className="points">{score}</span>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
