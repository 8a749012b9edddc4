import { SandboxRunner } from '../sandbox/runner';

/** One sandbox for the page: its worker is reused between runs and replaced after a timeout. */
export const runner = new SandboxRunner();
