import { lazy } from 'react';
import { runner } from './runnerInstance';

// The sandbox loads first and Monaco after it, and after a run that is under way (2 s at most):
// on a two-core laptop they fight for the CPU, and a learner who runs the starter at once should
// not wait for the editor's start-up. Meanwhile the code is shown as plain text (see Workbench).
export const CodeEditor = lazy(async () => {
  const atMost = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await Promise.race([runner.warm().catch(() => undefined), atMost(2000)]);
  await Promise.race([runner.idle(), atMost(2000)]);
  return import('./CodeEditor');
});
