import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ResourceNotFoundException,
  RestoreSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, ParameterNotFound, PutParameterCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { expectError } from '../secretsmanager/helpers';

const aws = useEmulator();
const { sm, ssm, emulator } = aws;
const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

const eventLog = () =>
  emulator.log
    .entries()
    .filter((e) => e.source === 'event')
    .map((e) => `${new Date(e.time).toISOString()} ${e.service} ${e.operation} ${e.params.Name ?? e.params.SecretId}`);

describe('recovery windows on the simulated clock', () => {
  it('a deleted secret can be restored before its window ends', async () => {
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 's', RecoveryWindowInDays: 7 }));

    await emulator.advance('6 days');
    await sm.send(new RestoreSecretCommand({ SecretId: 's' }));

    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('v1');
  });

  it('is gone once the window has ended, removed at the exact DeletionDate', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'v1' }));
    await emulator.advance('1 hour');
    await sm.send(new DeleteSecretCommand({ SecretId: 's', RecoveryWindowInDays: 7 }));

    await emulator.advance('8 days');

    await expectError(sm.send(new DescribeSecretCommand({ SecretId: 's' })), ResourceNotFoundException);
    await expectError(sm.send(new RestoreSecretCommand({ SecretId: 's' })), ResourceNotFoundException);
    expect(eventLog()).toEqual([`2026-01-08T01:00:00.000Z secretsmanager DeleteSecret ${created.ARN}`]);
  });
});

describe('parameter policies on the simulated clock', () => {
  it('Expiration deletes the parameter at its timestamp; ExpirationNotification fires before it', async () => {
    await ssm.send(
      new PutParameterCommand({
        Name: '/pettracker/dev/temp-token',
        Value: 'abc',
        Type: 'SecureString',
        Tier: 'Advanced',
        Policies: JSON.stringify([
          { Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: new Date(START + DAY).toISOString() } },
          { Type: 'ExpirationNotification', Version: '1.0', Attributes: { Before: '6', Unit: 'Hours' } },
        ]),
      }),
    );

    await emulator.advance('20 hours');
    expect((await ssm.send(new GetParameterCommand({ Name: '/pettracker/dev/temp-token' }))).Parameter?.Version).toBe(
      1,
    );
    await emulator.advance('4 hours');

    await expectError(ssm.send(new GetParameterCommand({ Name: '/pettracker/dev/temp-token' })), ParameterNotFound);
    expect(eventLog()).toEqual([
      '2026-01-01T18:00:00.000Z ssm ExpirationNotification /pettracker/dev/temp-token',
      '2026-01-02T00:00:00.000Z ssm DeleteParameter /pettracker/dev/temp-token',
    ]);
  });

  it('NoChangeNotification fires once, After the last change', async () => {
    await ssm.send(
      new PutParameterCommand({
        Name: '/p',
        Value: 'v',
        Type: 'String',
        Tier: 'Advanced',
        Policies: JSON.stringify([
          { Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '2', Unit: 'Days' } },
        ]),
      }),
    );

    await emulator.advance('10 days');

    expect(eventLog()).toEqual(['2026-01-03T00:00:00.000Z ssm NoChangeNotification /p']);
  });

  it('events of different kinds run in order of due time', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'gone', SecretString: 'v1' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'gone', RecoveryWindowInDays: 7 }));
    await ssm.send(
      new PutParameterCommand({
        Name: '/soon',
        Value: 'v',
        Type: 'String',
        Tier: 'Advanced',
        Policies: JSON.stringify([
          { Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: new Date(START + 3 * DAY).toISOString() } },
        ]),
      }),
    );

    await emulator.advance('30 days');

    expect(eventLog().map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      '2026-01-04T00:00:00.000Z ssm DeleteParameter',
      '2026-01-08T00:00:00.000Z secretsmanager DeleteSecret',
    ]);
  });
});
