import { LearnerLink } from './grader/learnerLink';
import { type SessionExercise, type SessionOptions, startSession } from './grader/session';
import { compileInNode } from './learner/execute';
import { type LearnerPort, startLearner } from './learner/realm';
import type { RunResult } from './messages';

/**
 * One run with both realms in this process, joined by a MessageChannel as in the browser: what
 * vitest and `content:check` grade exercises with. No isolation (the code is the course's own or a
 * test's); the browser's isolation is the sandboxed frame and its workers (frame/, runner.ts).
 */
export async function runSession(
  code: string,
  exercise: SessionExercise | undefined,
  options: SessionOptions = {},
): Promise<RunResult> {
  const { port1, port2 } = new MessageChannel();
  startLearner(port2 as unknown as LearnerPort, compileInNode());
  const link = new LearnerLink(port1);
  try {
    await link.ready;
    return await startSession(code, exercise, link, options).result;
  } finally {
    port1.close();
    port2.close();
  }
}
