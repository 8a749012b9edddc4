import type { Meter as MeterValue } from '../quiz/readiness';

/** A small labelled bar: "Lessons 1/2". Shown only when there is something to count. */
export function Meter({ label, value }: { label: string; value: MeterValue }) {
  if (value.total === 0) return null;
  const share = value.done / value.total;
  return (
    <span className="meter" title={`${label}: ${value.done} of ${value.total}`}>
      <span className="meter-label">
        {label}{' '}
        <span className="meter-count">
          {value.done}/{value.total}
        </span>
      </span>
      <span className="meter-track" aria-hidden="true">
        <span className={share >= 1 ? 'meter-fill is-done' : 'meter-fill'} style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}
