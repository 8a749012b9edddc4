import runtimeUrl from 'virtual:learner-runtime';
import { LearnerFrame } from './frame/learnerFrame';
import { SandboxRunner } from './runner';

/** The runner as the browser builds it: grader workers from our origin, learner workers in the sandboxed frame. */
export function createBrowserRunner(): SandboxRunner {
  const frame = new LearnerFrame(async () => {
    const response = await fetch(runtimeUrl);
    if (!response.ok) throw new Error(`the sandbox runtime did not load (HTTP ${response.status})`);
    return response.text();
  });
  return new SandboxRunner({
    createGrader: () =>
      new Worker(new URL('./grader/grader.worker.ts', import.meta.url), { type: 'module', name: 'grader' }),
    spawnLearner: frame.spawn,
  });
}
