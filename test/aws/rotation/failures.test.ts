import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidRequestException,
  ListSecretVersionIdsCommand,
  ResourceNotFoundException,
  RotateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import type { SecretsManagerState } from '../../../src/aws/secretsmanager/state';
import { useEmulator } from '../../support/aws';
import { expectError } from '../secretsmanager/helpers';
import { events, LEARNER_ARN, learnerRotation } from './helpers';

const aws = useEmulator();
const { sm, emulator } = aws;

const rotationState = (name: string) =>
  emulator.context().state<SecretsManagerState>('secretsmanager').secrets[name]?.rotation;

describe('a rotation function whose testSecret step throws', () => {
  it('leaves AWSPENDING on the new version, AWSCURRENT where it was, and the error visible', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    const behaviour = { failAt: 'testSecret' as const, calls: [] as string[] };
    emulator.lambdas.register(LEARNER_ARN, learnerRotation(sm, behaviour));

    const out = await sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: LEARNER_ARN }));
    await emulator.idle();

    expect(behaviour.calls).toEqual(['createSecret', 'setSecret', 'testSecret']);
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.VersionIdsToStages).toEqual({
      [created.VersionId ?? '']: ['AWSCURRENT'],
      [out.VersionId ?? '']: ['AWSPENDING'],
    });
    expect(d.LastRotatedDate).toBeUndefined();
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('v1');
    expect(events(emulator, 'RotationFailed')).toMatchObject([
      {
        outcome: 'Error',
        message: 'testSecret failed on purpose',
        params: { Step: 'testSecret', ClientRequestToken: out.VersionId },
      },
    ]);
    expect(rotationState('s')?.LastError).toMatchObject({
      Step: 'testSecret',
      ErrorType: 'Error',
      VersionId: out.VersionId,
    });
  });

  it('refuses the next RotateSecret as AWS does, reattempts the unfinished rotation, which then completes', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    const behaviour: { failAt?: 'testSecret'; calls: string[] } = { failAt: 'testSecret', calls: [] };
    emulator.lambdas.register(LEARNER_ARN, learnerRotation(sm, behaviour));
    const first = await sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: LEARNER_ARN }));
    await emulator.idle();
    behaviour.failAt = undefined;
    behaviour.calls = [];

    await expectError(
      sm.send(new RotateSecretCommand({ SecretId: 's' })),
      InvalidRequestException,
      "A previous rotation isn't complete. That rotation will be reattempted.",
    );
    await emulator.idle();

    expect(behaviour.calls).toEqual(['createSecret', 'setSecret', 'testSecret', 'finishSecret']);
    const value = await sm.send(new GetSecretValueCommand({ SecretId: 's' }));
    expect(value.VersionId).toBe(first.VersionId);
    expect(value.SecretString).toBe(`value-${first.VersionId?.slice(0, 8)}`);
    expect(rotationState('s')?.LastError).toBeUndefined();
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).LastRotatedDate?.getTime()).toBe(
      Date.UTC(2026, 0, 1),
    );
  });

  it('a createSecret that fails leaves AWSPENDING on an empty version, which GetSecretValue cannot read', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    emulator.lambdas.register(LEARNER_ARN, learnerRotation(sm, { failAt: 'createSecret' }));

    const out = await sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: LEARNER_ARN }));
    await emulator.idle();

    const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 's' }));
    expect(versions.Versions?.find((v) => v.VersionId === out.VersionId)?.VersionStages).toEqual(['AWSPENDING']);
    await expectError(
      sm.send(new GetSecretValueCommand({ SecretId: 's', VersionStage: 'AWSPENDING' })),
      ResourceNotFoundException,
      `Secrets Manager can't find the specified secret value for VersionId: ${out.VersionId}`,
    );
  });
});

describe('rotation without a working function', () => {
  it('fails RotateSecret when no function was ever configured', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    await expectError(
      sm.send(new RotateSecretCommand({ SecretId: 's', RotationRules: { AutomaticallyAfterDays: 7 } })),
      InvalidRequestException,
      /doesn't already have a Lambda function ARN configured/,
    );
  });

  it('records a Lambda ResourceNotFoundException when the function is gone by the time it runs', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    const missing = 'arn:aws:lambda:us-east-1:123456789012:function:nobody-home';
    emulator.lambdas.register(missing, async () => {});

    await sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: missing }));
    emulator.lambdas.unregister(missing);
    await emulator.idle();

    expect(events(emulator, 'Invoke')).toMatchObject([
      { outcome: 'ResourceNotFoundException', message: `Function not found: ${missing}` },
    ]);
    expect(rotationState('s')?.LastError?.ErrorType).toBe('ResourceNotFoundException');
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('v1');
  });

  it('a finishSecret that does not move AWSCURRENT is not a successful rotation', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    emulator.lambdas.register(LEARNER_ARN, async () => {});

    await sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: LEARNER_ARN }));
    await emulator.idle();

    expect(events(emulator, 'RotationFailed')).toMatchObject([
      { outcome: 'RotationIncomplete', params: { Step: 'finishSecret' } },
    ]);
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).LastRotatedDate).toBeUndefined();
  });
});
