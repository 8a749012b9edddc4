import type { Prediction } from '../quiz/readiness';
import { DVA_C02 } from '../schema/dva-c02';

const { minScaled: LO, maxScaled: HI, passingScaled: PASS } = DVA_C02;
const at = (score: number) => `${((score - LO) / (HI - LO)) * 100}%`;

/**
 * The predicted scaled score on the 100–1,000 scale: the 90% range as a band, the estimate as a
 * marker, the 720 pass line. A picture for the eye; the numbers are in the text beside it.
 */
export function ScoreGauge({ prediction }: { prediction: Prediction }) {
  const { scaled, scaledLow, scaledHigh } = prediction;
  return (
    <div className="gauge" aria-hidden="true">
      <div className="gauge-track">
        <div
          className={scaledLow >= PASS ? 'gauge-band is-pass' : 'gauge-band'}
          style={{ left: at(scaledLow), width: `calc(${at(scaledHigh)} - ${at(scaledLow)})` }}
        />
        <div className="gauge-pass" style={{ left: at(PASS) }} />
        <div className={scaled >= PASS ? 'gauge-marker is-pass' : 'gauge-marker'} style={{ left: at(scaled) }} />
      </div>
      <div className="gauge-scale">
        <span style={{ left: '0%' }}>{LO}</span>
        <span style={{ left: at(PASS) }} className="gauge-scale-pass">
          {PASS} pass
        </span>
        <span style={{ left: '100%' }}>{HI.toLocaleString('en')}</span>
      </div>
    </div>
  );
}
