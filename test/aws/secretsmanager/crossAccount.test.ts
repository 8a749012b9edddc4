import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { expect, test } from 'vitest';
import { applyFixture } from '../../../src/sandbox/grader/fixture';
import { fixtureSchema } from '../../../src/schema/fixture';
import { clients, useEmulator } from '../../support/aws';

// A secret read across accounts (the emulator runs a Secrets Manager request whose SecretId is
// another account's ARN in that account, as the same caller): the resource policy, the key policy
// and the caller's identity policy must all allow it, and the AWS managed key never does.
const aws = useEmulator();
const HOME = '123456789012';
const OWNER = '222233334444';
const READER = `arn:aws:iam::${HOME}:role/reader`;
const statement = (Principal: string, Action: string | string[]) => ({
  Effect: 'Allow',
  Principal: { AWS: Principal },
  Action,
  Resource: '*',
});
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

const fixture = fixtureSchema.parse({
  keys: [
    {
      alias: 'alias/shared',
      account: OWNER,
      policy: doc(statement(`arn:aws:iam::${OWNER}:root`, 'kms:*'), statement(READER, 'kms:Decrypt')),
    },
    { alias: 'alias/not-shared', account: OWNER },
  ],
  secrets: [
    {
      name: 'shared/ok',
      value: 'ok',
      account: OWNER,
      kmsKeyId: 'alias/shared',
      resourcePolicy: doc(statement(READER, 'secretsmanager:GetSecretValue')),
    },
    { name: 'shared/no-resource-policy', value: 'x', account: OWNER, kmsKeyId: 'alias/shared' },
    {
      name: 'shared/key-not-shared',
      value: 'x',
      account: OWNER,
      kmsKeyId: 'alias/not-shared',
      resourcePolicy: doc(statement(READER, 'secretsmanager:GetSecretValue')),
    },
    {
      name: 'shared/aws-managed-key',
      value: 'x',
      account: OWNER,
      resourcePolicy: doc(statement(READER, 'secretsmanager:GetSecretValue')),
    },
  ],
  roles: [
    {
      name: 'reader',
      trustPolicy: doc(statement(`arn:aws:iam::${HOME}:role/app`, 'sts:AssumeRole')),
      policies: {
        read: doc(
          {
            Effect: 'Allow',
            Action: 'secretsmanager:GetSecretValue',
            Resource: `arn:aws:secretsmanager:us-east-1:${OWNER}:secret:shared/*`,
          },
          { Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:us-east-1:${OWNER}:key/*` },
        ),
      },
    },
  ],
  principal: { arn: `arn:aws:iam::${HOME}:role/app`, policies: {} },
  environment: Object.fromEntries(
    ['OK', 'NO_RESOURCE_POLICY', 'KEY_NOT_SHARED', 'AWS_MANAGED_KEY'].map((n) => [
      n,
      { secretArn: `shared/${n.toLowerCase().replaceAll('_', '-')}` },
    ]),
  ),
});

test('a role reads another account’s secret by its full ARN only when the resource policy, the key policy and its own policy allow it', async () => {
  // Prepare: the other account's secrets, the reader role, and its session.
  const arns = await applyFixture(aws.emulator, fixture);
  const { Credentials } = await aws.sts.send(new AssumeRoleCommand({ RoleArn: READER, RoleSessionName: 'job' }));
  const reader = clients({
    accessKeyId: Credentials?.AccessKeyId ?? '',
    secretAccessKey: Credentials?.SecretAccessKey ?? '',
    sessionToken: Credentials?.SessionToken ?? '',
  }).sm;
  const read = (SecretId: string | undefined) =>
    reader.send(new GetSecretValueCommand({ SecretId })).then(
      (r) => r.SecretString,
      (e: Error) => `${e.name}: ${e.message}`,
    );

  // Act and assess
  expect(await read(arns.OK)).toBe('ok');
  // As a browser sends it: fetch drops the Host and Content-Length headers the SDK signed (the
  // browser writes both on the wire itself), and the signature still verifies.
  const browser = new SecretsManagerClient({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    },
    requestHandler: new FetchHttpHandler({
      customFetch: (input, init) => {
        const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
        headers.delete('host');
        headers.delete('content-length');
        return input instanceof Request ? fetch(new Request(input, { headers })) : fetch(input, { ...init, headers });
      },
    }),
  });
  const { SecretString } = await browser.send(new GetSecretValueCommand({ SecretId: arns.OK }));
  expect(SecretString).toBe('ok');
  expect(aws.emulator.log.entries().at(-1)).toMatchObject({
    operation: 'GetSecretValue',
    outcome: 'ok',
    caller: `arn:aws:sts::${HOME}:assumed-role/reader/job`,
  });
  expect(await read('shared/ok')).toMatch(/^AccessDeniedException: .* on resource: shared\/ok /);
  expect(await read(arns.NO_RESOURCE_POLICY)).toMatch(
    /^AccessDeniedException: .*because no resource-based policy allows the secretsmanager:GetSecretValue action/,
  );
  expect(await read(arns.KEY_NOT_SHARED)).toBe('AccessDeniedException: Access to KMS is not allowed');
  // The AWS managed key's policy allows only callers of its own account (kms:CallerAccount).
  expect(await read(arns.AWS_MANAGED_KEY)).toBe('AccessDeniedException: Access to KMS is not allowed');
});
