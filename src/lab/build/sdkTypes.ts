import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Packages whose types the editor offers (what the sandbox lets learner code import). */
export const TYPED_PACKAGES = [
  '@aws-sdk/client-secrets-manager',
  '@aws-sdk/client-ssm',
  '@aws-sdk/client-kms',
  '@aws-sdk/client-sts',
];

/**
 * The .d.ts closure of the SDK clients, for Monaco's TypeScript worker: every declaration file the
 * compiler reads to type-check `import ... from '@aws-sdk/client-*'`, keyed by a
 * `file:///node_modules/...` path. Monaco's host ignores package.json `exports` (it resolves like
 * Node 10), so each package also gets a root `index.d.ts` that re-exports its `types` entry, and a
 * `<subpath>.d.ts` for each subpath export (`@smithy/core/client` holds the `send` every client
 * inherits: without it, `client.` offers no `send` and `client.send(...)` is an error).
 */
export function collectSdkTypes(root: string): Record<string, string> {
  const cache = path.join(root, 'node_modules/.cache/sdk-types');
  mkdirSync(cache, { recursive: true });
  const entry = path.join(cache, 'entry.ts');
  writeFileSync(entry, TYPED_PACKAGES.map((p) => `export * from '${p}';`).join('\n'));
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: [],
    noEmit: true,
    skipLibCheck: true,
  });
  const files: Record<string, string> = {};
  const packageRoots = new Map<string, string>();
  for (const sf of program.getSourceFiles()) {
    const i = sf.fileName.lastIndexOf('/node_modules/');
    if (i < 0 || !sf.fileName.endsWith('.d.ts') || sf.fileName.includes('/node_modules/typescript/')) continue;
    const rel = sf.fileName.slice(i + 1);
    files[`file:///${rel}`] = sf.text;
    const m = rel.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m?.[1] && !packageRoots.has(m[1])) packageRoots.set(m[1], path.join(root, 'node_modules', m[1]));
  }
  for (const [name, dir] of packageRoots) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        types?: string;
        typings?: string;
        exports?: unknown;
      };
      const types = (pkg.types ?? pkg.typings)?.replace(/^\.\//, '').replace(/\.d\.ts$/, '');
      if (types && types !== 'index')
        files[`file:///node_modules/${name}/index.d.ts`] = `export * from './${types}';\n`;
      for (const [subpath, target] of subpathTypes(pkg.exports)) {
        if (!files[`file:///node_modules/${name}/${target}.d.ts`]) continue; // not reached by the SDK
        const from = path.posix.relative(path.posix.dirname(subpath), target);
        files[`file:///node_modules/${name}/${subpath}.d.ts`] =
          `export * from '${from.startsWith('.') ? from : `./${from}`}';\n`;
      }
    } catch {
      /* a package without package.json types is reached by relative paths only */
    }
  }
  return files;
}

/**
 * `[subpath, types file without .d.ts]` for each subpath of a package.json `exports` map that names
 * its types (`"./client": { "types": "./dist-types/submodules/client/index.d.ts", ... }`).
 */
function subpathTypes(exports: unknown): [string, string][] {
  if (!exports || typeof exports !== 'object') return [];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(exports)) {
    if (!key.startsWith('./') || key === './package.json' || key.includes('*')) continue;
    const types = typesOf(value);
    if (types?.endsWith('.d.ts')) out.push([key.slice(2), types.replace(/^\.\//, '').replace(/\.d\.ts$/, '')]);
  }
  return out;
}

/** The `types` condition of an export, looked for through nested conditions. */
function typesOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const conditions = value as Record<string, unknown>;
  if (typeof conditions.types === 'string') return conditions.types;
  for (const nested of Object.values(conditions)) {
    const found = typesOf(nested);
    if (found) return found;
  }
  return undefined;
}
