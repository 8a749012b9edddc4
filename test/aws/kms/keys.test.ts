import {
  CancelKeyDeletionCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  ListKeysCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import { expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const DAY_S = 86_400;

test('CreateKey returns KeyMetadata with the fields AWS returns for a symmetric key', async () => {
  const { KeyMetadata: k } = await aws.kms.send(new CreateKeyCommand({ Description: 'pettracker' }));

  expect(k).toMatchObject({
    AWSAccountId: '123456789012',
    Description: 'pettracker',
    Enabled: true,
    KeyState: 'Enabled',
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
    KeyManager: 'CUSTOMER',
    Origin: 'AWS_KMS',
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
  });
  expect(k?.KeyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(k?.Arn).toBe(`arn:aws:kms:us-east-1:123456789012:key/${k?.KeyId}`);
  expect(k?.CreationDate).toEqual(new Date(Date.UTC(2026, 0, 1)));
});

test('CreateKey refuses key kinds it does not model (HMAC, RSA encryption), and invalid enum values', async () => {
  await expect(
    aws.kms.send(new CreateKeyCommand({ KeyUsage: 'GENERATE_VERIFY_MAC', KeySpec: 'HMAC_256' })),
  ).rejects.toMatchObject({
    name: 'UnsupportedOperationException',
  });
  await expect(
    aws.kms.send(new CreateKeyCommand({ KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'RSA_2048' })),
  ).rejects.toMatchObject({
    name: 'UnsupportedOperationException',
  });
  await expect(aws.kms.send(new CreateKeyCommand({ KeyUsage: 'NOPE' as never }))).rejects.toMatchObject({
    name: 'ValidationException',
    message: expect.stringContaining("at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set"),
  });
});

test('DescribeKey finds a key by id, key ARN, alias name and alias ARN', async () => {
  const { KeyMetadata } = await aws.kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ssm' }));
  const id = KeyMetadata?.KeyId;

  for (const KeyId of [id, KeyMetadata?.Arn, 'arn:aws:kms:us-east-1:123456789012:alias/aws/ssm']) {
    const r = await aws.kms.send(new DescribeKeyCommand({ KeyId }));
    expect(r.KeyMetadata?.KeyId, KeyId).toBe(id);
  }
  expect(KeyMetadata?.KeyManager).toBe('AWS');
});

test('DescribeKey of a missing key, alias or malformed id is a NotFoundException', async () => {
  const missing = '1234abcd-12ab-34cd-56ef-1234567890ab';
  await expect(aws.kms.send(new DescribeKeyCommand({ KeyId: missing }))).rejects.toMatchObject({
    name: 'NotFoundException',
    message: `Key 'arn:aws:kms:us-east-1:123456789012:key/${missing}' does not exist`,
  });
  await expect(aws.kms.send(new DescribeKeyCommand({ KeyId: 'alias/nope' }))).rejects.toMatchObject({
    message: 'Alias arn:aws:kms:us-east-1:123456789012:alias/nope is not found.',
  });
  await expect(aws.kms.send(new DescribeKeyCommand({ KeyId: 'nope' }))).rejects.toBeInstanceOf(NotFoundException);
  await expect(aws.kms.send(new DescribeKeyCommand({ KeyId: '' }))).rejects.toMatchObject({
    name: 'ValidationException',
  });
});

test('a key ARN of another region names nothing here', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const elsewhere = KeyMetadata?.Arn?.replace('us-east-1', 'eu-west-1');
  await expect(aws.kms.send(new DescribeKeyCommand({ KeyId: elsewhere }))).rejects.toMatchObject({
    name: 'NotFoundException',
  });
});

test('ListKeys lists the AWS managed keys and customer keys, paged with Limit and Marker', async () => {
  await aws.kms.send(new CreateKeyCommand({}));
  await aws.kms.send(new CreateKeyCommand({}));

  const first = await aws.kms.send(new ListKeysCommand({ Limit: 3 }));
  const second = await aws.kms.send(new ListKeysCommand({ Limit: 3, Marker: first.NextMarker }));

  expect(first.Keys).toHaveLength(3);
  expect(first.Truncated).toBe(true);
  expect(second.Keys).toHaveLength(1);
  expect(second.Truncated).toBe(false);
  expect(second.NextMarker).toBeUndefined();
  expect(second.Keys?.[0]?.KeyArn).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
  await expect(aws.kms.send(new ListKeysCommand({ Marker: 'bogus' }))).rejects.toMatchObject({
    name: 'InvalidMarkerException',
  });
});

test('DisableKey and EnableKey change KeyState and Enabled', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId;

  await aws.kms.send(new DisableKeyCommand({ KeyId }));
  const disabled = await aws.kms.send(new DescribeKeyCommand({ KeyId }));
  await aws.kms.send(new EnableKeyCommand({ KeyId }));
  const enabled = await aws.kms.send(new DescribeKeyCommand({ KeyId }));

  expect(disabled.KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
  expect(enabled.KeyMetadata).toMatchObject({ KeyState: 'Enabled', Enabled: true });
});

test('AWS managed keys cannot be disabled or scheduled for deletion', async () => {
  const { KeyMetadata } = await aws.kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/secretsmanager' }));
  await expect(aws.kms.send(new DisableKeyCommand({ KeyId: KeyMetadata?.KeyId }))).rejects.toMatchObject({
    name: 'AccessDeniedException',
  });
  await expect(aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId: KeyMetadata?.KeyId }))).rejects.toMatchObject({
    name: 'AccessDeniedException',
  });
});

test('ScheduleKeyDeletion defaults to 30 days, accepts 7 to 30, and CancelKeyDeletion leaves the key Disabled', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId;

  for (const PendingWindowInDays of [6, 31]) {
    await expect(aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining("at 'pendingWindowInDays' failed to satisfy constraint"),
    });
  }
  const scheduled = await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId }));
  const described = await aws.kms.send(new DescribeKeyCommand({ KeyId }));
  const cancelled = await aws.kms.send(new CancelKeyDeletionCommand({ KeyId }));
  const after = await aws.kms.send(new DescribeKeyCommand({ KeyId }));

  expect(scheduled).toMatchObject({ KeyId: KeyMetadata?.Arn, KeyState: 'PendingDeletion', PendingWindowInDays: 30 });
  expect(scheduled.DeletionDate?.getTime()).toBe(Date.UTC(2026, 0, 1) + 30 * DAY_S * 1000);
  expect(described.KeyMetadata).toMatchObject({
    KeyState: 'PendingDeletion',
    PendingDeletionWindowInDays: 30,
    Enabled: false,
  });
  expect(cancelled.KeyId).toBe(KeyMetadata?.Arn);
  expect(after.KeyMetadata?.KeyState).toBe('Disabled');
  expect(after.KeyMetadata?.DeletionDate).toBeUndefined();
});

test('a key pending deletion cannot be enabled, and CancelKeyDeletion of a live key is refused', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId;

  await expect(aws.kms.send(new CancelKeyDeletionCommand({ KeyId }))).rejects.toMatchObject({
    name: 'KMSInvalidStateException',
  });
  await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
  await expect(aws.kms.send(new EnableKeyCommand({ KeyId }))).rejects.toMatchObject({
    name: 'KMSInvalidStateException',
    message: `${KeyMetadata?.Arn} is pending deletion.`,
  });
});

test('once the waiting period has passed the key is gone', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId;
  await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));

  aws.emulator.clock.advance(7 * DAY_S * 1000);

  await expect(aws.kms.send(new DescribeKeyCommand({ KeyId }))).rejects.toMatchObject({ name: 'NotFoundException' });
});
