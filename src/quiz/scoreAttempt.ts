import { DOMAIN_IDS, type DomainId } from '../schema/dva-c02';
import { answerKey, type Question, type QuestionType } from '../schema/questionTypes';
import type { Attempt, AttemptMode } from './attempt';
import { isPass, scaledScore } from './scaledScore';

export type QuestionBank = ReadonlyMap<string, Question>;

export function indexQuestions(questions: readonly Question[]): QuestionBank {
  return new Map(questions.map((q) => [q.id, q]));
}

export interface QuestionOutcome {
  id: string;
  type: QuestionType;
  domain: DomainId;
  task: string;
  /** False for an exam's unscored questions: they count for nothing. */
  scored: boolean;
  answered: boolean;
  /** All-or-nothing: every choice right (and nothing else), or every step in place. */
  correct: boolean;
  /** 0..1. Equal to `correct` except ordering in practice, which earns the share of steps in place. */
  credit: number;
  answer: string[];
  key: string[];
  flagged: boolean;
  timeMs: number;
  answerTimeMs: number | null;
  changes: number;
}

export interface Tally {
  /** Questions fully correct. */
  correct: number;
  /** Sum of credits (equals `correct` in exam mode). */
  points: number;
  total: number;
  /** points / total, 0 when total is 0. */
  ratio: number;
}

export interface AttemptResult {
  attemptId: string;
  mode: AttemptMode;
  outcomes: QuestionOutcome[];
  /** Scored questions only. */
  raw: Tally;
  byDomain: Record<DomainId, Tally>;
  byTask: Record<string, Tally>;
  scaled: number;
  passed: boolean;
  /** Questions of the attempt no longer in the bank (deleted since): left out of every count. */
  missing: string[];
  durationMs: number;
}

/**
 * Scores an attempt the way DVA-C02 does: unanswered is wrong, no penalty for guessing, multiple
 * response all-or-nothing, unscored questions excluded. Ordering questions are all-or-nothing in
 * exam mode; practice gives partial credit so a learner sees progress on the rotation steps.
 */
export function scoreAttempt(attempt: Attempt, bank: QuestionBank): AttemptResult {
  const unscored = new Set(attempt.unscoredIds);
  const outcomes: QuestionOutcome[] = [];
  const missing: string[] = [];
  for (const item of attempt.questions) {
    const question = bank.get(item.id);
    if (!question) {
      missing.push(item.id);
      continue;
    }
    const entry = attempt.entries[item.id];
    const answer = entry?.answer ?? [];
    const key = answerKey(question);
    const correct = isCorrect(question.type, answer, key);
    outcomes.push({
      id: question.id,
      type: question.type,
      domain: question.domain,
      task: question.task,
      scored: !unscored.has(question.id),
      answered: answer.length > 0,
      correct,
      credit:
        question.type === 'ordering' && attempt.mode === 'practice' ? orderingCredit(answer, key) : correct ? 1 : 0,
      answer: [...answer],
      key,
      flagged: entry?.flagged ?? false,
      timeMs: entry?.timeMs ?? 0,
      answerTimeMs: entry?.answerTimeMs ?? null,
      changes: entry?.changes ?? 0,
    });
  }
  const scored = outcomes.filter((o) => o.scored);
  const raw = tally(scored);
  const byDomain = Object.fromEntries(
    DOMAIN_IDS.map((d) => [d, tally(scored.filter((o) => o.domain === d))]),
  ) as Record<DomainId, Tally>;
  const byTask: Record<string, Tally> = {};
  for (const task of [...new Set(scored.map((o) => o.task))].sort())
    byTask[task] = tally(scored.filter((o) => o.task === task));
  const scaled = scaledScore(raw.points, raw.total);
  const end = attempt.submittedAt ?? attempt.viewStartedAt;
  return {
    attemptId: attempt.id,
    mode: attempt.mode,
    outcomes,
    raw,
    byDomain,
    byTask,
    scaled,
    passed: isPass(scaled),
    missing,
    durationMs: Math.max(0, end - attempt.startedAt),
  };
}

function isCorrect(type: QuestionType, answer: readonly string[], key: readonly string[]): boolean {
  if (answer.length !== key.length) return false;
  return type === 'ordering' ? answer.every((id, i) => id === key[i]) : key.every((id) => answer.includes(id));
}

/** Share of steps in their right place; 0 when unanswered. */
function orderingCredit(answer: readonly string[], key: readonly string[]): number {
  if (answer.length !== key.length || key.length === 0) return 0;
  return answer.filter((id, i) => id === key[i]).length / key.length;
}

function tally(outcomes: readonly QuestionOutcome[]): Tally {
  const points = outcomes.reduce((sum, o) => sum + o.credit, 0);
  const total = outcomes.length;
  return { correct: outcomes.filter((o) => o.correct).length, points, total, ratio: total ? points / total : 0 };
}

/**
 * Ids of questions answered wrong, unscored ones too (the learner cannot tell them apart): the
 * "retake the misses" set. A question left unanswered is not a miss: it is unanswered.
 */
export function missedQuestionIds(result: AttemptResult): string[] {
  return result.outcomes.filter((o) => o.answered && !o.correct).map((o) => o.id);
}

/** Ids of questions left without an answer. */
export function unansweredQuestionIds(result: AttemptResult): string[] {
  return result.outcomes.filter((o) => !o.answered).map((o) => o.id);
}
