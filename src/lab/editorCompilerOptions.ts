/**
 * The editor's TypeScript options, as the sandbox runs learner code: ES modules with top-level
 * await, strict, the DOM and ES2022+ library. Plain values (Monaco's worker takes TypeScript's own
 * enum numbers), so a Node test can type-check code exactly as the editor does.
 */
export const editorCompilerOptions = {
  target: 99, // ESNext
  module: 99, // ESNext
  // Node 10 resolution: Monaco's host reads no package.json, so `exports` are never consulted; the
  // SDK types are laid out for it at build time (src/lab/build/sdkTypes.ts).
  moduleResolution: 2,
  lib: ['esnext', 'dom'],
  strict: true,
  allowNonTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
} as const;
