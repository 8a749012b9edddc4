import path from 'node:path';
import ts from 'typescript';
import type { Problem } from '../compiler/problems.ts';
import { courseTypes } from '../lab/courseTypes.ts';

/** A fenced code block: its source and the line of its opening fence in `file`. */
export interface CodeBlock {
  file: string;
  line: number;
  source: string;
}

/** Blocks tagged with these are TypeScript a reader may copy: they must compile against the SDK. */
export const TYPESCRIPT_TAGS = new Set(['ts', 'typescript']);

/**
 * Lesson code runs in Node (Lambda functions, scripts) as ES modules with top-level await, under
 * `strict`. Every block is its own module (`moduleDetection: force`), so two blocks may both
 * declare `const client`.
 */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Type-checks every block in ONE program (the SDK's declarations are read once), with the real
 * packages from `<root>/node_modules` and the course's own modules (`@pettracker/db`, `@lab/clock`)
 * declared as the lab's editor declares them. Each diagnostic lands on its line in the source file.
 */
export function typecheckBlocks(blocks: readonly CodeBlock[], root = process.cwd()): Problem[] {
  if (blocks.length === 0) return [];
  const memory = new Map<string, string>();
  const names = blocks.map((b, i) => {
    const name = path.join(root, '.content-check', `block-${i}.ts`);
    memory.set(name, b.source);
    return name;
  });
  for (const [uri, text] of Object.entries(courseTypes))
    memory.set(path.join(root, uri.replace(/^file:\/\/\//, '')), text);
  const dirs = new Set([...memory.keys()].flatMap((f) => ancestors(path.dirname(f))));

  const host = ts.createCompilerHost(OPTIONS);
  const disk = {
    fileExists: host.fileExists,
    readFile: host.readFile,
    getSourceFile: host.getSourceFile,
    directoryExists: host.directoryExists,
  };
  host.fileExists = (f) => memory.has(f) || disk.fileExists(f);
  host.readFile = (f) => memory.get(f) ?? disk.readFile(f);
  host.directoryExists = (d) => dirs.has(d) || (disk.directoryExists ?? ts.sys.directoryExists)(d);
  host.getSourceFile = (f, language, onError, create) => {
    const text = memory.get(f);
    return text === undefined
      ? disk.getSourceFile(f, language, onError, create)
      : ts.createSourceFile(f, text, language, true);
  };

  const program = ts.createProgram(names, OPTIONS, host);
  const problems: Problem[] = [];
  names.forEach((name, i) => {
    const block = blocks[i];
    const source = program.getSourceFile(name);
    if (!block || !source) return;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const at = source.getLineAndCharacterOfPosition(d.start ?? 0);
      problems.push({
        file: block.file,
        // The code starts on the line after the fence.
        line: block.line + 1 + at.line,
        column: at.character + 1,
        message: `TypeScript: ${messageOf(d)} (TS${d.code})`,
      });
    }
  });
  const first = blocks[0];
  if (first) {
    for (const d of program.getGlobalDiagnostics()) {
      problems.push({ file: first.file, line: first.line, column: 1, message: `TypeScript: ${messageOf(d)}` });
    }
  }
  return problems;
}

/** TypeScript's message chain on one line, without the "Overload 1 of 2" scaffolding it repeats per overload. */
function messageOf(d: ts.Diagnostic): string {
  const lines = ts
    .flattenDiagnosticMessageText(d.messageText, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Overload \d+ of \d+/.test(l));
  return [...new Set(lines)].join(' ');
}

/** `dir` and every directory above it, up to (not including) the file system root. */
export function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) out.push(d);
  return out;
}
