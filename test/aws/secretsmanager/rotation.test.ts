import {
  CancelRotateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  PutSecretValueCommand,
  RotateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, DAY_MS, expectError, expectErrorNamed, token } from './helpers';

const aws = useEmulator();
const { sm } = aws;
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:rotate-db';
// A function that does nothing: RotateSecret needs one it can invoke; its rotations never finish.
beforeEach(() => aws.emulator.lambdas.register(LAMBDA, async () => {}));

describe('RotateSecret (configuration; the function here never finishes a rotation)', () => {
  it('fails at call time for a function Secrets Manager cannot invoke, and changes nothing', async () => {
    await createSecret(sm, 's');
    const missing = 'arn:aws:lambda:us-east-1:123456789012:function:nobody-home';

    await expectErrorNamed(
      sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: missing })),
      'AccessDeniedException',
      /^Secrets Manager cannot invoke the specified Lambda function\. Ensure that the function policy grants access to the principal secretsmanager\.amazonaws\.com\.$/,
    );
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.RotationEnabled).toBeUndefined();
    expect(d.RotationLambdaARN).toBeUndefined();
    expect(Object.values(d.VersionIdsToStages ?? {})).toEqual([['AWSCURRENT']]);
  });

  it('needs a Lambda ARN when none was configured before', async () => {
    await createSecret(sm, 's');
    await expectError(
      sm.send(new RotateSecretCommand({ SecretId: 's', RotationRules: { AutomaticallyAfterDays: 30 } })),
      InvalidRequestException,
      /doesn't already have a Lambda function ARN configured/,
    );
  });

  it('stores the function and rules, and DescribeSecret reports them', async () => {
    await createSecret(sm, 's', 'v1', { ClientRequestToken: token(1) });
    const out = await sm.send(
      new RotateSecretCommand({
        SecretId: 's',
        RotationLambdaARN: LAMBDA,
        RotationRules: { AutomaticallyAfterDays: 30, Duration: '2h' },
        ClientRequestToken: token(2),
      }),
    );
    expect(out).toMatchObject({ Name: 's', VersionId: token(2) });
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d).toMatchObject({
      RotationEnabled: true,
      RotationLambdaARN: LAMBDA,
      RotationRules: { AutomaticallyAfterDays: 30, Duration: '2h' },
    });
    expect(d.NextRotationDate?.getTime()).toBe(Date.UTC(2026, 0, 1) + 30 * DAY_MS);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).VersionId).toBe(token(1));
  });

  it('reuses the configured function on a later call, and RotateImmediately=false returns no version', async () => {
    await createSecret(sm, 's');
    await sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: LAMBDA, RotateImmediately: false }));
    const out = await sm.send(
      new RotateSecretCommand({
        SecretId: 's',
        RotationRules: { ScheduleExpression: 'rate(10 days)' },
        RotateImmediately: false,
      }),
    );
    expect(out.VersionId).toBeUndefined();
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.RotationRules).toEqual({ ScheduleExpression: 'rate(10 days)' });
    expect(d.NextRotationDate?.getTime()).toBe(Date.UTC(2026, 0, 1) + 10 * DAY_MS);
  });

  it('validates the rules', async () => {
    await createSecret(sm, 's');
    await expectError(
      sm.send(
        new RotateSecretCommand({
          SecretId: 's',
          RotationLambdaARN: LAMBDA,
          RotationRules: { AutomaticallyAfterDays: 5, ScheduleExpression: 'rate(5 days)' },
        }),
      ),
      InvalidParameterException,
      'You cannot specify both rotation frequency and schedule expression together.',
    );
    await expectErrorNamed(
      sm.send(
        new RotateSecretCommand({
          SecretId: 's',
          RotationLambdaARN: LAMBDA,
          RotationRules: { AutomaticallyAfterDays: 1001 },
        }),
      ),
      'ValidationException',
    );
  });

  it('refuses to start while an earlier AWSPENDING version is not yet AWSCURRENT', async () => {
    await createSecret(sm, 's', 'v1');
    await sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'v2', VersionStages: ['AWSPENDING'] }));
    await expectError(
      sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: LAMBDA })),
      InvalidRequestException,
    );
  });

  it('is refused on a secret scheduled for deletion', async () => {
    await createSecret(sm, 's');
    await sm.send(new DeleteSecretCommand({ SecretId: 's' }));
    await expectError(
      sm.send(new RotateSecretCommand({ SecretId: 's', RotationLambdaARN: LAMBDA })),
      InvalidRequestException,
    );
  });
});

describe('CancelRotateSecret', () => {
  it('turns rotation off and keeps the configuration', async () => {
    await createSecret(sm, 's');
    await sm.send(
      new RotateSecretCommand({
        SecretId: 's',
        RotationLambdaARN: LAMBDA,
        RotationRules: { AutomaticallyAfterDays: 7 },
      }),
    );
    const out = await sm.send(new CancelRotateSecretCommand({ SecretId: 's' }));
    expect(out.Name).toBe('s');
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.RotationEnabled).toBe(false);
    expect(d.RotationLambdaARN).toBe(LAMBDA);
    expect(d.NextRotationDate).toBeUndefined();
  });

  it('is an InvalidRequestException when rotation was never configured', async () => {
    await createSecret(sm, 's');
    await expectError(sm.send(new CancelRotateSecretCommand({ SecretId: 's' })), InvalidRequestException);
  });
});
