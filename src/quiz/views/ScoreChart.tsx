import { DVA_C02 } from '../../schema/dva-c02';
import type { AttemptRecord } from '../../store/quiz';
import { formatDay } from './format';

const W = 640;
const H = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 30 };

/** A finished exam that has a scaled score (full and custom exams). */
export type ScoredRecord = AttemptRecord & { scaled: number };

export function scoredExams(records: readonly AttemptRecord[]): ScoredRecord[] {
  return records.filter((r): r is ScoredRecord => r.mode === 'exam' && r.scaled !== undefined);
}

/**
 * Scaled scores of full and custom exams over time as an inline SVG, the 720 pass line dashed.
 * Practice and short exams have no scaled score and are not drawn. Exams are spaced evenly (by
 * order, not by date) so a busy day stays readable.
 */
export function ScoreChart({ records }: { records: readonly ScoredRecord[] }) {
  const { minScaled: lo, maxScaled: hi, passingScaled } = DVA_C02;
  const x = (i: number) =>
    records.length <= 1
      ? (PAD.left + W - PAD.right) / 2
      : PAD.left + (i * (W - PAD.left - PAD.right)) / (records.length - 1);
  const y = (score: number) => PAD.top + ((hi - score) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const points = records.map((r, i) => ({ r, cx: x(i), cy: y(r.scaled) }));
  const latest = records.at(-1);
  const best = records.reduce<number>((m, r) => Math.max(m, r.scaled), lo);
  const summary = latest
    ? `Scaled scores of ${records.length} exam${records.length === 1 ? '' : 's'}: latest ${latest.scaled}, best ${best}; ${passingScaled} passes.`
    : 'No scored exams yet.';
  const ticks = [lo, 400, passingScaled, hi];
  const labelEvery = Math.max(1, Math.ceil(records.length / 6));

  return (
    <figure className="quiz-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(t)}
              y2={y(t)}
              className={t === passingScaled ? 'quiz-chart-pass' : 'quiz-chart-grid'}
            />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" className="quiz-chart-axis">
              {t}
            </text>
          </g>
        ))}
        {points.length > 1 && (
          <polyline className="quiz-chart-line" points={points.map((p) => `${p.cx},${p.cy}`).join(' ')} />
        )}
        {points.map((p, i) => (
          <g key={p.r.id}>
            <circle cx={p.cx} cy={p.cy} r={5} className="quiz-chart-exam">
              <title>{`${p.r.label}: ${p.r.scaled} (${formatDay(p.r.submittedAt)})`}</title>
            </circle>
            {i % labelEvery === 0 && (
              <text x={p.cx} y={H - 8} textAnchor={anchorOf(i, records.length)} className="quiz-chart-axis">
                {formatDay(p.r.submittedAt)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="quiz-chart-legend">
        <span>
          <span className="quiz-swatch is-exam" aria-hidden="true" /> Full and custom exams
        </span>
        <span>
          <span className="quiz-swatch is-pass" aria-hidden="true" /> Pass line ({passingScaled})
        </span>
      </figcaption>
    </figure>
  );
}

/** Labels at the chart's edges grow inwards, so none is clipped. */
function anchorOf(i: number, count: number): 'start' | 'middle' | 'end' {
  if (count <= 1) return 'middle';
  return i === 0 ? 'start' : i === count - 1 ? 'end' : 'middle';
}
