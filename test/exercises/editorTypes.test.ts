import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadExercises } from '../../src/catalog/loadExercises';
import { collectSdkTypes } from '../../src/lab/build/sdkTypes';
import { courseTypes } from '../../src/lab/courseTypes';
import { editorCompilerOptions } from '../../src/lab/editorCompilerOptions';

/**
 * What the learner sees in the editor: the declarations Monaco's TypeScript worker gets (the SDK
 * types collected at build time and the course's own modules, nothing from disk) and the editor's
 * compiler options, Node 10 resolution included. A starter or solution the editor underlines in
 * red, or an SDK client whose `send` the editor cannot see, fails here.
 */
const root = path.resolve(__dirname, '../..');
const { exercises } = await loadExercises(path.join(root, 'content'), root);
const virtual = new Map<string, string>();
/** Parsed declaration files, shared by every program (only the learner's file changes). */
const parsed = new Map<string, ts.SourceFile>();

beforeAll(() => {
  for (const [uri, text] of Object.entries({ ...collectSdkTypes(root), ...courseTypes }))
    virtual.set(uri.replace(/^file:\/\//, ''), text);
});

/** The editor's diagnostics for `code`, as `line: message`. */
function diagnose(code: string): string[] {
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
  host.directoryExists = (d) => fromLib(d) || [...virtual.keys()].some((k) => k.startsWith(`${d.replace(/\/$/, '')}/`));
  host.getSourceFile = (f, language) => {
    if (f === main) return ts.createSourceFile(f, code, language);
    const t = text(f);
    if (t === undefined) return undefined;
    const file = parsed.get(f) ?? ts.createSourceFile(f, t, language);
    parsed.set(f, file);
    return file;
  };
  // Monaco's worker compiles every extra lib with the learner's file, as this does.
  const program = ts.createProgram([main, ...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file?.fileName ?? ''}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

test('the editor sees the SDK clients whole: send, the commands, their input and output types', () => {
  const code = `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SSMClient, GetParametersByPathCommand } from '@aws-sdk/client-ssm';
import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
const sm = new SecretsManagerClient({});
const secret: string | undefined = (await sm.send(new GetSecretValueCommand({ SecretId: 'x' }))).SecretString;
const page = await new SSMClient({}).send(new GetParametersByPathCommand({ Path: '/a', Recursive: true }));
const next: string | undefined = page.NextToken;
const plain: Uint8Array | undefined = (await new KMSClient({}).send(new DecryptCommand({ CiphertextBlob: new Uint8Array() }))).Plaintext;
sm.destroy();
export { secret, next, plain };
`;
  expect(diagnose(code)).toEqual([]);
  // And it still catches mistakes: the check is not blind.
  expect(
    diagnose(`${code}\nnew SecretsManagerClient({}).sendd(new GetSecretValueCommand({ SecretId: 'x' }));`),
  ).toEqual([
    expect.stringMatching(/Property 'sendd' does not exist on type 'SecretsManagerClient'. Did you mean 'send'\?/),
  ]);
});

describe.each(exercises.map((e) => [e.meta.slug, e] as const))('%s', (_slug, exercise) => {
  test('the starter and the solution open in the editor with no error underlined', () => {
    expect(diagnose(exercise.meta.starter)).toEqual([]);
    expect(diagnose(exercise.meta.solution)).toEqual([]);
  });
});
