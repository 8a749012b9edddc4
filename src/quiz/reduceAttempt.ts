import { type Attempt, type AttemptEntry, type AttemptQuestion, deadlineOf, emptyEntry } from './attempt';

/** Everything a learner (or the clock) can do to an attempt. `at` is epoch milliseconds. */
export type AttemptEvent =
  | { type: 'answer'; questionId: string; answer: readonly string[]; at: number }
  | { type: 'flag'; questionId: string; flagged?: boolean; at: number }
  | { type: 'goto'; index: number; at: number }
  | { type: 'next'; at: number }
  | { type: 'prev'; at: number }
  | { type: 'check'; questionId: string; at: number }
  | { type: 'tick'; at: number }
  | { type: 'submit'; at: number };

/**
 * The attempt state machine: active → submitted, never back. A pure function: returns a new attempt
 * (or the same object when the event changes nothing). Rules:
 * - Any event at or after the deadline submits the attempt as "time-up" at the deadline, and the
 *   event itself is dropped: an answer given after time is up does not count.
 * - On-screen time is charged to the current question up to each event (`tick` just accounts it).
 * - Exam mode gives no feedback, so `check` does nothing there; in practice `check` locks the answer.
 * - Answers naming options the question does not have are ignored.
 */
export function reduceAttempt(attempt: Attempt, event: AttemptEvent): Attempt {
  if (attempt.status === 'submitted') return attempt;
  const deadline = deadlineOf(attempt);
  if (deadline !== null && event.at >= deadline) return submit(attempt, deadline, 'time-up');
  switch (event.type) {
    case 'tick':
      return account(attempt, event.at);
    case 'submit':
      return submit(attempt, event.at, 'learner');
    case 'goto':
      return moveTo(attempt, event.index, event.at);
    case 'next':
      return moveTo(attempt, attempt.current + 1, event.at);
    case 'prev':
      return moveTo(attempt, attempt.current - 1, event.at);
    case 'flag':
      return updateEntry(attempt, event.questionId, event.at, (entry) => ({
        ...entry,
        flagged: event.flagged ?? !entry.flagged,
      }));
    case 'check':
      if (attempt.mode !== 'practice') return attempt;
      return updateEntry(attempt, event.questionId, event.at, (entry) =>
        entry.answer.length > 0 ? { ...entry, checked: true } : entry,
      );
    case 'answer':
      return answer(attempt, event.questionId, event.answer, event.at);
  }
}

/** Charges on-screen time to the current question up to `at` (never past the deadline). */
function account(attempt: Attempt, at: number): Attempt {
  const q = attempt.questions[attempt.current];
  if (!q) return { ...attempt, viewStartedAt: at };
  const deadline = deadlineOf(attempt);
  const until = deadline === null ? at : Math.min(at, deadline);
  const spent = Math.max(0, until - attempt.viewStartedAt);
  const entry = attempt.entries[q.id] ?? emptyEntry();
  return {
    ...attempt,
    viewStartedAt: Math.max(at, attempt.viewStartedAt),
    entries: { ...attempt.entries, [q.id]: { ...entry, timeMs: entry.timeMs + spent } },
  };
}

function submit(attempt: Attempt, at: number, reason: 'learner' | 'time-up'): Attempt {
  return { ...account(attempt, at), status: 'submitted', submittedAt: at, submitReason: reason };
}

function moveTo(attempt: Attempt, index: number, at: number): Attempt {
  const target = Math.min(Math.max(0, Math.trunc(index)), Math.max(0, attempt.questions.length - 1));
  if (target === attempt.current) return account(attempt, at);
  return { ...account(attempt, at), current: target };
}

function updateEntry(
  attempt: Attempt,
  questionId: string,
  at: number,
  change: (entry: AttemptEntry, question: AttemptQuestion) => AttemptEntry,
): Attempt {
  const question = attempt.questions.find((q) => q.id === questionId);
  if (!question) return attempt;
  const accounted = account(attempt, at);
  const entry = accounted.entries[questionId] ?? emptyEntry();
  const next = change(entry, question);
  if (next === entry) return attempt;
  return { ...accounted, entries: { ...accounted.entries, [questionId]: next } };
}

function answer(attempt: Attempt, questionId: string, given: readonly string[], at: number): Attempt {
  return updateEntry(attempt, questionId, at, (entry, question) => {
    if (entry.checked) return entry;
    const valid = normalise(question, given);
    if (!valid || sameAnswer(question, valid, entry.answer)) return entry;
    const wasComplete = question.type !== 'ordering' && entry.answer.length === question.pick;
    return {
      ...entry,
      answer: valid,
      answerTimeMs: valid.length > 0 ? entry.timeMs : null,
      changes: entry.changes + (wasComplete ? 1 : 0),
    };
  });
}

/** A clean answer for the question, or undefined when it cannot be one. */
function normalise(question: AttemptQuestion, given: readonly string[]): string[] | undefined {
  const known = new Set(question.options);
  if (given.some((id) => !known.has(id))) return undefined;
  const unique = [...new Set(given)];
  if (unique.length !== given.length) return undefined;
  if (question.type === 'single' && unique.length > 1) return undefined;
  if (question.type === 'ordering' && unique.length !== 0 && unique.length !== question.options.length)
    return undefined;
  // Choice answers are sets: keep them in display order so equal sets compare equal.
  return question.type === 'ordering' ? unique : question.options.filter((id) => unique.includes(id));
}

function sameAnswer(question: AttemptQuestion, a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  return question.type === 'ordering' ? a.every((id, i) => id === b[i]) : a.every((id) => b.includes(id));
}
