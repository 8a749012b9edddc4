import { CreateSecretCommand, DescribeSecretCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { events, LEARNER_ARN, learnerRotation } from '../rotation/helpers';

const aws = useEmulator();
const { sm, emulator } = aws;
const START = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function schedule(ScheduleExpression: string | undefined, AutomaticallyAfterDays?: number) {
  await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
  emulator.lambdas.register(LEARNER_ARN, learnerRotation(sm));
  await sm.send(
    new RotateSecretCommand({
      SecretId: 's',
      RotationLambdaARN: LEARNER_ARN,
      RotationRules: ScheduleExpression ? { ScheduleExpression } : { AutomaticallyAfterDays },
      RotateImmediately: false,
    }),
  );
}

const rotationTimes = () => events(emulator, 'RotationSucceeded').map((e) => new Date(e.time).toISOString());

describe('scheduled rotation on the simulated clock', () => {
  it('AutomaticallyAfterDays 30: nothing after 29 days, exactly one rotation at 30, a second at 60', async () => {
    await schedule(undefined, 30);

    await emulator.advance('29 days');
    expect(rotationTimes()).toEqual([]);
    await emulator.advance('1 day');
    expect(rotationTimes()).toEqual(['2026-01-31T00:00:00.000Z']);
    await emulator.advance('30 days');

    expect(rotationTimes()).toEqual(['2026-01-31T00:00:00.000Z', '2026-03-02T00:00:00.000Z']);
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.LastRotatedDate?.getTime()).toBe(START + 60 * DAY);
    expect(d.NextRotationDate?.getTime()).toBe(START + 90 * DAY);
  });

  it('one long advance runs every window on the way, each at its own simulated time', async () => {
    await schedule(undefined, 30);

    await emulator.advance('60 days');

    expect(rotationTimes()).toEqual(['2026-01-31T00:00:00.000Z', '2026-03-02T00:00:00.000Z']);
    expect(emulator.clock.now()).toBe(START + 60 * DAY);
  });

  it('rate(12 hours) rotates twice a day', async () => {
    await schedule('rate(12 hours)');

    await emulator.advance('2 days');

    expect(rotationTimes()).toEqual([
      '2026-01-01T12:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-02T12:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
    ]);
  });

  it('cron(0 3 ? * MON *) rotates on Mondays at 03:00 UTC', async () => {
    await schedule('cron(0 3 ? * MON *)');
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).NextRotationDate?.getTime()).toBe(
      Date.UTC(2026, 0, 5, 3),
    );

    await emulator.advance('14 days');

    expect(rotationTimes()).toEqual(['2026-01-05T03:00:00.000Z', '2026-01-12T03:00:00.000Z']);
  });

  it('rotation started by RotateSecret finishes before the clock moves on', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    emulator.lambdas.register(LEARNER_ARN, learnerRotation(sm));
    await sm.send(
      new RotateSecretCommand({
        SecretId: 's',
        RotationLambdaARN: LEARNER_ARN,
        RotationRules: { AutomaticallyAfterDays: 7 },
      }),
    );

    await emulator.advance('7 days');

    expect(rotationTimes()).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-08T00:00:00.000Z']);
  });

  it('CancelRotateSecret stops the schedule', async () => {
    await schedule(undefined, 1);
    await emulator.advance('1 day');
    const { CancelRotateSecretCommand } = await import('@aws-sdk/client-secrets-manager');
    await sm.send(new CancelRotateSecretCommand({ SecretId: 's' }));

    await emulator.advance('10 days');

    expect(rotationTimes()).toHaveLength(1);
  });

  it('refuses to run backwards', async () => {
    await emulator.advance('1 day');
    await expect(emulator.setTime(START)).rejects.toThrow('cannot run backwards');
  });
});
