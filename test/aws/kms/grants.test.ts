import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  ListGrantsCommand,
  ListRetirableGrantsCommand,
  PutKeyPolicyCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
} from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator, userWithPolicy } from '../../support/aws';

/** KMS grants through the real SDK: created, listed, enforced (with their constraints), retired and revoked. */
const aws = useEmulator();
const ACCOUNT = '123456789012';
const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const bytes = (text: string) => new TextEncoder().encode(text);
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: Error) => `${e.name}: ${e.message}`,
  );

/** A user with no identity policy unless given statements: only a grant (or the key policy) lets it use a key. */
async function user(name: string, ...Statement: object[]) {
  return (await userClients(name, ...Statement)).kms;
}

function userClients(name: string, ...Statement: object[]) {
  return userWithPolicy(aws.iam, name, ...Statement);
}

async function newKey() {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  return { KeyId: KeyMetadata?.KeyId ?? '', Arn: KeyMetadata?.Arn ?? '' };
}

describe('grants', () => {
  it('a grant alone lets its grantee use the key, only within its operations and encryption context', async () => {
    const key = await newKey();
    const app = await user('app');
    const before = await outcome(app.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') })));

    const grant = await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: userArn('app'),
        Operations: ['Encrypt', 'Decrypt'],
        Constraints: { EncryptionContextSubset: { App: 'pets' } },
        Name: 'app-pets',
      }),
    );
    const sealed = await app.send(
      new EncryptCommand({ KeyId: key.Arn, Plaintext: bytes('pet'), EncryptionContext: { app: 'pets', id: '7' } }),
    );
    const opened = await app.send(
      new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: { app: 'pets', id: '7' } }),
    );
    const otherContext = await outcome(
      app.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x'), EncryptionContext: { app: 'PETS' } })),
    );
    const noContext = await outcome(app.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') })));
    const describe = await outcome(app.send(new DescribeKeyCommand({ KeyId: key.KeyId })));
    const log = aws.emulator.log.entries().filter((e) => e.operation === 'Decrypt' && e.caller === userArn('app'));

    expect(before).toMatch(/^AccessDeniedException: .*kms:Encrypt/);
    expect(grant.GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(grant.GrantToken).toBeTruthy();
    expect(new TextDecoder().decode(opened.Plaintext)).toBe('pet');
    expect(otherContext).toBe(
      `AccessDeniedException: User: ${userArn('app')} is not authorized to perform: kms:Encrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Encrypt action`,
    );
    expect(noContext).toMatch(/^AccessDeniedException: /);
    expect(describe).toMatch(/^AccessDeniedException: .*kms:DescribeKey/);
    expect(log.at(-1)?.authorization?.[0]).toMatchObject({
      decision: 'Allow',
      statement: { policyType: 'grant', policyName: `grant ${grant.GrantId}`, sid: 'app-pets' },
    });
  });

  it('EncryptionContextEquals needs exactly its pairs; a Deny in the key policy beats any grant', async () => {
    const key = await newKey();
    const app = await user('app');
    await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: userArn('app'),
        Operations: ['GenerateDataKey'],
        Constraints: { EncryptionContextEquals: { tenant: 'a' } },
      }),
    );
    const exact = await outcome(
      app.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x'), EncryptionContext: { tenant: 'a' } })),
    );
    const dataKey = (EncryptionContext: Record<string, string>) =>
      outcome(app.send(new GenerateDataKeyCommand({ KeyId: key.KeyId, KeySpec: 'AES_256', EncryptionContext })));
    const equal = await dataKey({ tenant: 'a' });
    const extra = await dataKey({ tenant: 'a', more: '1' });

    await aws.kms.send(
      new PutKeyPolicyCommand({
        KeyId: key.KeyId,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
            { Sid: 'NoApp', Effect: 'Deny', Principal: { AWS: userArn('app') }, Action: 'kms:*', Resource: '*' },
          ],
        }),
      }),
    );
    const denied = await dataKey({ tenant: 'a' });

    expect(exact).toMatch(/^AccessDeniedException: .*kms:Encrypt/);
    expect(equal).toBe('allowed');
    expect(extra).toMatch(/^AccessDeniedException: /);
    expect(denied).toMatch(/with an explicit deny in a resource-based policy$/);
  });

  it('lists grants; retiring and revoking end them; only the grant names who may retire it', async () => {
    const key = await newKey();
    const app = await user('app');
    const ops = await user('ops');
    const retirable = await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: userArn('app'),
        RetiringPrincipal: userArn('ops'),
        Operations: ['Encrypt'],
      }),
    );
    const revocable = await aws.kms.send(
      new CreateGrantCommand({ KeyId: key.Arn, GranteePrincipal: userArn('app'), Operations: ['Decrypt'] }),
    );
    const listed = await aws.kms.send(new ListGrantsCommand({ KeyId: key.KeyId }));
    const page = await aws.kms.send(new ListGrantsCommand({ KeyId: key.KeyId, Limit: 1 }));
    const forOps = await aws.kms.send(new ListRetirableGrantsCommand({ RetiringPrincipal: userArn('ops') }));
    const sealed = await app.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') }));

    const appRetires = await outcome(app.send(new RetireGrantCommand({ GrantToken: retirable.GrantToken })));
    await ops.send(new RetireGrantCommand({ GrantToken: retirable.GrantToken }));
    const afterRetire = await outcome(app.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') })));
    const opened = await outcome(app.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob })));
    await aws.kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: revocable.GrantId }));
    const afterRevoke = await outcome(app.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob })));
    const left = await aws.kms.send(new ListGrantsCommand({ KeyId: key.KeyId }));

    expect(listed.Grants).toHaveLength(2);
    expect(listed.Grants?.[0]).toMatchObject({
      KeyId: key.Arn,
      GrantId: retirable.GrantId,
      GranteePrincipal: userArn('app'),
      RetiringPrincipal: userArn('ops'),
      IssuingAccount: `arn:aws:iam::${ACCOUNT}:root`,
      Operations: ['Encrypt'],
    });
    expect(listed.Grants?.[0]?.CreationDate).toBeInstanceOf(Date);
    expect(page).toMatchObject({ Truncated: true, Grants: [{ GrantId: retirable.GrantId }] });
    expect(forOps.Grants?.map((g) => g.GrantId)).toEqual([retirable.GrantId]);
    expect(appRetires).toMatch(/^AccessDeniedException: .*kms:RetireGrant/);
    expect(afterRetire).toMatch(/^AccessDeniedException: /);
    expect(opened).toBe('allowed');
    expect(afterRevoke).toMatch(/^AccessDeniedException: .*kms:Decrypt/);
    expect(left.Grants).toEqual([]);
  });

  it('a grantee with CreateGrant may pass on no more than it holds; a retried Name gives the same grant', async () => {
    const key = await newKey();
    const app = await user('app');
    await user('worker');
    await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: userArn('app'),
        Operations: ['Decrypt', 'CreateGrant'],
        Constraints: { EncryptionContextSubset: { app: 'pets' } },
      }),
    );
    const ask = (Operations: ('Decrypt' | 'Encrypt')[], Constraints?: Record<string, Record<string, string>>) =>
      outcome(
        app.send(
          new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: userArn('worker'), Operations, Constraints }),
        ),
      );
    const narrower = await ask(['Decrypt'], { EncryptionContextSubset: { app: 'pets', id: '7' } });
    const broaderOps = await ask(['Encrypt']);
    const looser = await ask(['Decrypt']);
    const first = await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: userArn('app'),
        Operations: ['Encrypt'],
        Name: 'n',
      }),
    );
    const again = await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: userArn('app'),
        Operations: ['Encrypt'],
        Name: 'n',
      }),
    );

    expect(narrower).toBe('allowed');
    expect(broaderOps).toMatch(/^AccessDeniedException: .*kms:CreateGrant/);
    expect(looser).toMatch(/^AccessDeniedException: .*kms:CreateGrant/);
    expect(again.GrantId).toBe(first.GrantId);
    expect(again.GrantToken).not.toBe(first.GrantToken);
  });

  it('refuses bad tokens, ids, aliases, operations and constraints with KMS error names', async () => {
    const key = await newKey();
    const grantee = userArn('app');
    const create = (input: Partial<ConstructorParameters<typeof CreateGrantCommand>[0]>) =>
      outcome(
        aws.kms.send(
          new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: grantee, Operations: ['Decrypt'], ...input }),
        ),
      );

    const badToken = await outcome(aws.kms.send(new RetireGrantCommand({ GrantToken: 'bm90IGEgdG9rZW4=' })));
    const badId = await outcome(aws.kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: 'nope' })));
    const missing = await outcome(aws.kms.send(new RevokeGrantCommand({ KeyId: key.KeyId, GrantId: 'a'.repeat(64) })));
    const viaAlias = await create({ KeyId: 'alias/aws/ssm' });
    const unknownOp = await create({ Operations: ['Fly' as 'Decrypt'] });
    const sign = await create({ Operations: ['Sign'] });
    const constrainedSign = await create({
      Operations: ['Verify'],
      Constraints: { EncryptionContextSubset: { a: 'b' } },
    });
    const describeConstrained = await create({
      Operations: ['DescribeKey'],
      Constraints: { EncryptionContextSubset: { a: 'b' } },
    });
    const neither = await outcome(aws.kms.send(new RetireGrantCommand({ GrantId: 'a'.repeat(64) })));

    expect(badToken).toMatch(/^InvalidGrantTokenException: /);
    expect(badId).toMatch(/^InvalidGrantIdException: /);
    expect(missing).toMatch(/^NotFoundException: /);
    expect(viaAlias).toBe("NotFoundException: Invalid keyId 'alias/aws/ssm'");
    expect(unknownOp).toMatch(/^ValidationException: .*operations.*enum value set/);
    expect(sign).toMatch(/^ValidationException: Grant operations Sign /);
    expect(constrainedSign).toMatch(/^ValidationException: Grant constraints /);
    expect(describeConstrained).toBe('allowed');
    expect(neither).toMatch(/^ValidationException: /);
  });

  it('a grant to the account delegates to its principals as far as their IAM policies allow', async () => {
    // A key policy that lets the account manage the key and grants, but not use it.
    const key = await newKey();
    const manage = ['kms:PutKeyPolicy', 'kms:CreateGrant', 'kms:DescribeKey'];
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: manage, Resource: '*' },
      ],
    });
    await aws.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy }));
    const allowed = await user('bob', { Effect: 'Allow', Action: 'kms:Encrypt', Resource: key.Arn });
    const nobody = await user('carol');
    const encrypt = (kms: typeof allowed) =>
      outcome(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') })));
    const before = await encrypt(allowed);

    await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: `arn:aws:iam::${ACCOUNT}:root`,
        Operations: ['Encrypt', 'Decrypt'],
      }),
    );

    expect(before).toMatch(/^AccessDeniedException: .*no resource-based policy allows the kms:Encrypt action/);
    expect(await encrypt(allowed)).toBe('allowed');
    expect(await encrypt(nobody)).toMatch(/^AccessDeniedException: User: arn:aws:iam::123456789012:user\/carol /);
    const { CiphertextBlob } = await aws.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') }));
    // The grant holds Decrypt, but bob's IAM policy does not.
    expect(await outcome(allowed.send(new DecryptCommand({ CiphertextBlob })))).toMatch(/^AccessDeniedException: /);
  });

  it('a grant to a service principal allows the calls that service makes for a caller, not direct calls', async () => {
    const key = await newKey();
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: ['kms:PutKeyPolicy', 'kms:CreateGrant'],
          Resource: '*',
        },
      ],
    });
    await aws.kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy }));
    const { ARN } = await aws.sm.send(
      new CreateSecretCommand({ Name: 'db', SecretString: 's3cr3t', KmsKeyId: key.KeyId }),
    );
    const reader = await userClients(
      'reader',
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ARN },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: key.Arn },
    );
    const read = () => outcome(reader.sm.send(new GetSecretValueCommand({ SecretId: 'db' })));
    const before = await read();

    await aws.kms.send(
      new CreateGrantCommand({
        KeyId: key.KeyId,
        GranteePrincipal: 'secretsmanager.amazonaws.com',
        Operations: ['Decrypt'],
      }),
    );
    const { CiphertextBlob } = await aws.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: bytes('x') }));

    expect(before).toBe('AccessDeniedException: Access to KMS is not allowed');
    expect(await read()).toBe('allowed');
    expect(await outcome(reader.kms.send(new DecryptCommand({ CiphertextBlob })))).toMatch(
      /^AccessDeniedException: .*kms:Decrypt/,
    );
    const listed = await aws.kms.send(new ListGrantsCommand({ KeyId: key.KeyId }));
    expect(listed.Grants?.map((g) => g.GranteePrincipal)).toEqual(['secretsmanager.amazonaws.com']);
  });
});
