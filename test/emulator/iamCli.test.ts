import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { awsCliV2 } from './awsCli';
import { cliEnv, serveEmulator } from './server';

/**
 * The IAM/STS scenario with the real AWS CLI v2 over HTTP: an administrator (keys the emulator did not
 * issue) builds users, keys, a role and policies; the user's and the role session's own keys are then
 * verified (SigV4) and evaluated: a path-based Allow, an identity Deny, a resource-policy Deny,
 * kms:ViaService, a bad signature, an inactive key, and a KMS grant that lets the role's session decrypt.
 */
const s = serveEmulator();
const run = promisify(execFile);
const ACCOUNT = '123456789012';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
type Keys = { AWS_ACCESS_KEY_ID: string; AWS_SECRET_ACCESS_KEY: string; AWS_SESSION_TOKEN?: string };

async function aws(keys: Keys | undefined, ...args: string[]): Promise<any> {
  const { stdout } = await run(awsCliV2(), ['--endpoint-url', s.url, '--output', 'json', ...args], {
    env: { ...cliEnv, ...keys },
    timeout: 120_000,
  });
  return stdout.trim() === '' ? {} : JSON.parse(stdout);
}

/** The CLI's one-line error (`An error occurred (Code) when calling the X operation: message`), or `allowed`. */
function outcome(keys: Keys | undefined, ...args: string[]): Promise<string> {
  return aws(keys, ...args).then(
    () => 'allowed',
    (e: { stderr?: string }) => String(e.stderr).trim(),
  );
}

test('IAM and STS with the AWS CLI: users, keys, roles, assume-role, Allow, Deny, kms:ViaService, bad keys', {
  timeout: 300_000,
}, async () => {
  const admin = undefined;
  const dir = mkdtempSync(join(tmpdir(), 'iam-cli-'));
  const plain = join(dir, 'plain');
  writeFileSync(plain, 'direct');
  // Independent commands run side by side: each aws-cli start costs a second or more.
  await Promise.all([
    aws(admin, 'iam', 'create-user', '--user-name', 'dev'),
    aws(admin, 'secretsmanager', 'create-secret', '--name', 'pettracker/prod/db', '--secret-string', 'db'),
    aws(admin, 'secretsmanager', 'create-secret', '--name', 'pettracker/prod/admin', '--secret-string', 'root'),
    aws(admin, 'secretsmanager', 'create-secret', '--name', 'billing/card', '--secret-string', 'card'),
    aws(
      admin,
      'ssm',
      'put-parameter',
      '--name',
      '/pettracker/prod/api-key',
      '--type',
      'SecureString',
      '--key-id',
      'alias/pettracker',
      '--value',
      'sk_live_xxx',
    ),
    aws(
      admin,
      'iam',
      'create-role',
      '--role-name',
      'billing-reader',
      '--assume-role-policy-document',
      doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }),
    ),
  ]);
  const [, , , encrypted, { AccessKey }] = await Promise.all([
    aws(
      admin,
      'iam',
      'put-user-policy',
      '--user-name',
      'dev',
      '--policy-name',
      'pettracker',
      '--policy-document',
      doc(
        {
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pettracker/*`,
        },
        {
          Effect: 'Deny',
          Action: 'secretsmanager:GetSecretValue',
          Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:pettracker/prod/admin-*`,
        },
        {
          Effect: 'Allow',
          Action: 'ssm:GetParameter',
          Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/pettracker/*`,
        },
        {
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com' } },
        },
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/billing-reader` },
      ),
    ),
    aws(
      admin,
      'iam',
      'put-role-policy',
      '--role-name',
      'billing-reader',
      '--policy-name',
      'billing',
      '--policy-document',
      doc({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
    ),
    aws(
      admin,
      'secretsmanager',
      'put-resource-policy',
      '--secret-id',
      'billing/card',
      '--resource-policy',
      doc({
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/dev` },
        Action: 'secretsmanager:*',
        Resource: '*',
      }),
    ),
    aws(admin, 'kms', 'encrypt', '--key-id', 'alias/pettracker', '--plaintext', `fileb://${plain}`),
    aws(admin, 'iam', 'create-access-key', '--user-name', 'dev'),
  ]);
  const dev: Keys = { AWS_ACCESS_KEY_ID: AccessKey.AccessKeyId, AWS_SECRET_ACCESS_KEY: AccessKey.SecretAccessKey };
  writeFileSync(join(dir, 'blob'), Buffer.from(encrypted.CiphertextBlob, 'base64'));

  const [who, pathAllowed, identityDeny, resourceDeny, viaSsm, direct, assumed, badSignature, grant] =
    await Promise.all([
      aws(dev, 'sts', 'get-caller-identity'),
      aws(dev, 'secretsmanager', 'get-secret-value', '--secret-id', 'pettracker/prod/db'),
      outcome(dev, 'secretsmanager', 'get-secret-value', '--secret-id', 'pettracker/prod/admin'),
      outcome(dev, 'secretsmanager', 'get-secret-value', '--secret-id', 'billing/card'),
      aws(dev, 'ssm', 'get-parameter', '--name', '/pettracker/prod/api-key', '--with-decryption'),
      outcome(dev, 'kms', 'decrypt', '--ciphertext-blob', `fileb://${join(dir, 'blob')}`),
      aws(
        dev,
        'sts',
        'assume-role',
        '--role-arn',
        `arn:aws:iam::${ACCOUNT}:role/billing-reader`,
        '--role-session-name',
        'night-batch',
      ),
      outcome({ ...dev, AWS_SECRET_ACCESS_KEY: 'wrong' }, 'secretsmanager', 'list-secrets'),
      // The role's policy allows no KMS action: only this grant lets its sessions decrypt with the key.
      aws(
        admin,
        'kms',
        'create-grant',
        '--key-id',
        encrypted.KeyId,
        '--grantee-principal',
        `arn:aws:iam::${ACCOUNT}:role/billing-reader`,
        '--operations',
        'Decrypt',
      ),
    ]);
  const session: Keys = {
    AWS_ACCESS_KEY_ID: assumed.Credentials.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: assumed.Credentials.SecretAccessKey,
    AWS_SESSION_TOKEN: assumed.Credentials.SessionToken,
  };
  const [sessionWho, sessionRead, , sessionDecrypt] = await Promise.all([
    aws(session, 'sts', 'get-caller-identity'),
    aws(session, 'secretsmanager', 'get-secret-value', '--secret-id', 'pettracker/prod/admin'),
    aws(
      admin,
      'iam',
      'update-access-key',
      '--user-name',
      'dev',
      '--access-key-id',
      dev.AWS_ACCESS_KEY_ID,
      '--status',
      'Inactive',
    ),
    aws(session, 'kms', 'decrypt', '--ciphertext-blob', `fileb://${join(dir, 'blob')}`),
  ]);
  const inactive = await outcome(dev, 'secretsmanager', 'get-secret-value', '--secret-id', 'pettracker/prod/db');

  expect(AccessKey.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
  expect(who.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/dev`);
  expect(pathAllowed.SecretString).toBe('db');
  expect(identityDeny).toMatch(
    /\(AccessDeniedException\) when calling the GetSecretValue operation: User: arn:aws:iam::123456789012:user\/dev is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker\/prod\/admin-\w{6} with an explicit deny in an identity-based policy/,
  );
  expect(resourceDeny).toMatch(/\(AccessDeniedException\).*with an explicit deny in a resource-based policy/);
  expect(viaSsm.Parameter.Value).toBe('sk_live_xxx');
  expect(direct).toMatch(
    /\(AccessDeniedException\) when calling the Decrypt operation: User: arn:aws:iam::123456789012:user\/dev is not authorized to perform: kms:Decrypt/,
  );
  expect(assumed.Credentials.AccessKeyId).toMatch(/^ASIA/);
  expect(sessionWho.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/billing-reader/night-batch`);
  expect(sessionRead.SecretString).toBe('root');
  expect(grant.GrantId).toMatch(/^[0-9a-f]{64}$/);
  expect(Buffer.from(sessionDecrypt.Plaintext, 'base64').toString()).toBe('direct');
  expect(badSignature).toMatch(
    /\(InvalidSignatureException\) when calling the ListSecrets operation: The request signature we calculated does not match/,
  );
  expect(inactive).toMatch(
    /\(UnrecognizedClientException\) when calling the GetSecretValue operation: The security token included in the request is invalid/,
  );
  // The server log names who was refused and the deciding statement.
  expect(
    s.lines.find((l) => l.includes('GetSecretValue') && l.includes('pettracker/prod/admin') && l.includes('user/dev')),
  ).toMatch(
    /AccessDeniedException as arn:aws:iam::123456789012:user\/dev \(secretsmanager:GetSecretValue on arn:aws:secretsmanager:.*Explicit deny/,
  );
});
