import {
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  RestoreSecretCommand,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, DAY_MS, expectError } from './helpers';

const aws = useEmulator();
const { sm } = aws;
const START = Date.UTC(2026, 0, 1);
const MARKED = "You can't perform this operation on the secret because it was marked for deletion.";

describe('DeleteSecret', () => {
  it('schedules deletion 30 days out by default', async () => {
    const { ARN } = await createSecret(sm, 's');
    const out = await sm.send(new DeleteSecretCommand({ SecretId: 's' }));
    expect(out).toMatchObject({ ARN, Name: 's' });
    expect(out.DeletionDate?.getTime()).toBe(START + 30 * DAY_MS);
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.DeletedDate?.getTime()).toBe(START);
  });

  it('takes a recovery window of 7 to 30 days', async () => {
    await createSecret(sm, 's');
    const out = await sm.send(new DeleteSecretCommand({ SecretId: 's', RecoveryWindowInDays: 7 }));
    expect(out.DeletionDate?.getTime()).toBe(START + 7 * DAY_MS);
    for (const days of [6, 31]) {
      await expectError(
        sm.send(new DeleteSecretCommand({ SecretId: 's', RecoveryWindowInDays: days })),
        InvalidParameterException,
        'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
      );
    }
  });

  it('refuses RecoveryWindowInDays together with ForceDeleteWithoutRecovery', async () => {
    await createSecret(sm, 's');
    await expectError(
      sm.send(new DeleteSecretCommand({ SecretId: 's', RecoveryWindowInDays: 10, ForceDeleteWithoutRecovery: true })),
      InvalidParameterException,
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    );
  });

  it('blocks reads and writes of a secret scheduled for deletion, but not DescribeSecret', async () => {
    await createSecret(sm, 's');
    await sm.send(new DeleteSecretCommand({ SecretId: 's' }));
    await expectError(sm.send(new GetSecretValueCommand({ SecretId: 's' })), InvalidRequestException, MARKED);
    await expectError(
      sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'x' })),
      InvalidRequestException,
      MARKED,
    );
    await expectError(
      sm.send(new TagResourceCommand({ SecretId: 's', Tags: [{ Key: 'a', Value: 'b' }] })),
      InvalidRequestException,
    );
    await expectError(
      sm.send(new DeleteSecretCommand({ SecretId: 's' })),
      InvalidRequestException,
      "You tried to perform the operation on a secret that's currently marked deleted.",
    );
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).Name).toBe('s');
  });

  it('hides scheduled secrets from ListSecrets unless IncludePlannedDeletion', async () => {
    await createSecret(sm, 'keep');
    await createSecret(sm, 'drop');
    await sm.send(new DeleteSecretCommand({ SecretId: 'drop' }));
    expect((await sm.send(new ListSecretsCommand({}))).SecretList?.map((s) => s.Name)).toEqual(['keep']);
    const all = await sm.send(new ListSecretsCommand({ IncludePlannedDeletion: true }));
    expect(all.SecretList?.map((s) => s.Name)).toEqual(['keep', 'drop']);
    expect(all.SecretList?.[1]?.DeletedDate?.getTime()).toBe(START);
  });

  it('removes the secret for good when the recovery window ends; the name is free again', async () => {
    const first = await createSecret(sm, 's');
    await sm.send(new DeleteSecretCommand({ SecretId: 's', RecoveryWindowInDays: 7 }));
    aws.emulator.clock.advance(7 * DAY_MS);
    await expectError(sm.send(new DescribeSecretCommand({ SecretId: 's' })), ResourceNotFoundException);
    const second = await createSecret(sm, 's', 'new');
    expect(second.ARN).not.toBe(first.ARN);
    expect(aws.emulator.log.entries().some((e) => e.source === 'event' && e.operation === 'DeleteSecret')).toBe(true);
  });

  it('deletes at once with ForceDeleteWithoutRecovery, even a missing or already deleted secret', async () => {
    await createSecret(sm, 's');
    await sm.send(new DeleteSecretCommand({ SecretId: 's' }));
    const out = await sm.send(new DeleteSecretCommand({ SecretId: 's', ForceDeleteWithoutRecovery: true }));
    expect(out.DeletionDate?.getTime()).toBe(START);
    await expectError(sm.send(new DescribeSecretCommand({ SecretId: 's' })), ResourceNotFoundException);
    const missing = await sm.send(new DeleteSecretCommand({ SecretId: 'never-was', ForceDeleteWithoutRecovery: true }));
    expect(missing.Name).toBe('never-was');
    expect(missing.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:never-was-[A-Za-z0-9]{6}$/);
    expect(missing.DeletionDate?.getTime()).toBe(START);
    await expectError(sm.send(new DeleteSecretCommand({ SecretId: 'never-was' })), ResourceNotFoundException);
  });

  it('answers every combination of flags as AWS does, for a live, a scheduled and a missing secret', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      // flags checked before the secret is looked up
      ['missing', { RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true }, 'InvalidParameterException'],
      ['missing', { RecoveryWindowInDays: 6 }, 'InvalidParameterException'],
      ['missing', { RecoveryWindowInDays: 31 }, 'InvalidParameterException'],
      ['missing', {}, 'ResourceNotFoundException'],
      ['missing', { RecoveryWindowInDays: 7 }, 'ResourceNotFoundException'],
      ['missing', { ForceDeleteWithoutRecovery: true }, 'ok'],
      ['live', { RecoveryWindowInDays: 30, ForceDeleteWithoutRecovery: true }, 'InvalidParameterException'],
      ['live', {}, 'ok'],
      ['live', { RecoveryWindowInDays: 7 }, 'ok'],
      ['live', { ForceDeleteWithoutRecovery: true }, 'ok'],
      ['live', { ForceDeleteWithoutRecovery: false }, 'ok'],
      ['scheduled', {}, 'InvalidRequestException'],
      ['scheduled', { RecoveryWindowInDays: 7 }, 'InvalidRequestException'],
      ['scheduled', { ForceDeleteWithoutRecovery: true }, 'ok'],
    ];
    const outcomes: string[] = [];
    for (const [state, flags] of cases) {
      const name = `s-${outcomes.length}`;
      if (state !== 'missing') await createSecret(sm, name);
      if (state === 'scheduled') await sm.send(new DeleteSecretCommand({ SecretId: name }));
      outcomes.push(
        await sm.send(new DeleteSecretCommand({ SecretId: name, ...flags })).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    }
    expect(outcomes).toEqual(cases.map((c) => c[2]));
  });
});

describe('RestoreSecret', () => {
  it('cancels the deletion and gives access back', async () => {
    await createSecret(sm, 's', 'value');
    await sm.send(new DeleteSecretCommand({ SecretId: 's' }));
    aws.emulator.clock.advance(3 * DAY_MS);
    const out = await sm.send(new RestoreSecretCommand({ SecretId: 's' }));
    expect(out.Name).toBe('s');
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('value');
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.DeletedDate).toBeUndefined();
    aws.emulator.clock.advance(40 * DAY_MS);
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 's' }))).Name).toBe('s');
  });

  it('on a missing secret is ResourceNotFoundException', async () => {
    await expectError(sm.send(new RestoreSecretCommand({ SecretId: 'nope' })), ResourceNotFoundException);
  });
});
