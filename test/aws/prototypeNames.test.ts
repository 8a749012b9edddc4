import { CreateKeyCommand, DecryptCommand, EncryptCommand, InvalidCiphertextException } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
} from '@aws-sdk/client-secrets-manager';
import {
  DeleteParameterCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  ListTagsForResourceCommand,
  ParameterNotFound,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/aws';

/**
 * Names that exist on Object.prototype are ordinary names to AWS. Every store keyed by outside input
 * is a null-prototype map, so they are kept, found and deleted like any other (and Object.prototype
 * is never touched).
 */
const aws = useEmulator();
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('names that exist on Object.prototype', () => {
  it('are SSM parameters like any other: put, get, history, describe, tags, delete', async () => {
    for (const name of NAMES) {
      const put = await aws.ssm.send(
        new PutParameterCommand({ Name: name, Value: `v-${name}`, Type: 'String', Tags: [{ Key: 'k', Value: name }] }),
      );
      const got = await aws.ssm.send(new GetParameterCommand({ Name: name }));
      const history = await aws.ssm.send(new GetParameterHistoryCommand({ Name: name }));
      const tags = await aws.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: name }));
      const described = await aws.ssm.send(
        new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: [name] }] }),
      );
      await aws.ssm.send(new DeleteParameterCommand({ Name: name }));
      const gone = await aws.ssm.send(new GetParameterCommand({ Name: name })).catch((e) => e);

      expect(put.Version, name).toBe(1);
      expect(got.Parameter, name).toMatchObject({ Name: name, Value: `v-${name}` });
      expect(
        history.Parameters?.map((p) => p.Value),
        name,
      ).toEqual([`v-${name}`]);
      expect(tags.TagList, name).toEqual([{ Key: 'k', Value: name }]);
      expect(
        described.Parameters?.map((p) => p.Name),
        name,
      ).toEqual([name]);
      expect(gone, name).toBeInstanceOf(ParameterNotFound);
    }
    expect(({} as Record<string, unknown>).Value).toBeUndefined();
  });

  it('are secrets like any other: create, read, list, describe, delete', async () => {
    for (const name of NAMES) {
      await aws.sm.send(new CreateSecretCommand({ Name: name, SecretString: `s-${name}` }));
    }
    const values = await Promise.all(
      NAMES.map(async (name) => (await aws.sm.send(new GetSecretValueCommand({ SecretId: name }))).SecretString),
    );
    const listed = await aws.sm.send(new ListSecretsCommand({}));
    await aws.sm.send(new DeleteSecretCommand({ SecretId: '__proto__', RecoveryWindowInDays: 7 }));
    const scheduled = await aws.sm.send(new DescribeSecretCommand({ SecretId: '__proto__' }));

    expect(values).toEqual(NAMES.map((n) => `s-${n}`));
    expect(listed.SecretList?.map((s) => s.Name).sort()).toEqual([...NAMES].sort());
    expect(scheduled.DeletedDate).toBeInstanceOf(Date);
  });

  it('an encryption context key __proto__ is bound to the ciphertext like any other key', async () => {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    const context = JSON.parse('{"__proto__":"tenant-a"}') as Record<string, string>;
    const other = JSON.parse('{"__proto__":"tenant-b"}') as Record<string, string>;

    const { CiphertextBlob } = await aws.kms.send(
      new EncryptCommand({
        KeyId: KeyMetadata?.KeyId,
        Plaintext: new TextEncoder().encode('x'),
        EncryptionContext: context,
      }),
    );
    const withoutContext = await aws.kms.send(new DecryptCommand({ CiphertextBlob })).catch((e) => e);
    const withOther = await aws.kms
      .send(new DecryptCommand({ CiphertextBlob, EncryptionContext: other }))
      .catch((e) => e);
    const right = await aws.kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }));

    expect(withoutContext).toBeInstanceOf(InvalidCiphertextException);
    expect(withOther).toBeInstanceOf(InvalidCiphertextException);
    expect(new TextDecoder().decode(right.Plaintext)).toBe('x');
  });
});
