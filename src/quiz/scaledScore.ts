import { DVA_C02 } from '../schema/dva-c02';

/**
 * Raw → scaled score, 100–1000, pass at 720.
 *
 * AWS does not publish how DVA-C02 raw results become scaled scores (it equates exam forms of
 * different difficulty). Ours is a stated assumption: piecewise linear through three points,
 * 0% → 100, 72% → 720, 100% → 1000. So the pass line sits at 72% of the scored questions, each 1%
 * below it is worth about 8.6 points and each 1% above it 10 points. Rounded down, so a score of
 * 720 always means at least 72% raw.
 */
export const PASS_RATIO = 0.72;

export const SCALED_SCORE_EXPLANATION =
  'AWS reports DVA-C02 results as a scaled score from 100 to 1,000; 720 passes. AWS does not publish how ' +
  'raw results are scaled (it adjusts for the difficulty of each exam form), so this app uses its own ' +
  'stated mapping: a straight line from 0% correct (100) to 72% correct (720), and another from 72% (720) ' +
  'to 100% (1,000). Only scored questions count; unanswered questions count as wrong; a ' +
  'multiple-response question counts only when every choice is right. Treat the number as a guide, ' +
  'not a prediction of your exam result.';

/**
 * `points` correct out of `total` scored questions → the scaled score. Integer arithmetic in
 * hundredths keeps 36/50 at exactly 720.
 */
export function scaledScore(points: number, total: number): number {
  const { minScaled, maxScaled, passingScaled } = DVA_C02;
  if (total <= 0) return minScaled;
  const p = Math.min(Math.max(points, 0), total);
  const percent = p * 100; // compared with 72 * total
  const line = 72 * total;
  if (percent <= line) return minScaled + Math.floor(((passingScaled - minScaled) * percent) / line);
  return passingScaled + Math.floor(((maxScaled - passingScaled) * (percent - line)) / (28 * total));
}

export function isPass(scaled: number): boolean {
  return scaled >= DVA_C02.passingScaled;
}
