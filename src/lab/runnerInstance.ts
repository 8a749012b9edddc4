import { createBrowserRunner } from '../sandbox/browserRunner';

/** One sandbox for the page: a fresh pair of realms per run, with a rehearsed spare waiting (runner.ts). */
export const runner = createBrowserRunner();
