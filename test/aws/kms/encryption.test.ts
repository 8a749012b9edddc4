import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  InvalidCiphertextException,
} from '@aws-sdk/client-kms';
import { expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const newKey = async () => (await aws.kms.send(new CreateKeyCommand({}))).KeyMetadata!;

test('Encrypt then Decrypt round-trips; Decrypt finds the key from the ciphertext alone', async () => {
  const key = await newKey();
  await aws.kms.send(new CreateAliasCommand({ AliasName: 'alias/pettracker', TargetKeyId: key.KeyId }));

  const enc = await aws.kms.send(new EncryptCommand({ KeyId: 'alias/pettracker', Plaintext: bytes('sk_live_xxx') }));
  const dec = await aws.kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));

  expect(enc.KeyId).toBe(key.Arn);
  expect(enc.EncryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
  expect(text(enc.CiphertextBlob)).not.toContain('sk_live_xxx');
  expect(text(dec.Plaintext)).toBe('sk_live_xxx');
  expect(dec.KeyId).toBe(key.Arn);
});

test('the EncryptionContext must match exactly to decrypt', async () => {
  const key = await newKey();
  const EncryptionContext = { app: 'pettracker', env: 'prod' };
  const { CiphertextBlob } = await aws.kms.send(
    new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x'), EncryptionContext }),
  );

  const ok = await aws.kms.send(
    new DecryptCommand({ CiphertextBlob, EncryptionContext: { env: 'prod', app: 'pettracker' } }),
  );
  expect(text(ok.Plaintext)).toBe('x');
  await expect(aws.kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toBeInstanceOf(InvalidCiphertextException);
  await expect(
    aws.kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { app: 'pettracker', env: 'dev' } })),
  ).rejects.toMatchObject({ name: 'InvalidCiphertextException' });
});

test('a tampered or foreign ciphertext is an InvalidCiphertextException', async () => {
  const key = await newKey();
  const { CiphertextBlob } = await aws.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('secret') }));
  const tampered = Uint8Array.from(CiphertextBlob!);
  tampered[tampered.length - 1]! ^= 1;

  await expect(aws.kms.send(new DecryptCommand({ CiphertextBlob: tampered }))).rejects.toMatchObject({
    name: 'InvalidCiphertextException',
  });
  await expect(aws.kms.send(new DecryptCommand({ CiphertextBlob: bytes('not a kms blob') }))).rejects.toMatchObject({
    name: 'InvalidCiphertextException',
  });
});

test('Decrypt with a KeyId that is not the encrypting key is an IncorrectKeyException', async () => {
  const a = await newKey();
  const b = await newKey();
  const { CiphertextBlob } = await aws.kms.send(new EncryptCommand({ KeyId: a.KeyId, Plaintext: bytes('x') }));

  await expect(aws.kms.send(new DecryptCommand({ CiphertextBlob, KeyId: b.KeyId }))).rejects.toMatchObject({
    name: 'IncorrectKeyException',
  });
  const ok = await aws.kms.send(new DecryptCommand({ CiphertextBlob, KeyId: a.Arn }));
  expect(text(ok.Plaintext)).toBe('x');
});

test('a disabled key can neither encrypt nor decrypt', async () => {
  const key = await newKey();
  const { CiphertextBlob } = await aws.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') }));
  await aws.kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));

  await expect(aws.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') }))).rejects.toMatchObject({
    name: 'DisabledException',
    message: `${key.Arn} is disabled.`,
  });
  await expect(aws.kms.send(new DecryptCommand({ CiphertextBlob }))).rejects.toMatchObject({
    name: 'DisabledException',
  });
});

test('Plaintext must be 1 to 4096 bytes', async () => {
  const key = await newKey();
  await expect(
    aws.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: new Uint8Array(4097) })),
  ).rejects.toMatchObject({
    name: 'ValidationException',
    message:
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
  });
  await expect(
    aws.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: new Uint8Array(4096) })),
  ).resolves.toBeDefined();
});

test('GenerateDataKey returns a plaintext data key and its encrypted copy that Decrypt opens', async () => {
  const key = await newKey();

  const r = await aws.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
  const dec = await aws.kms.send(new DecryptCommand({ CiphertextBlob: r.CiphertextBlob }));
  const short = await aws.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_128' }));
  const sized = await aws.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: 64 }));

  expect(r.Plaintext).toHaveLength(32);
  expect(r.KeyId).toBe(key.Arn);
  expect(dec.Plaintext).toEqual(r.Plaintext);
  expect(short.Plaintext).toHaveLength(16);
  expect(sized.Plaintext).toHaveLength(64);
});

test('GenerateDataKey needs exactly one of KeySpec and NumberOfBytes (1 to 1024)', async () => {
  const key = await newKey();
  const msg = 'Please specify either number of bytes or key spec.';
  await expect(aws.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId }))).rejects.toMatchObject({
    name: 'ValidationException',
    message: msg,
  });
  await expect(
    aws.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256', NumberOfBytes: 32 })),
  ).rejects.toMatchObject({ message: msg });
  await expect(
    aws.kms.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, NumberOfBytes: 1025 })),
  ).rejects.toMatchObject({
    name: 'ValidationException',
    message: expect.stringContaining(
      "at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    ),
  });
});

test('GenerateDataKeyWithoutPlaintext returns only the encrypted data key', async () => {
  const key = await newKey();

  const r = await aws.kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.KeyId, KeySpec: 'AES_256' }));
  const dec = await aws.kms.send(new DecryptCommand({ CiphertextBlob: r.CiphertextBlob }));

  expect('Plaintext' in r).toBe(false);
  expect(r.KeyId).toBe(key.Arn);
  expect(dec.Plaintext).toHaveLength(32);
});

test('the AWS managed key alias/aws/ssm encrypts with no setup', async () => {
  const enc = await aws.kms.send(new EncryptCommand({ KeyId: 'alias/aws/ssm', Plaintext: bytes('p') }));
  const dec = await aws.kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob }));
  expect(text(dec.Plaintext)).toBe('p');
});
