import { DOMAIN_IDS, type DomainId } from '../schema/dva-c02';
import type { AttemptKind } from './attempt';
import type { AttemptResult, QuestionOutcome } from './scoreAttempt';

/**
 * What a finished attempt counts, by the rules a learner can check:
 * - the counted questions are every question of a practice session, or an exam's scored ones;
 * - `answered` means answered; `correct` is answered and right (unanswered is never right);
 * - a practice session is judged on what was answered: its per-domain share is right / answered,
 *   and it has no scaled score (skipped questions are not misses, "Finish now" marks nothing wrong);
 * - an exam is judged as DVA-C02 judges it: unanswered scored questions count as wrong in the
 *   per-domain share and the scaled score, but they are reported as unanswered, not as misses;
 * - only full and custom exams get a scaled score (a short exam is too small a sample for one).
 */
export interface AttemptSummary {
  total: number;
  answered: number;
  correct: number;
  scaled?: number;
  passed?: boolean;
  byDomain: Partial<Record<DomainId, number>>;
}

export function hasScaledScore(kind: AttemptKind): boolean {
  return kind === 'full' || kind === 'custom';
}

/** Per domain: how many counted questions were judged (exam: all scored; practice: answered) and the points won. */
export interface DomainTally {
  domain: DomainId;
  judged: number;
  correct: number;
  points: number;
}

export function domainTallies(result: AttemptResult, kind: AttemptKind): DomainTally[] {
  const exam = kind !== 'practice';
  return DOMAIN_IDS.map((domain) => {
    const mine = counted(result, kind).filter((o) => o.domain === domain);
    const judged = exam ? mine : mine.filter((o) => o.answered);
    return {
      domain,
      judged: judged.length,
      correct: judged.filter((o) => o.answered && o.correct).length,
      points: points(judged),
    };
  }).filter((t) => t.judged > 0);
}

function counted(result: AttemptResult, kind: AttemptKind): QuestionOutcome[] {
  return kind === 'practice' ? result.outcomes : result.outcomes.filter((o) => o.scored);
}

export function summarizeAttempt(result: AttemptResult, kind: AttemptKind): AttemptSummary {
  const byDomain: Partial<Record<DomainId, number>> = {};
  for (const t of domainTallies(result, kind)) byDomain[t.domain] = t.points / t.judged;
  const outcomes = counted(result, kind);
  return {
    total: outcomes.length,
    answered: outcomes.filter((o) => o.answered).length,
    correct: outcomes.filter((o) => o.answered && o.correct).length,
    ...(hasScaledScore(kind) ? { scaled: result.scaled, passed: result.passed } : {}),
    byDomain,
  };
}

function points(outcomes: readonly QuestionOutcome[]): number {
  return outcomes.reduce((sum, o) => sum + (o.answered ? o.credit : 0), 0);
}
