import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { courseTypes } from './courseTypes';
import { editorCompilerOptions } from './editorCompilerOptions';

/**
 * Monaco from our own bundle (never a CDN), its workers from our own origin, and TypeScript set
 * up like the sandbox (editorCompilerOptions.ts).
 * This module is imported only by the lab route, so the editor never weighs on the lessons.
 */
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
};
loader.config({ monaco });

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({ ...editorCompilerOptions, lib: [...editorCompilerOptions.lib] });
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
ts.typescriptDefaults.setEagerModelSync(true);
for (const [path, content] of Object.entries(courseTypes)) ts.typescriptDefaults.addExtraLib(content, path);

let sdkTypes: Promise<void> | undefined;
/** Loads the SDK's declarations (a separate chunk) once, after the editor is on screen. */
export function loadSdkTypes(): Promise<void> {
  sdkTypes ??= import('virtual:sdk-types').then(({ default: files }) => {
    ts.typescriptDefaults.setExtraLibs([
      ...Object.entries(courseTypes).map(([filePath, content]) => ({ filePath, content })),
      ...Object.entries(files).map(([filePath, content]) => ({ filePath, content })),
    ]);
  });
  return sdkTypes;
}

export { monaco };
