import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { editorDiagnostics } from '../../src/authoring/editorTypecheck';
import { formatProblem } from '../../src/compiler/problems';

// What the lab's editor says about code (src/authoring/editorTypecheck.ts: the declarations and
// options Monaco gets). Every exercise's starter and solution are checked the same way by
// content:check (test/content/realContent.test.ts).
const root = path.resolve(__dirname, '../..');
const diagnose = (code: string) => editorDiagnostics('learner.ts', code, root).map(formatProblem);

// The lab editor's declarations (the SDK's .d.ts files) are parsed once per worker: seconds on a
// quiet machine, over a minute on a loaded one. Paid here, under its own limit, rather than by
// whichever test first checks exercise code (the files share their worker: isolate: false).
beforeAll(() => void editorDiagnostics('warm-up.ts', '', root), 300_000);

test('the editor sees the SDK clients whole: send, the commands, their input and output types', () => {
  const code = `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { SSMClient, GetParametersByPathCommand } from '@aws-sdk/client-ssm';
import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const sm = new SecretsManagerClient({});
const secret: string | undefined = (await sm.send(new GetSecretValueCommand({ SecretId: 'x' }))).SecretString;
const page = await new SSMClient({}).send(new GetParametersByPathCommand({ Path: '/a', Recursive: true }));
const next: string | undefined = page.NextToken;
const plain: Uint8Array | undefined = (await new KMSClient({}).send(new DecryptCommand({ CiphertextBlob: new Uint8Array() }))).Plaintext;
const token: string | undefined = (await new STSClient({}).send(new AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 's' }))).Credentials?.SessionToken;
sm.destroy();
export { secret, next, plain, token };
`;
  expect(diagnose(code)).toEqual([]);
  // And it still catches mistakes: the check is not blind.
  expect(
    diagnose(`${code}new SecretsManagerClient({}).sendd(new GetSecretValueCommand({ SecretId: 'x' }));\n`),
  ).toEqual([
    expect.stringMatching(
      /^learner\.ts:13:30 {2}TypeScript in the lab's editor: Property 'sendd' does not exist on type 'SecretsManagerClient'\. Did you mean 'send'\?/,
    ),
  ]);
});

test('the course helpers and the sandbox globals are known: the database, the clock, process.env', () => {
  const code = `import { connect } from '@pettracker/db';
import { advance, now } from '@lab/clock';
const db = await connect({ host: 'db', user: process.env.DB_USER ?? 'app', password: 'x' });
const { rows } = await db.query('select 1');
await advance('30 days');
export const later: number = now() + rows.length;
`;
  expect(diagnose(code)).toEqual([]);
  expect(diagnose(`${code}await connect({ host: 'db' });\n`)).toEqual([
    expect.stringMatching(/^learner\.ts:7:15 {2}.*Argument of type '\{ host: string; \}' is not assignable/),
  ]);
});
