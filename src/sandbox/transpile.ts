import { transform } from 'sucrase';

export interface TranspileResult {
  code?: string;
  error?: { message: string; line?: number; column?: number };
}

/**
 * TypeScript → JavaScript that the sandbox can run: types stripped, `import`/`export` turned into
 * `require`/`exports` (so a module map decides what can be imported). sucrase keeps every line where
 * it was, so a stack trace's line is the learner's line. Type errors are the editor's business
 * (Monaco's TypeScript worker), not the transpiler's.
 */
export function transpile(source: string): TranspileResult {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'imports'],
      disableESTransforms: true,
      // An unused import still runs, so a forbidden module is reported even before it is used.
      keepUnusedImports: true,
      production: true,
    });
    return { code };
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    return { error: { message, line: err.loc?.line, column: err.loc ? err.loc.column + 1 : undefined } };
  }
}
