import path from 'node:path';
import ts from 'typescript';
import type { Problem } from '../compiler/problems.ts';
import { collectSdkTypes } from '../lab/build/sdkTypes.ts';
import { courseTypes } from '../lab/courseTypes.ts';
import { editorCompilerOptions } from '../lab/editorCompilerOptions.ts';
import { ancestors } from './typecheckCode.ts';

/**
 * Type-checks learner code exactly as the lab's editor does: the declarations Monaco's TypeScript
 * worker is given (the SDK types collected for the build and the course's own modules and globals,
 * nothing else from disk), the editor's compiler options (Node 10 resolution included), and every
 * extra lib compiled with the file, as Monaco's worker does. So a starter or solution the editor
 * would underline in red is reported here, and so is an SDK layout the editor cannot resolve.
 *
 * Each file gets its own program (learner files are modules or scripts on their own, as in the
 * editor); the declaration files are parsed once per process and shared. Only what the editor
 * underlines is reported: the learner file's own diagnostics and the program-wide ones (options,
 * globals). The declarations are the editor's, not the learner's: checking all of them again for
 * every file cost most of content:check's time and reported nothing the editor shows.
 */
export function editorDiagnostics(file: string, code: string, root = process.cwd()): Problem[] {
  const { virtual, parsed, dirs } = declarations(root);
  const main = '/learner.ts';
  const options: ts.CompilerOptions = {
    ...editorCompilerOptions,
    lib: editorCompilerOptions.lib.map((l) => `lib.${l}.d.ts`),
  };
  const host = ts.createCompilerHost(options);
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const fromLib = (f: string) => f.startsWith(libDir);
  const text = (f: string) => (f === main ? code : (virtual.get(f) ?? (fromLib(f) ? ts.sys.readFile(f) : undefined)));
  host.getCurrentDirectory = () => '/';
  host.fileExists = (f) => text(f) !== undefined;
  host.readFile = text;
  host.directoryExists = (d) => fromLib(d) || d === '/' || dirs.has(d.replace(/\/$/, ''));
  host.getSourceFile = (f, language) => {
    if (f === main) return ts.createSourceFile(f, code, language, true);
    const t = text(f);
    if (t === undefined) return undefined;
    const source = parsed.get(f) ?? ts.createSourceFile(f, t, language);
    parsed.set(f, source);
    return source;
  };
  // The previous program is handed on: only /learner.ts changed, so TypeScript reuses every other
  // file's module resolution (which otherwise cost most of the time) and re-checks just this one.
  const program = ts.createProgram([main, ...virtual.keys()], options, host, cache?.program);
  if (cache) cache.program = program;
  const learner = program.getSourceFile(main);
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(learner),
    ...program.getSemanticDiagnostics(learner),
  ];
  return diagnostics.map((d): Problem => {
    const at =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
    const where = d.file && d.file.fileName !== main ? ` (in ${d.file.fileName})` : '';
    return {
      file,
      line: d.file?.fileName === main ? at.line + 1 : 1,
      column: d.file?.fileName === main ? at.character + 1 : 1,
      message: `TypeScript in the lab's editor: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')} (TS${d.code})${where}`,
    };
  });
}

interface Declarations {
  root: string;
  /** Declaration text by path (without `file://`). */
  virtual: Map<string, string>;
  /** Every directory that holds one of them. */
  dirs: Set<string>;
  parsed: Map<string, ts.SourceFile>;
  /** The last program built over these declarations. */
  program?: ts.Program;
}
let cache: Declarations | undefined;

/** The editor's declaration files, collected once per process (and per project root). */
function declarations(root: string): Declarations {
  if (cache?.root !== root) {
    const virtual = new Map<string, string>();
    for (const [uri, text] of Object.entries({ ...collectSdkTypes(root), ...courseTypes }))
      virtual.set(uri.replace(/^file:\/\//, ''), text);
    const dirs = new Set([...virtual.keys()].flatMap((f) => ancestors(path.posix.dirname(f))));
    cache = { root, virtual, dirs, parsed: new Map() };
  }
  return cache;
}
