import {
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  ListKeyRotationsCommand,
  RotateKeyOnDemandCommand,
} from '@aws-sdk/client-kms';
import { expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';

/** Automatic key rotation on the simulated clock: new material, the same key, old ciphertexts still decrypt. */
const aws = useEmulator();
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

it('rotates every RotationPeriodInDays on the simulated clock; ciphertexts from before still decrypt', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId;
  const off = await aws.kms.send(new GetKeyRotationStatusCommand({ KeyId }));
  await aws.kms.send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays: 90 }));
  const on = await aws.kms.send(new GetKeyRotationStatusCommand({ KeyId }));
  const before = await aws.kms.send(new EncryptCommand({ KeyId, Plaintext: bytes('before') }));

  await aws.emulator.advance('91 days');
  const after = await aws.kms.send(new EncryptCommand({ KeyId, Plaintext: bytes('after') }));
  const rotations = await aws.kms.send(new ListKeyRotationsCommand({ KeyId }));
  const status = await aws.kms.send(new GetKeyRotationStatusCommand({ KeyId }));
  const oldOpened = await aws.kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }));
  const newOpened = await aws.kms.send(new DecryptCommand({ CiphertextBlob: after.CiphertextBlob }));
  await aws.kms.send(new DisableKeyRotationCommand({ KeyId }));
  await aws.emulator.advance('200 days');
  const stopped = await aws.kms.send(new ListKeyRotationsCommand({ KeyId }));

  expect(off).toMatchObject({ KeyRotationEnabled: false, KeyId: KeyMetadata?.Arn });
  expect(on).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 90 });
  expect(on.NextRotationDate?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  expect(rotations.Rotations).toEqual([
    { KeyId, RotationDate: new Date('2026-04-01T00:00:00.000Z'), RotationType: 'AUTOMATIC' },
  ]);
  expect(status.NextRotationDate?.toISOString()).toBe('2026-06-30T00:00:00.000Z');
  expect(text(oldOpened.Plaintext)).toBe('before');
  expect(text(newOpened.Plaintext)).toBe('after');
  expect(oldOpened.KeyId).toBe(KeyMetadata?.Arn);
  expect(stopped.Rotations).toHaveLength(1);
});

it('RotateKeyOnDemand rotates now; a period outside 90 to 2560 days and an AWS managed key are refused', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId;
  const before = await aws.kms.send(new EncryptCommand({ KeyId, Plaintext: bytes('x') }));

  const rotated = await aws.kms.send(new RotateKeyOnDemandCommand({ KeyId }));
  const list = await aws.kms.send(new ListKeyRotationsCommand({ KeyId }));
  const opened = await aws.kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }));
  const tooShort = await aws.kms
    .send(new EnableKeyRotationCommand({ KeyId, RotationPeriodInDays: 30 }))
    .catch((e: Error) => e.name);
  const managed = await aws.kms.send(new GetKeyRotationStatusCommand({ KeyId: 'alias/aws/ssm' }));
  const onManaged = await aws.kms
    .send(new EnableKeyRotationCommand({ KeyId: managed.KeyId }))
    .catch((e: Error) => e.name);

  expect(rotated.KeyId).toBe(KeyId);
  expect(list.Rotations?.map((r) => r.RotationType)).toEqual(['ON_DEMAND']);
  expect(text(opened.Plaintext)).toBe('x');
  expect(tooShort).toBe('ValidationException');
  expect(managed).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
  expect(onManaged).toBe('AccessDeniedException');
});
