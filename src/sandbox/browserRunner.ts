import runtimeUrl, { packages } from 'virtual:learner-runtime';
import { LearnerFrame } from './frame/learnerFrame';
import { withLazyPackages } from './learner/lazyPackages';
import { type RunnerDeps, SandboxRunner } from './runner';

/** The runner as the browser builds it: grader workers from our origin, learner workers in the sandboxed frame. */
export function createBrowserRunner(options: Pick<RunnerDeps, 'afterRun'> = {}): SandboxRunner {
  const text = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the sandbox runtime did not load (HTTP ${response.status})`);
    return response.text();
  };
  // The runtime, with the lazy SDK packages' sources put before it (learner/lazyPackages.ts).
  const frame = new LearnerFrame(async () => {
    const [runtime, ...sources] = await Promise.all([text(runtimeUrl), ...Object.values(packages).map(text)]);
    return withLazyPackages(
      runtime as string,
      Object.fromEntries(Object.keys(packages).map((n, i) => [n, sources[i] as string])),
    );
  });
  return new SandboxRunner({
    createGrader: () =>
      new Worker(new URL('./grader/grader.worker.ts', import.meta.url), { type: 'module', name: 'grader' }),
    spawnLearner: frame.spawn,
    afterRun: options.afterRun,
  });
}
