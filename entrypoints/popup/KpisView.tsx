import { format, parseISO, subDays } from 'date-fns';
import { download } from '@/components/download';
import { toDay } from '@/lib/day';
import { useEffect, useState } from 'react';
import type { Kpis } from '@/lib/asks/kpis';
import { request } from '@/lib/messaging/client';
import type { KpiReport } from '@/lib/asks/kpis';

const PERIODS = [
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: '90', label: 'Last 90 days', days: 90 },
  { id: '365', label: 'Last 12 months', days: 365 },
  { id: 'all', label: 'All time', days: undefined },
] as const;

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const days = (d: number | null) => (d === null ? '—' : `${Math.round(d)} days`);
const hours = (h: number | null) => (h === null ? '—' : h < 48 ? `${Math.round(h)} h` : `${Math.round(h / 24)} days`);

/** Is the referral program working? Asks, replies, OKs, intros, conversions over a period. */
export function KpisView() {
  const [period, setPeriod] = useState<(typeof PERIODS)[number]['id']>('90');
  const [report, setReport] = useState<KpiReport>();
  const [error, setError] = useState('');
  useEffect(() => {
    const days = PERIODS.find((p) => p.id === period)!.days;
    request('kpis', days ? { from: subDays(new Date(), days).toISOString() } : {})
      .then(setReport)
      .catch((e: Error) => setError(e.message));
  }, [period]);

  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!report) return <p className="muted">Loading…</p>;
  const k = report.overall;
  return (
    <>
      <label>
        Period{' '}
        <select value={period} onChange={(e) => setPeriod(e.target.value as typeof period)} aria-label="Period">
          {PERIODS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <dl className="kpis" data-testid="kpis">
        <div>
          <dt>Asks sent</dt>
          <dd data-kpi="sent">{k.sent}</dd>
        </div>
        <div>
          <dt>Reply rate</dt>
          <dd data-kpi="reply-rate">{pct(k.replyRate)}</dd>
        </div>
        <div>
          <dt>"OK" rate</dt>
          <dd data-kpi="ok-rate">{pct(k.okRate)}</dd>
        </div>
        <div>
          <dt>Intros</dt>
          <dd data-kpi="introduced">{k.introduced}</dd>
        </div>
        <div>
          <dt>Conversions</dt>
          <dd data-kpi="converted">{k.converted}</dd>
        </div>
        <div>
          <dt>Conversion rate</dt>
          <dd data-kpi="conversion-rate">{pct(k.conversionRate)}</dd>
        </div>
        <div>
          <dt>Median time to reply</dt>
          <dd data-kpi="median-reply">{hours(k.medianHoursToReply)}</dd>
        </div>
        <div>
          <dt>Median days, ask to intro</dt>
          <dd data-kpi="days-to-intro">{days(k.medianDaysAskToIntro)}</dd>
        </div>
        <div>
          <dt>Median days, intro to customer</dt>
          <dd data-kpi="days-to-customer">{days(k.medianDaysIntroToCustomer)}</dd>
        </div>
        <div>
          <dt>Rewards owed / given</dt>
          <dd data-kpi="rewards">
            {k.rewardsOwed} / {k.rewardsGiven}
          </dd>
        </div>
      </dl>
      <Funnel kpis={k} label="Referral funnel" />
      <ByMonth rows={report.byMonth} />
      <Breakdown title="By segment" rows={report.bySegment} />
      <Breakdown title="By template" rows={report.byTemplate} />
      <p>
        <button onClick={() => void request('asks/referrals-csv', {}).then((csv) => download(`referrals-${toDay()}.csv`, 'text/csv', csv))}>
          Download the referrals (CSV, for your CRM)
        </button>
      </p>
    </>
  );
}

/** Month by month: is the programme picking up? */
function ByMonth({ rows }: { rows: Array<{ key: string; kpis: Kpis }> }) {
  if (rows.length === 0) return null;
  return (
    <table data-testid="kpis-by-month">
      <caption>By month</caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Asks sent</th>
          <th scope="col">"OK" rate</th>
          <th scope="col">Intros</th>
          <th scope="col">Conversions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, kpis }) => (
          <tr key={key}>
            <th scope="row">{format(parseISO(`${key}-01`), 'MMM yyyy')}</th>
            <td>{kpis.sent}</td>
            <td>{pct(kpis.okRate)}</td>
            <td>{kpis.introduced}</td>
            <td>{kpis.converted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Asked, sent, replied, OK, introduced, converted: one bar each, as a share of the asks. */
function Funnel({ kpis, label }: { kpis: Kpis; label: string }) {
  const steps: Array<[string, number]> = [
    ['Asked', kpis.asks],
    ['Sent', kpis.sent],
    ['Replied', kpis.replied],
    ['Said OK', kpis.accepted],
    ['Introduced', kpis.introduced],
    ['Converted', kpis.converted],
  ];
  const max = Math.max(1, kpis.asks);
  return (
    <figure className="funnel" aria-label={label} data-testid="funnel">
      {steps.map(([step, n]) => (
        <div key={step} className="step">
          <span className="label">{step}</span>
          <span className="bar" style={{ width: `${(n / max) * 100}%` }} />
          <span className="n">{n}</span>
        </div>
      ))}
    </figure>
  );
}

/** The same funnel for each segment or template, so the groups compare step by step. */
function Breakdown({ title, rows }: { title: string; rows: Array<{ key: string; kpis: Kpis }> }) {
  if (rows.length === 0) return null;
  return (
    <section className="breakdown" aria-label={title}>
      <h2>{title}</h2>
      {rows.map(({ key, kpis }) => (
        <div key={key} className="group" data-testid="funnel-group" data-group={key}>
          <h3>
            {key}{' '}
            <span className="muted">
              · {pct(kpis.okRate)} OK, {pct(kpis.conversionRate)} converted
            </span>
          </h3>
          <Funnel kpis={kpis} label={`${title}: ${key}`} />
        </div>
      ))}
    </section>
  );
}
