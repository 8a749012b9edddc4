import { createBrowserRunner } from '../sandbox/browserRunner';
import { afterPaint } from './afterPaint';

/**
 * One sandbox for the page: a fresh pair of realms per run, with a rehearsed spare waiting
 * (runner.ts). The next spare starts once a run's result is on screen.
 */
export const runner = createBrowserRunner({ afterRun: afterPaint });
