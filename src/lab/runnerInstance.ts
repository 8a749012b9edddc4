import { SandboxRunner } from '../sandbox/runner';

/** One sandbox for the page: a fresh worker per run, with a rehearsed spare waiting (runner.ts). */
export const runner = new SandboxRunner();
