/**
 * How the lazy SDK packages (sdkModules.ts LAZY_SDK_PACKAGES) reach the learner worker: the page
 * puts their sources before the runtime's script, as one global the worker takes (and deletes)
 * before any learner code runs. The frame and its bootstrap stay as they are; a package's source is
 * evaluated only when learner code imports it.
 */
const GLOBAL = 'secretsLabLazyPackages';

/** The learner worker's script: the lazy packages' sources (package name → ES module code), then the runtime. */
export function withLazyPackages(runtime: string, packages: Record<string, string>): string {
  return `self.${GLOBAL}=${JSON.stringify(packages)};\n${runtime}`;
}

/** In the worker: the sources the page put there (none in Node), taken off the global scope. */
export function takeLazyPackages(): Record<string, string> {
  const scope = globalThis as Record<string, unknown>;
  const packages = scope[GLOBAL];
  delete scope[GLOBAL];
  if (!packages || typeof packages !== 'object') return {};
  return Object.fromEntries(Object.entries(packages).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
