import {
  BatchGetSecretValueCommand,
  DeleteSecretCommand,
  InvalidParameterException,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, expectError } from './helpers';

const aws = useEmulator();
const { sm } = aws;

describe('BatchGetSecretValue', () => {
  it('returns the values of the listed secrets and an error entry for each it cannot read', async () => {
    const a = await createSecret(sm, 'app/a', 'A');
    await createSecret(sm, 'app/b', 'B');
    await createSecret(sm, 'app/c', 'C');
    await sm.send(new DeleteSecretCommand({ SecretId: 'app/c' }));
    const out = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: [a.ARN!, 'app/b', 'missing', 'app/c'] }));
    expect(out.SecretValues?.map((v) => [v.Name, v.SecretString, v.VersionStages])).toEqual([
      ['app/a', 'A', ['AWSCURRENT']],
      ['app/b', 'B', ['AWSCURRENT']],
    ]);
    expect(out.Errors).toEqual([
      {
        SecretId: 'missing',
        ErrorCode: 'ResourceNotFoundException',
        Message: "Secrets Manager can't find the specified secret.",
      },
      {
        SecretId: 'app/c',
        ErrorCode: 'InvalidRequestException',
        Message: "You can't perform this operation on the secret because it was marked for deletion.",
      },
    ]);
  });

  it('selects secrets with Filters and pages them with MaxResults', async () => {
    for (const n of ['svc/1', 'svc/2', 'svc/3', 'other']) await createSecret(sm, n, `value-${n}`);
    const first = await sm.send(
      new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: ['svc/'] }], MaxResults: 2 }),
    );
    expect(first.SecretValues?.map((v) => v.SecretString)).toEqual(['value-svc/1', 'value-svc/2']);
    const second = await sm.send(
      new BatchGetSecretValueCommand({
        Filters: [{ Key: 'name', Values: ['svc/'] }],
        MaxResults: 2,
        NextToken: first.NextToken,
      }),
    );
    expect(second.SecretValues?.map((v) => v.Name)).toEqual(['svc/3']);
    expect(second.NextToken).toBeUndefined();
  });

  it('takes SecretIdList or Filters, not both, and MaxResults only with Filters', async () => {
    await expectError(
      sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['a'], Filters: [{ Key: 'name', Values: ['a'] }] })),
      InvalidParameterException,
      "Either 'SecretIdList' or 'Filters' must be provided, but not both.",
    );
    await expectError(
      sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['a'], MaxResults: 5 })),
      InvalidParameterException,
    );
    await expectError(sm.send(new BatchGetSecretValueCommand({})), InvalidParameterException);
  });

  it('counts as an access of each secret', async () => {
    await createSecret(sm, 'x', 'X');
    await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['x'] }));
    const state = aws.emulator
      .context()
      .state<{ secrets: Record<string, { LastAccessedDate?: number }> }>('secretsmanager');
    expect(state.secrets.x?.LastAccessedDate).toBe(Date.UTC(2026, 0, 1));
  });
});
