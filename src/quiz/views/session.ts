import { bank, bankIndex } from '../../course/questions';
import { learn } from '../../path/learn';
import type { Question } from '../../schema/questionTypes';
import { fileAttempt, setActiveAttempt } from '../../store/actions';
import type { ActiveAttempt, AttemptRecord } from '../../store/quiz';
import { useAppStore } from '../../store/store';
import { type Attempt, type AttemptKind, type AttemptMode, createAttempt } from '../attempt';
import { drawBlueprint } from '../drawBlueprint';
import { blueprintFor, type ExamSetup, examLabel, normalizeSetup } from '../examSetup';
import { restoreAttempt } from '../persistAttempt';
import { type AttemptEvent, reduceAttempt } from '../reduceAttempt';
import { type AttemptResult, missedQuestionIds, scoreAttempt } from '../scoreAttempt';
import { selectQuestions } from '../selectQuestions';
import { summarizeAttempt } from '../summarizeAttempt';

/**
 * The quiz's actions: the one place where the views meet the engine, and the one place that reads
 * the clock (`Date.now()`); the engine itself stays pure. What they change goes through the
 * store's actions (`src/store/actions/quiz.ts`), never `setState`.
 */

type Event = AttemptEvent extends infer E ? (E extends AttemptEvent ? Omit<E, 'at'> : never) : never;

function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
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
  return setActiveAttempt('practice', { label, kind: 'practice', focus: false, attempt }).ok;
}

/**
 * Draws a timed exam as set up (full, short or custom; multiple choice and response only, by the
 * DVA-C02 domain weights). `minutes` overrides the clock (the tests' `?minutes=`).
 */
export function startExam(raw: ExamSetup, minutes?: number): Attempt {
  const setup = normalizeSetup(raw);
  const now = Date.now();
  const seed = newId('seed');
  const draw = drawBlueprint(bank, blueprintFor(setup), seed);
  const attempt = createAttempt({
    id: newId('exam'),
    mode: 'exam',
    questions: draw.questions,
    seed,
    now,
    timeLimitMs: minutes && minutes > 0 ? Math.round(minutes * 60_000) : draw.timeLimitMs,
    unscoredIds: draw.unscoredIds,
  });
  setActiveAttempt('exam', { label: examLabel(setup), kind: setup.kind, focus: setup.focus, attempt });
  return attempt;
}

/** Shows or hides the outline and navigation during the exam in progress. */
export function setExamFocus(focus: boolean): void {
  const active = useAppStore.getState().quizActive.exam;
  if (active && active.focus !== focus) setActiveAttempt('exam', { ...active, focus });
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
  setActiveAttempt(mode, { ...active, attempt: next });
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
    setActiveAttempt(mode, undefined);
    return { error: restored.error };
  }
  setActiveAttempt(mode, { ...active, attempt: restored.attempt });
  if (restored.attempt.status === 'submitted') return { attempt: restored.attempt, finishedId: finish(mode) };
  return { attempt: restored.attempt };
}

/** Leaves the attempt in progress without recording it. */
export function abandon(mode: AttemptMode): void {
  setActiveAttempt(mode, undefined);
}

/** Submits (if needed), scores and records the attempt in progress; returns its results id. */
export function finish(mode: AttemptMode): string | undefined {
  const active = useAppStore.getState().quizActive[mode];
  if (!active) return undefined;
  const now = Date.now();
  const attempt =
    active.attempt.status === 'submitted' ? active.attempt : reduceAttempt(active.attempt, { type: 'submit', at: now });
  const result = scoreAttempt(attempt, bankIndex);
  // Practice cards were updated at each check; questions answered but never checked, and every
  // exam question, are learned from now. Unanswered questions teach nothing and are not recorded.
  learn(
    result.outcomes.filter((o) => mode === 'exam' || !attempt.entries[o.id]?.checked),
    now,
  );
  const record = summarise(active, attempt, result);
  fileAttempt(mode, record);
  return record.id;
}

function summarise(active: ActiveAttempt, attempt: Attempt, result: AttemptResult): AttemptRecord {
  return {
    id: attempt.id,
    mode: attempt.mode,
    kind: active.kind,
    label: active.label,
    startedAt: attempt.startedAt,
    submittedAt: attempt.submittedAt ?? attempt.startedAt,
    submitReason: attempt.submitReason ?? 'learner',
    ...summarizeAttempt(result, active.kind),
    attempt,
  };
}

/** A practice session over the questions an attempt got wrong (not the unanswered ones: see `startPracticeOf`). */
export function retakeMisses(record: AttemptRecord): boolean {
  if (!record.attempt) return false;
  const ids = missedQuestionIds(scoreAttempt(record.attempt, bankIndex));
  return startPractice(`Misses from: ${record.label}`, selectQuestions(bank, { by: 'ids', ids }));
}

/** A practice session over these question ids, in the given order. */
export function practiseIds(label: string, ids: readonly string[]): boolean {
  return startPractice(label, selectQuestions(bank, { by: 'ids', ids }), true);
}

export type { AttemptKind };
