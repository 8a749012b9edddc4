import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  RotateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { connect } from '../../../src/aws/db/client';
import { addPetTrackerDatabase, PETTRACKER_DB, PETTRACKER_MASTER } from '../../../src/aws/db/pettracker';
import { useEmulator } from '../../support/aws';
import { dbSecret, templateArn } from './helpers';

const aws = useEmulator();
const { sm, emulator } = aws;
const NAME = 'pettracker/prod/db-credentials';

const login = (user: string, password: string) =>
  connect(emulator.databases, { host: PETTRACKER_DB.host, port: 5432, user, password, database: 'pettracker' });

async function current(secretId = NAME) {
  const v = await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
  return { versionId: v.VersionId, value: JSON.parse(v.SecretString ?? '{}') as Record<string, string> };
}

describe('the single-user template (SecretsManagerRDSPostgreSQLRotationSingleUser)', () => {
  it('rotates the database password: the new one works, the old one fails, the labels move', async () => {
    addPetTrackerDatabase(emulator.databases);
    const created = await sm.send(new CreateSecretCommand({ Name: NAME, SecretString: dbSecret() }));

    const out = await sm.send(
      new RotateSecretCommand({
        SecretId: NAME,
        RotationLambdaARN: templateArn('SecretsManagerRDSPostgreSQLRotationSingleUser'),
        RotationRules: { AutomaticallyAfterDays: 30 },
      }),
    );
    await emulator.idle();

    const now = await current();
    expect(now.versionId).toBe(out.VersionId);
    expect(now.value.password).not.toBe(PETTRACKER_DB.password);
    expect(now.value.password).toHaveLength(32);
    const conn = await login(PETTRACKER_DB.username, now.value.password ?? '');
    expect((await conn.query('SELECT current_user')).rows).toEqual([{ current_user: 'pettracker_app' }]);
    expect((await conn.query('SELECT name FROM pets WHERE id = $1', [2])).rows).toEqual([{ name: 'Mochi' }]);
    await expect(login(PETTRACKER_DB.username, PETTRACKER_DB.password)).rejects.toMatchObject({
      name: 'AuthenticationError',
      message: 'password authentication failed for user "pettracker_app"',
    });
    const d = await sm.send(new DescribeSecretCommand({ SecretId: NAME }));
    expect(d.VersionIdsToStages).toEqual({
      [created.VersionId ?? '']: ['AWSPREVIOUS'],
      [out.VersionId ?? '']: ['AWSCURRENT', 'AWSPENDING'],
    });
    expect(d.RotationEnabled).toBe(true);
    expect(d.LastRotatedDate?.getTime()).toBe(Date.UTC(2026, 0, 1));
    expect(d.NextRotationDate?.getTime()).toBe(Date.UTC(2026, 0, 31));
  });

  it('makes the calls the real template makes, in order, after RotateSecret', async () => {
    addPetTrackerDatabase(emulator.databases);
    await sm.send(new CreateSecretCommand({ Name: NAME, SecretString: dbSecret() }));
    emulator.log.reset();

    await sm.send(
      new RotateSecretCommand({
        SecretId: NAME,
        RotationLambdaARN: templateArn('SecretsManagerRDSPostgreSQLRotationSingleUser'),
      }),
    );
    await emulator.idle();

    const trail = emulator.log
      .entries()
      .map((e) =>
        e.service === 'lambda'
          ? `Invoke ${e.params.Step}`
          : `${e.operation}${e.outcome === 'ok' ? '' : ` ${e.outcome}`}`,
      );
    expect(trail).toEqual([
      'RotateSecret',
      'RotationStarted',
      'Invoke createSecret',
      'DescribeSecret',
      'GetSecretValue',
      'GetSecretValue ResourceNotFoundException',
      'GetRandomPassword',
      'PutSecretValue',
      'Invoke setSecret',
      'DescribeSecret',
      'GetSecretValue ResourceNotFoundException', // AWSPREVIOUS: none before the first rotation
      'GetSecretValue',
      'GetSecretValue',
      'db:connect AuthenticationError',
      'db:connect',
      'db:query',
      'db:query',
      'Invoke testSecret',
      'DescribeSecret',
      'GetSecretValue',
      'db:connect',
      'db:query',
      'Invoke finishSecret',
      'DescribeSecret',
      'DescribeSecret',
      'UpdateSecretVersionStage',
      'RotationSucceeded',
    ]);
    const alter = emulator.log.entries().find((e) => String(e.params.sql).startsWith('ALTER USER'));
    expect(alter?.params.sql).toBe("ALTER USER pettracker_app WITH PASSWORD '***'");
    expect(
      emulator.log
        .entries()
        .slice(1)
        .every((e) => e.source === 'event'),
    ).toBe(true);
  });

  it('accepts the seed secret without "engine", and refuses a secret for another engine', async () => {
    addPetTrackerDatabase(emulator.databases);
    const { engine: _engine, ...seed } = JSON.parse(dbSecret());
    await sm.send(new CreateSecretCommand({ Name: NAME, SecretString: JSON.stringify(seed) }));
    await sm.send(new CreateSecretCommand({ Name: 'mysql-one', SecretString: dbSecret({ engine: 'mysql' }) }));
    const arn = templateArn('SecretsManagerRDSPostgreSQLRotationSingleUser');

    await sm.send(new RotateSecretCommand({ SecretId: NAME, RotationLambdaARN: arn }));
    await sm.send(new RotateSecretCommand({ SecretId: 'mysql-one', RotationLambdaARN: arn }));
    await emulator.idle();

    expect((await current()).value.password).not.toBe(PETTRACKER_DB.password);
    const failed = emulator.log.entries().find((e) => e.operation === 'RotationFailed');
    expect(failed).toMatchObject({
      outcome: 'KeyError',
      message: "Database engine must be set to 'postgres' in order to use this rotation lambda",
      params: { Step: 'createSecret' },
    });
  });
});

describe('the alternating-users template (SecretsManagerRDSPostgreSQLRotationMultiUser)', () => {
  it('hands over to <user>_clone, then back, and the user not in use keeps its old password', async () => {
    addPetTrackerDatabase(emulator.databases);
    const master = await sm.send(
      new CreateSecretCommand({
        Name: 'pettracker/prod/db-master',
        SecretString: dbSecret({ username: PETTRACKER_MASTER.username, password: PETTRACKER_MASTER.password }),
      }),
    );
    await sm.send(new CreateSecretCommand({ Name: NAME, SecretString: dbSecret({ masterarn: master.ARN }) }));
    const arn = templateArn('SecretsManagerRDSPostgreSQLRotationMultiUser');

    await sm.send(new RotateSecretCommand({ SecretId: NAME, RotationLambdaARN: arn }));
    await emulator.idle();
    const first = (await current()).value;

    expect(first.username).toBe('pettracker_app_clone');
    const clone = await login('pettracker_app_clone', first.password ?? '');
    expect((await clone.query('SELECT COUNT(*) FROM pets')).rows).toEqual([{ count: 3 }]);
    await expect(login('pettracker_app', PETTRACKER_DB.password)).resolves.toBeDefined();

    await sm.send(new RotateSecretCommand({ SecretId: NAME }));
    await emulator.idle();
    const second = (await current()).value;

    expect(second.username).toBe('pettracker_app');
    await expect(login('pettracker_app', second.password ?? '')).resolves.toBeDefined();
    await expect(login('pettracker_app', PETTRACKER_DB.password)).rejects.toMatchObject({
      name: 'AuthenticationError',
    });
    await expect(login('pettracker_app_clone', first.password ?? '')).resolves.toBeDefined();
    const previous = await sm.send(new GetSecretValueCommand({ SecretId: NAME, VersionStage: 'AWSPREVIOUS' }));
    expect(JSON.parse(previous.SecretString ?? '{}').username).toBe('pettracker_app_clone');
  });
});
