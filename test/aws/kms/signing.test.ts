import { constants, createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import {
  CreateGrantCommand,
  CreateKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetPublicKeyCommand,
  SignCommand,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { clients, useEmulator } from '../../support/aws';

/** Asymmetric signing keys through the real SDK; signatures checked independently with node:crypto. */
const aws = useEmulator();
const bytes = (text: string) => new TextEncoder().encode(text);
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: Error) => `${e.name}: ${e.message}`,
  );
const publicKeyOf = async (KeyId: string) => {
  const { PublicKey } = await aws.kms.send(new GetPublicKeyCommand({ KeyId }));
  return createPublicKey({ key: Buffer.from(PublicKey ?? []), format: 'der', type: 'spki' });
};

describe('asymmetric signing keys', () => {
  it('ECC_NIST_P256: Sign gives a DER ECDSA signature that Verify and OpenSSL accept; a changed message fails', async () => {
    const { KeyMetadata } = await aws.kms.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
    );
    const KeyId = KeyMetadata?.KeyId ?? '';
    const message = bytes('release v1.2.3');

    const signed = await aws.kms.send(new SignCommand({ KeyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' }));
    const verified = await aws.kms.send(
      new VerifyCommand({ KeyId, Message: message, Signature: signed.Signature, SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    const tampered = await outcome(
      aws.kms.send(
        new VerifyCommand({
          KeyId,
          Message: bytes('release v6.6.6'),
          Signature: signed.Signature,
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
    );
    const publicKey = await aws.kms.send(new GetPublicKeyCommand({ KeyId }));
    const openssl = nodeVerify('sha256', message, await publicKeyOf(KeyId), Buffer.from(signed.Signature ?? []));

    expect(KeyMetadata).toMatchObject({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    expect(KeyMetadata?.EncryptionAlgorithms).toBeUndefined();
    expect(signed).toMatchObject({ KeyId: KeyMetadata?.Arn, SigningAlgorithm: 'ECDSA_SHA_256' });
    expect(signed.Signature?.[0]).toBe(0x30); // a DER SEQUENCE, as KMS returns ECDSA signatures
    expect(verified).toMatchObject({ SignatureValid: true, KeyId: KeyMetadata?.Arn });
    expect(tampered).toMatch(/^KMSInvalidSignatureException/);
    expect(publicKey).toMatchObject({
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      SigningAlgorithms: ['ECDSA_SHA_256'],
    });
    expect(openssl).toBe(true);
  });

  it('ECC_NIST_P384, MessageType DIGEST: a signed digest verifies as the message (and back); OpenSSL agrees', async () => {
    const { KeyMetadata } = await aws.kms.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_P384', KeyUsage: 'SIGN_VERIFY' }),
    );
    const KeyId = KeyMetadata?.KeyId ?? '';
    const SigningAlgorithm = 'ECDSA_SHA_384';
    const message = bytes('a release too large to send');
    const digest = createHash('sha384').update(message).digest();

    const fromDigest = await aws.kms.send(
      new SignCommand({ KeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm }),
    );
    const fromMessage = await aws.kms.send(new SignCommand({ KeyId, Message: message, SigningAlgorithm }));
    const asRaw = await aws.kms.send(
      new VerifyCommand({ KeyId, Message: message, Signature: fromDigest.Signature, SigningAlgorithm }),
    );
    const asDigest = await aws.kms.send(
      new VerifyCommand({
        KeyId,
        Message: digest,
        MessageType: 'DIGEST',
        Signature: fromMessage.Signature,
        SigningAlgorithm,
      }),
    );
    const otherDigest = await outcome(
      aws.kms.send(
        new VerifyCommand({
          KeyId,
          Message: createHash('sha384').update('another release').digest(),
          MessageType: 'DIGEST',
          Signature: fromDigest.Signature,
          SigningAlgorithm,
        }),
      ),
    );

    expect(fromDigest.Signature?.[0]).toBe(0x30);
    expect(asRaw.SignatureValid).toBe(true);
    expect(asDigest.SignatureValid).toBe(true);
    expect(otherDigest).toMatch(/^KMSInvalidSignatureException/);
    expect(nodeVerify('sha384', message, await publicKeyOf(KeyId), Buffer.from(fromDigest.Signature ?? []))).toBe(true);
  });

  it('RSA_2048: PSS and PKCS #1 v1.5 signatures, of a message or its DIGEST, verify outside KMS; a grant lets a user sign', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }));
    const KeyId = KeyMetadata?.KeyId ?? '';
    await aws.iam.send(new CreateUserCommand({ UserName: 'ci' }));
    const { AccessKey } = await aws.iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
    const ci = clients({
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    });
    const message = bytes('artifact digest');
    const before = await outcome(
      ci.kms.send(new SignCommand({ KeyId, Message: message, SigningAlgorithm: 'RSASSA_PSS_SHA_256' })),
    );
    await aws.kms.send(
      new CreateGrantCommand({ KeyId, GranteePrincipal: 'arn:aws:iam::123456789012:user/ci', Operations: ['Sign'] }),
    );

    const pss = await ci.kms.send(new SignCommand({ KeyId, Message: message, SigningAlgorithm: 'RSASSA_PSS_SHA_256' }));
    const pkcs1 = await aws.kms.send(
      new SignCommand({ KeyId, Message: message, SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_512' }),
    );
    const key = await publicKeyOf(KeyId);
    // MessageType DIGEST: the hash is signed as given, and the signature is one over the message.
    const sha256 = createHash('sha256').update(message).digest();
    const pssOfDigest = await aws.kms.send(
      new SignCommand({ KeyId, Message: sha256, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PSS_SHA_256' }),
    );
    const pkcs1OfDigest = await aws.kms.send(
      new SignCommand({
        KeyId,
        Message: createHash('sha512').update(message).digest(),
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_512',
      }),
    );
    const otherDigest = await outcome(
      aws.kms.send(
        new VerifyCommand({
          KeyId,
          Message: createHash('sha256').update('another artifact').digest(),
          MessageType: 'DIGEST',
          Signature: pssOfDigest.Signature,
          SigningAlgorithm: 'RSASSA_PSS_SHA_256',
        }),
      ),
    );
    const rawAsDigest = await aws.kms.send(
      new VerifyCommand({
        KeyId,
        Message: sha256,
        MessageType: 'DIGEST',
        Signature: pss.Signature,
        SigningAlgorithm: 'RSASSA_PSS_SHA_256',
      }),
    );

    expect(before).toMatch(/^AccessDeniedException: .*kms:Sign/);
    expect(rawAsDigest.SignatureValid).toBe(true);
    expect(otherDigest).toMatch(/^KMSInvalidSignatureException/);
    const pssOptions = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    expect(nodeVerify('sha256', message, pssOptions, Buffer.from(pssOfDigest.Signature ?? []))).toBe(true);
    expect(nodeVerify('sha512', message, key, Buffer.from(pkcs1OfDigest.Signature ?? []))).toBe(true);
    expect(KeyMetadata?.SigningAlgorithms).toContain('RSASSA_PKCS1_V1_5_SHA_256');
    expect(
      nodeVerify(
        'sha256',
        message,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        Buffer.from(pss.Signature ?? []),
      ),
    ).toBe(true);
    expect(nodeVerify('sha512', message, key, Buffer.from(pkcs1.Signature ?? []))).toBe(true);
    expect(pss.Signature).toHaveLength(256);
  });

  it('each key does only what its usage and spec allow, with KMS error names', async () => {
    const { KeyMetadata: signing } = await aws.kms.send(
      new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
    );
    const { KeyMetadata: symmetric } = await aws.kms.send(new CreateKeyCommand({}));
    const message = bytes('m');

    const encrypt = await outcome(aws.kms.send(new EncryptCommand({ KeyId: signing?.KeyId, Plaintext: message })));
    const signSymmetric = await outcome(
      aws.kms.send(new SignCommand({ KeyId: symmetric?.KeyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_256' })),
    );
    const wrongHash = await outcome(
      aws.kms.send(new SignCommand({ KeyId: signing?.KeyId, Message: message, SigningAlgorithm: 'ECDSA_SHA_384' })),
    );
    const digest = await outcome(
      aws.kms.send(
        new SignCommand({
          KeyId: signing?.KeyId,
          Message: new Uint8Array(31),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
    );
    const noPublicKey = await outcome(aws.kms.send(new GetPublicKeyCommand({ KeyId: symmetric?.KeyId })));
    const rotation = await outcome(aws.kms.send(new EnableKeyRotationCommand({ KeyId: signing?.KeyId })));
    const secp256k1 = await outcome(
      aws.kms.send(new CreateKeyCommand({ KeySpec: 'ECC_SECG_P256K1', KeyUsage: 'SIGN_VERIFY' })),
    );
    const garbage = await outcome(
      aws.kms.send(
        new VerifyCommand({
          KeyId: signing?.KeyId,
          Message: message,
          Signature: bytes('not der'),
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      ),
    );

    expect(encrypt).toBe(
      `InvalidKeyUsageException: ${signing?.Arn} key usage is SIGN_VERIFY which is not valid for Encrypt.`,
    );
    expect(signSymmetric).toBe(
      `InvalidKeyUsageException: ${symmetric?.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`,
    );
    expect(wrongHash).toMatch(/^InvalidKeyUsageException: /);
    expect(digest).toBe('ValidationException: Digest is invalid length for algorithm ECDSA_SHA_256.');
    expect(noPublicKey).toMatch(/^UnsupportedOperationException: /);
    expect(rotation).toMatch(/^UnsupportedOperationException: /);
    expect(secp256k1).toMatch(/^UnsupportedOperationException: /);
    expect(garbage).toMatch(/^KMSInvalidSignatureException/);
  });
});
