import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateRandomCommand,
  GetKeyPolicyCommand,
  ListKeyPoliciesCommand,
  ListKeysCommand,
  PutKeyPolicyCommand,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { clients, useEmulator } from '../../support/aws';

/** Key policies (stored and enforced), ReEncrypt and GenerateRandom, through the real SDK. */
const aws = useEmulator();
const ACCOUNT = '123456789012';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const bytes = (text: string) => new TextEncoder().encode(text);
const refused = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: Error) => `${e.name}: ${e.message}`,
  );

async function user(name: string, ...statements: object[]) {
  await aws.iam.send(new CreateUserCommand({ UserName: name }));
  if (statements.length)
    await aws.iam.send(
      new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: doc(...statements) }),
    );
  const { AccessKey } = await aws.iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return clients({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' });
}

describe('key policies', () => {
  it('a new key has the default policy; a policy that names one user is enforced over IAM', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    const KeyId = KeyMetadata?.KeyId;
    const before = await aws.kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }));
    const alice = await user('alice');
    const bob = await user('bob', { Effect: 'Allow', Action: 'kms:*', Resource: '*' });
    const bobBefore = await refused(bob.kms.send(new EncryptCommand({ KeyId, Plaintext: bytes('x') })));

    await aws.kms.send(
      new PutKeyPolicyCommand({
        KeyId,
        PolicyName: 'default',
        // It locks the administrator out on purpose: the lockout safety check would refuse it.
        BypassPolicyLockoutSafetyCheck: true,
        Policy: doc({
          Sid: 'alice only',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
          Action: ['kms:Encrypt', 'kms:Decrypt'],
          Resource: '*',
        }),
      }),
    );
    const after = await aws.kms.send(new GetKeyPolicyCommand({ KeyId }));
    const sealed = await alice.kms.send(new EncryptCommand({ KeyId, Plaintext: bytes('for alice') }));
    const opened = await alice.kms.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob }));
    const bobAfter = await refused(bob.kms.send(new EncryptCommand({ KeyId, Plaintext: bytes('x') })));
    const aliceDescribe = await refused(alice.kms.send(new DescribeKeyCommand({ KeyId })));
    const names = await aws.kms.send(new ListKeyPoliciesCommand({ KeyId }));

    expect(JSON.parse(before.Policy ?? '').Statement[0]).toMatchObject({
      Sid: 'Enable IAM User Permissions',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
    });
    expect(before.PolicyName).toBe('default');
    expect(bobBefore).toBe('allowed');
    expect(JSON.parse(after.Policy ?? '').Statement[0].Sid).toBe('alice only');
    expect(new TextDecoder().decode(opened.Plaintext)).toBe('for alice');
    expect(bobAfter).toBe(
      `AccessDeniedException: User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: kms:Encrypt on resource: ${KeyMetadata?.Arn} because no resource-based policy allows the kms:Encrypt action`,
    );
    expect(aliceDescribe).toMatch(/^AccessDeniedException: .* kms:DescribeKey/);
    expect(names.PolicyNames).toEqual(['default']);
  });

  it('a malformed policy, another policy name or an AWS managed key is refused', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    const KeyId = KeyMetadata?.KeyId;
    const { KeyMetadata: managed } = await aws.kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ssm' }));
    const anyone = doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' });

    const notJson = await refused(aws.kms.send(new PutKeyPolicyCommand({ KeyId, Policy: '{' })));
    const noPrincipal = await refused(
      aws.kms.send(
        new PutKeyPolicyCommand({ KeyId, Policy: doc({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }) }),
      ),
    );
    const otherName = await refused(aws.kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'mine' })));
    const onManaged = await refused(aws.kms.send(new PutKeyPolicyCommand({ KeyId: managed?.KeyId, Policy: anyone })));
    const atCreate = await refused(aws.kms.send(new CreateKeyCommand({ Policy: 'nope' })));

    expect(notJson).toMatch(/^MalformedPolicyDocumentException: /);
    expect(noPrincipal).toMatch(/^MalformedPolicyDocumentException: /);
    expect(otherName).toBe('NotFoundException: No such policy exists: mine');
    expect(onManaged).toMatch(/^AccessDeniedException: /);
    expect(atCreate).toMatch(/^MalformedPolicyDocumentException: /);
  });
});

describe('the key policy lockout safety check', () => {
  it('refuses a policy that would stop the caller from changing it again, unless bypassed', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    const KeyId = KeyMetadata?.KeyId;
    const aliceOnly = doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
      Action: 'kms:*',
      Resource: '*',
    });
    const keyAdmin = await user('keyadmin', { Effect: 'Allow', Action: 'kms:*', Resource: '*' });
    const keysBefore = (await aws.kms.send(new ListKeysCommand({}))).Keys?.length;

    const put = await refused(aws.kms.send(new PutKeyPolicyCommand({ KeyId, Policy: aliceOnly })));
    const kept = await aws.kms.send(new GetKeyPolicyCommand({ KeyId }));
    const create = await refused(aws.kms.send(new CreateKeyCommand({ Policy: aliceOnly })));
    const keysAfter = (await aws.kms.send(new ListKeysCommand({}))).Keys?.length;
    const bypassed = await refused(
      aws.kms.send(new CreateKeyCommand({ Policy: aliceOnly, BypassPolicyLockoutSafetyCheck: true })),
    );
    const encryptOnly = await refused(
      keyAdmin.kms.send(
        new CreateKeyCommand({
          Policy: doc({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/keyadmin` },
            Action: 'kms:Encrypt',
            Resource: '*',
          }),
        }),
      ),
    );
    const delegated = await refused(
      keyAdmin.kms.send(
        new CreateKeyCommand({
          Policy: doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'kms:*', Resource: '*' }),
        }),
      ),
    );

    expect(put).toBe(
      'MalformedPolicyDocumentException: The new key policy will not allow you to update the key policy in the future.',
    );
    expect(JSON.parse(kept.Policy ?? '').Statement[0].Sid).toBe('Enable IAM User Permissions');
    expect(create).toMatch(/^MalformedPolicyDocumentException: The new key policy will not allow/);
    expect(keysAfter).toBe(keysBefore);
    expect(bypassed).toBe('allowed');
    expect(encryptOnly).toMatch(/^MalformedPolicyDocumentException: /);
    expect(delegated).toBe('allowed');
  });
});

describe('ReEncrypt and GenerateRandom', () => {
  it('moves a ciphertext to another key and context without revealing it; needs ReEncryptFrom and ReEncryptTo', async () => {
    const { KeyMetadata: a } = await aws.kms.send(new CreateKeyCommand({}));
    const { KeyMetadata: b } = await aws.kms.send(new CreateKeyCommand({}));
    const sealed = await aws.kms.send(
      new EncryptCommand({ KeyId: a?.KeyId, Plaintext: bytes('pet'), EncryptionContext: { petId: '7' } }),
    );
    const fromOnly = await user('mover', { Effect: 'Allow', Action: 'kms:ReEncryptFrom', Resource: a?.Arn });

    const moved = await aws.kms.send(
      new ReEncryptCommand({
        CiphertextBlob: sealed.CiphertextBlob,
        SourceEncryptionContext: { petId: '7' },
        DestinationKeyId: b?.KeyId,
        DestinationEncryptionContext: { petId: '8' },
      }),
    );
    const opened = await aws.kms.send(
      new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob, EncryptionContext: { petId: '8' } }),
    );
    const wrongContext = await refused(
      aws.kms.send(new ReEncryptCommand({ CiphertextBlob: sealed.CiphertextBlob, DestinationKeyId: b?.KeyId })),
    );
    const noTo = await refused(
      fromOnly.kms.send(
        new ReEncryptCommand({
          CiphertextBlob: sealed.CiphertextBlob,
          SourceEncryptionContext: { petId: '7' },
          DestinationKeyId: b?.KeyId,
        }),
      ),
    );

    expect(moved).toMatchObject({
      SourceKeyId: a?.Arn,
      KeyId: b?.Arn,
      DestinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    });
    expect(new TextDecoder().decode(opened.Plaintext)).toBe('pet');
    expect(opened.KeyId).toBe(b?.Arn);
    expect(wrongContext).toMatch(/^InvalidCiphertextException: /);
    expect(noTo).toMatch(new RegExp(`kms:ReEncryptTo on resource: ${b?.Arn}`));
  });

  it('GenerateRandom returns NumberOfBytes random bytes (1 to 1024)', async () => {
    const one = await aws.kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
    const two = await aws.kms.send(new GenerateRandomCommand({ NumberOfBytes: 32 }));
    const tooMany = await refused(aws.kms.send(new GenerateRandomCommand({ NumberOfBytes: 1025 })));
    const none = await refused(aws.kms.send(new GenerateRandomCommand({})));

    expect(one.Plaintext).toHaveLength(32);
    expect(one.Plaintext).not.toEqual(two.Plaintext);
    expect(tooMany).toMatch(/^ValidationException: .*numberOfBytes.*less than or equal to 1024/);
    expect(none).toMatch(/^ValidationException: /);
  });
});
