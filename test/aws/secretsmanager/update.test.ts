import {
  DecryptionFailure,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, customerKey, expectError, token } from './helpers';

const aws = useEmulator();
const { sm } = aws;

describe('UpdateSecret', () => {
  it('with a value, creates a new AWSCURRENT version', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    const out = await sm.send(
      new UpdateSecretCommand({ SecretId: 's', SecretString: 'v2', ClientRequestToken: token(2) }),
    );
    expect(out).toMatchObject({ Name: 's', VersionId: token(2) });
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.VersionIdsToStages).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'] });
  });

  it('retried with the same token and value changes nothing and returns the VersionId', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    const update = () =>
      sm.send(new UpdateSecretCommand({ SecretId: 's', SecretString: 'v2', ClientRequestToken: token(2) }));
    await update();

    const retry = await update();

    expect(retry).toMatchObject({ Name: 's', VersionId: token(2) });
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.VersionIdsToStages).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'] });
  });

  it('with the same token and another value is refused in AWS words', async () => {
    const { ARN } = await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });

    await expectError(
      sm.send(new UpdateSecretCommand({ SecretId: 's', SecretString: 'v2', ClientRequestToken: token(1) })),
      ResourceExistsException,
      `You can't use ClientRequestToken ${token(1)} because that value is already in use for a version of secret ${ARN}.`,
    );
  });

  it('with only a description, changes metadata and returns no VersionId', async () => {
    await createSecret(sm, 's', 'v1');
    aws.emulator.clock.advance(5_000);
    const out = await sm.send(new UpdateSecretCommand({ SecretId: 's', Description: 'new text' }));
    expect(out.VersionId).toBeUndefined();
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.Description).toBe('new text');
    expect(d.LastChangedDate?.toISOString()).toBe('2026-01-01T00:00:05.000Z');
    expect(Object.keys(d.VersionIdsToStages ?? {})).toHaveLength(1);
  });

  it('with a new KmsKeyId, re-encrypts the labelled versions under that key', async () => {
    const key = customerKey(aws.emulator, 'alias/new');
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await sm.send(new UpdateSecretCommand({ SecretId: 's', KmsKeyId: 'alias/new' }));
    const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 's' }));
    expect(versions.Versions?.[0]?.KmsKeyIds).toEqual([key.Arn]);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('v1');
    key.KeyState = 'Disabled';
    await expectError(sm.send(new GetSecretValueCommand({ SecretId: 's' })), DecryptionFailure);
  });

  it('on a missing secret is ResourceNotFoundException', async () => {
    await expectError(
      sm.send(new UpdateSecretCommand({ SecretId: 'missing', SecretString: 'x' })),
      ResourceNotFoundException,
    );
  });
});

describe('UpdateSecret atomicity', () => {
  it('changes nothing when the token names an existing version with other data', async () => {
    customerKey(aws.emulator, 'alias/other');
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    await expectError(
      sm.send(
        new UpdateSecretCommand({
          SecretId: 's',
          SecretString: 'changed',
          ClientRequestToken: token(1),
          KmsKeyId: 'alias/other',
        }),
      ),
      ResourceExistsException,
    );
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).KmsKeyId).toBeUndefined();
  });
});
