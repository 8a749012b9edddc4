import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidRequestException,
  PutSecretValueCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, DAY_MS, expectError, expectErrorNamed, token } from './helpers';

const aws = useEmulator();
const { sm } = aws;

describe('GetSecretValue', () => {
  it('returns the AWSCURRENT version by name', async () => {
    const created = await createSecret(sm, 'prod/api', '{"key":"k1"}', { ClientRequestToken: token(1) });
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/api' }));
    expect(got).toMatchObject({
      ARN: created.ARN,
      Name: 'prod/api',
      SecretString: '{"key":"k1"}',
      VersionId: token(1),
      VersionStages: ['AWSCURRENT'],
    });
    expect(got.CreatedDate?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('finds a secret by full ARN and by partial ARN (without the six-character suffix)', async () => {
    const { ARN } = await createSecret(sm, 'db-creds', 'v');
    expect((await sm.send(new GetSecretValueCommand({ SecretId: ARN }))).Name).toBe('db-creds');
    const partial = ARN!.slice(0, -7);
    expect(partial).toBe('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-creds');
    expect((await sm.send(new GetSecretValueCommand({ SecretId: partial }))).SecretString).toBe('v');
  });

  it("answers a missing secret with ResourceNotFoundException and AWS's message", async () => {
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: 'nope' })),
      ResourceNotFoundException,
      "Secrets Manager can't find the specified secret.",
    );
  });

  it('does not find a secret through an ARN of another region, or a full ARN with a wrong suffix', async () => {
    const { ARN } = await createSecret(sm, 'regional', 'v');
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: ARN!.replace('us-east-1', 'eu-west-1') })),
      ResourceNotFoundException,
    );
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: `${ARN!.slice(0, -6)}ZZZZZZ` })),
      ResourceNotFoundException,
    );
  });

  it('keeps secrets apart per region', async () => {
    await createSecret(sm, 'only-here', 'v');
    const names = (region: string) =>
      Object.values(aws.emulator.context(region).state<{ secrets: object }>('secretsmanager').secrets).map(
        (s: { Name: string }) => s.Name,
      );
    expect(names('us-east-1')).toEqual(['only-here']);
    expect(names('eu-west-1')).toEqual([]);
  });

  it('reads a version by VersionId and by VersionStage', async () => {
    await createSecret(sm, 's', 'one', { ClientRequestToken: token(1) });
    await sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'two', ClientRequestToken: token(2) }));
    const byId = await sm.send(new GetSecretValueCommand({ SecretId: 's', VersionId: token(1) }));
    expect(byId).toMatchObject({ SecretString: 'one', VersionStages: ['AWSPREVIOUS'] });
    const previous = await sm.send(new GetSecretValueCommand({ SecretId: 's', VersionStage: 'AWSPREVIOUS' }));
    expect(previous.VersionId).toBe(token(1));
    const both = await sm.send(
      new GetSecretValueCommand({ SecretId: 's', VersionId: token(2), VersionStage: 'AWSCURRENT' }),
    );
    expect(both.SecretString).toBe('two');
  });

  it('rejects a VersionStage that the given VersionId does not carry', async () => {
    await createSecret(sm, 's', 'one', { ClientRequestToken: token(1) });
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: 's', VersionId: token(1), VersionStage: 'AWSPREVIOUS' })),
      InvalidRequestException,
      'You provided a VersionStage that is not associated to the provided VersionId.',
    );
  });

  it('names the missing VersionId or staging label', async () => {
    await createSecret(sm, 's', 'one');
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: 's', VersionId: token(9) })),
      ResourceNotFoundException,
      `Secrets Manager can't find the specified secret value for VersionId: ${token(9)}`,
    );
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: 's', VersionStage: 'AWSPENDING' })),
      ResourceNotFoundException,
      "Secrets Manager can't find the specified secret value for staging label: AWSPENDING",
    );
  });

  it('records LastAccessedDate at day resolution (midnight UTC)', async () => {
    await createSecret(sm, 's', 'one');
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).LastAccessedDate).toBeUndefined();
    aws.emulator.clock.advance(DAY_MS + 5 * 3_600_000 + 123);
    await sm.send(new GetSecretValueCommand({ SecretId: 's' }));
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.LastAccessedDate?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('validates SecretId before looking it up', async () => {
    await expectErrorNamed(
      sm.send(new GetSecretValueCommand({ SecretId: 'has space' })),
      'ValidationException',
      /Invalid name/,
    );
    await expectErrorNamed(sm.send(new GetSecretValueCommand({ SecretId: '' })), 'ValidationException', /secretId/);
  });

  it('logs the call without the secret value', async () => {
    await createSecret(sm, 'logged', 'do-not-log-me');
    await sm.send(new GetSecretValueCommand({ SecretId: 'logged' }));
    expect(aws.emulator.log.count('secretsmanager', 'GetSecretValue')).toBe(1);
    expect(JSON.stringify(aws.emulator.log.entries())).not.toContain('do-not-log-me');
  });
});
