import { bank, bankIndex } from '../../course/questions';
import type { Question } from '../../schema/questionTypes';
import { type ActiveAttempt, type AttemptRecord, DETAILED_ATTEMPTS, MAX_ATTEMPTS } from '../../store/quiz';
import { useAppStore } from '../../store/store';
import { type Attempt, type AttemptMode, createAttempt } from '../attempt';
import { drawBlueprint, EXAM_BLUEPRINT } from '../drawBlueprint';
import { restoreAttempt } from '../persistAttempt';
import { type AttemptEvent, reduceAttempt } from '../reduceAttempt';
import { gradeAnswer, reviewCard } from '../reviewSchedule';
import { recordAttempt } from '../reviewSession';
import { type AttemptResult, missedQuestionIds, type QuestionOutcome, scoreAttempt } from '../scoreAttempt';
import { selectQuestions } from '../selectQuestions';

/**
 * The quiz's actions: the one place where the views meet the engine and the store, and the one
 * place that reads the clock (`Date.now()`); the engine itself stays pure.
 */

type Event = AttemptEvent extends infer E ? (E extends AttemptEvent ? Omit<E, 'at'> : never) : never;

function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function setActive(mode: AttemptMode, active: ActiveAttempt | undefined): void {
  useAppStore.setState((s) => {
    const quizActive = { ...s.quizActive };
    if (active) quizActive[mode] = active;
    else delete quizActive[mode];
    return { quizActive };
  });
}

/** Starts a practice session over these questions (replacing any practice in progress). */
export function startPractice(label: string, questions: readonly Question[], keepOrder = false): boolean {
  if (questions.length === 0) return false;
  const now = Date.now();
  const attempt = createAttempt({
    id: newId('practice'),
    mode: 'practice',
    questions,
    seed: newId('seed'),
    now,
    keepOrder,
  });
  setActive('practice', { label, attempt });
  return true;
}

/** Draws a timed exam by the DVA-C02 blueprint. `minutes` overrides the clock (tests, short drills). */
export function startExam(minutes?: number): Attempt {
  const now = Date.now();
  const seed = newId('seed');
  const draw = drawBlueprint(bank, EXAM_BLUEPRINT, seed);
  const attempt = createAttempt({
    id: newId('exam'),
    mode: 'exam',
    questions: draw.questions,
    seed,
    now,
    timeLimitMs: minutes && minutes > 0 ? Math.round(minutes * 60_000) : draw.timeLimitMs,
    unscoredIds: draw.unscoredIds,
  });
  setActive('exam', { label: 'Timed exam', attempt });
  return attempt;
}

/** What an action did: the attempt after it, and the results id once it is submitted and recorded. */
export interface Outcome {
  attempt?: Attempt;
  finishedId?: string;
  error?: string;
}

/** Applies one learner (or clock) event to the attempt in progress, at the current time. */
export function act(mode: AttemptMode, event: Event): Outcome {
  const active = useAppStore.getState().quizActive[mode];
  if (!active) return {};
  const now = Date.now();
  const next = reduceAttempt(active.attempt, { ...event, at: now } as AttemptEvent);
  if (next === active.attempt) return { attempt: next };
  setActive(mode, { ...active, attempt: next });
  if (next.status === 'submitted') return { attempt: next, finishedId: finish(mode) };
  if (event.type === 'check') {
    const outcome = scoreAttempt(next, bankIndex).outcomes.find((o) => o.id === event.questionId);
    if (outcome) learn([outcome], now);
  }
  return { attempt: next };
}

/**
 * Brings the attempt in progress back after a reload or a visit elsewhere: the exam clock kept
 * running (wall time), the time away is not charged to a question, and an exam whose time ran out
 * meanwhile is submitted at its deadline.
 */
export function resume(mode: AttemptMode): Outcome {
  const active = useAppStore.getState().quizActive[mode];
  if (!active) return {};
  const restored = restoreAttempt(active.attempt, Date.now());
  if (!restored.ok) {
    setActive(mode, undefined);
    return { error: restored.error };
  }
  setActive(mode, { ...active, attempt: restored.attempt });
  if (restored.attempt.status === 'submitted') return { attempt: restored.attempt, finishedId: finish(mode) };
  return { attempt: restored.attempt };
}

/** Leaves the attempt in progress without recording it. */
export function abandon(mode: AttemptMode): void {
  setActive(mode, undefined);
}

/** Submits (if needed), scores and records the attempt in progress; returns its results id. */
export function finish(mode: AttemptMode): string | undefined {
  const active = useAppStore.getState().quizActive[mode];
  if (!active) return undefined;
  const now = Date.now();
  const attempt =
    active.attempt.status === 'submitted' ? active.attempt : reduceAttempt(active.attempt, { type: 'submit', at: now });
  const result = scoreAttempt(attempt, bankIndex);
  const record = summarise(active.label, attempt, result);
  // Practice cards were updated at each check; questions answered but never checked, and every
  // exam question, are learned from now.
  const unlearned = result.outcomes.filter((o) => mode === 'exam' || !attempt.entries[o.id]?.checked);
  if (mode === 'exam') {
    useAppStore.setState((s) => ({ reviewSchedule: recordAttempt(s.reviewSchedule, result, now) }));
    remember(unlearned, now);
  } else learn(unlearned, now);
  useAppStore.setState((s) => {
    const quizActive = { ...s.quizActive };
    delete quizActive[mode];
    const history = [...s.quizHistory, record].slice(-MAX_ATTEMPTS);
    const cut = history.length - DETAILED_ATTEMPTS;
    return {
      quizActive,
      quizHistory: history.map((r, i) => (i < cut && r.attempt ? { ...r, attempt: undefined } : r)),
    };
  });
  return record.id;
}

/** Updates the FSRS card and the latest outcome of each answered question. */
function learn(outcomes: readonly QuestionOutcome[], now: number): void {
  const answered = outcomes.filter((o) => o.answered);
  useAppStore.setState((s) => ({
    reviewSchedule: answered.reduce(
      (schedule, o) => reviewCard(schedule, 'questions', o.id, gradeAnswer(o), now),
      s.reviewSchedule,
    ),
  }));
  remember(answered, now);
}

/** The "missed questions" set: wrong or unanswered at the latest try. */
function remember(outcomes: readonly QuestionOutcome[], now: number): void {
  if (outcomes.length === 0) return;
  useAppStore.setState((s) => ({
    questionResults: {
      ...s.questionResults,
      ...Object.fromEntries(outcomes.map((o) => [o.id, { correct: o.correct, at: now }])),
    },
  }));
}

function summarise(label: string, attempt: Attempt, result: AttemptResult): AttemptRecord {
  const byDomain: AttemptRecord['byDomain'] = {};
  for (const [d, tally] of Object.entries(result.byDomain))
    if (tally.total > 0) byDomain[Number(d) as 1 | 2 | 3 | 4] = tally.ratio;
  return {
    id: attempt.id,
    mode: attempt.mode,
    label,
    startedAt: attempt.startedAt,
    submittedAt: attempt.submittedAt ?? attempt.startedAt,
    submitReason: attempt.submitReason ?? 'learner',
    scaled: result.scaled,
    passed: result.passed,
    correct: result.raw.correct,
    total: result.raw.total,
    byDomain,
    attempt,
  };
}

/** A practice session over the questions an attempt got wrong or left unanswered. */
export function retakeMisses(record: AttemptRecord): boolean {
  if (!record.attempt) return false;
  const ids = missedQuestionIds(scoreAttempt(record.attempt, bankIndex));
  return startPractice(`Misses from: ${record.label}`, selectQuestions(bank, { by: 'ids', ids }));
}
