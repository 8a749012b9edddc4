import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  InvalidKeyId,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { fromBase64 } from '../../../src/aws/core/base64';
import { decryptBlob } from '../../../src/aws/kms/crypto';
import { aliasRecord, createKeyRecord, kmsState } from '../../../src/aws/kms/state';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const get = (Name: string, WithDecryption?: boolean) => aws.ssm.send(new GetParameterCommand({ Name, WithDecryption }));

/** A customer key with an alias, made in the emulator's KMS state (as CreateKey + CreateAlias would). */
function customerKey(alias: string) {
  const ctx = aws.emulator.context();
  const state = kmsState(ctx);
  const key = createKeyRecord(ctx, state, { description: 'test key' });
  state.aliases[alias] = aliasRecord(ctx, alias, key.KeyId);
  return key;
}

describe('SecureString', () => {
  test('without WithDecryption the value is the base64 ciphertext; with it, the plaintext', async () => {
    await aws.ssm.send(new PutParameterCommand({ Name: '/db/password', Value: 's3cr3t!', Type: 'SecureString' }));
    const hidden = (await get('/db/password')).Parameter;
    expect(hidden?.Type).toBe('SecureString');
    expect(hidden?.Value).not.toContain('s3cr3t');
    expect(hidden?.Value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect((await get('/db/password', true)).Parameter?.Value).toBe('s3cr3t!');
  });

  test('the ciphertext is real KMS ciphertext under alias/aws/ssm with the PARAMETER_ARN context', async () => {
    await aws.ssm.send(new PutParameterCommand({ Name: '/db/password', Value: 'pw', Type: 'SecureString' }));
    const blob = fromBase64((await get('/db/password')).Parameter?.Value ?? '');
    const ctx = aws.emulator.context();
    const arn = 'arn:aws:ssm:us-east-1:123456789012:parameter/db/password';
    const { plaintext, key } = decryptBlob(ctx, blob, { PARAMETER_ARN: arn });
    expect(new TextDecoder().decode(plaintext)).toBe('pw');
    expect(kmsState(ctx).aliases['alias/aws/ssm']?.TargetKeyId).toBe(key.KeyId);
    expect(() => decryptBlob(ctx, blob, {})).toThrow();
  });

  test('KeyId defaults to alias/aws/ssm and a custom alias is reported as given', async () => {
    customerKey('alias/pettracker');
    await aws.ssm.send(new PutParameterCommand({ Name: '/a', Value: '1', Type: 'SecureString' }));
    await aws.ssm.send(
      new PutParameterCommand({ Name: '/b', Value: '2', Type: 'SecureString', KeyId: 'alias/pettracker' }),
    );
    const { Parameters } = await aws.ssm.send(new DescribeParametersCommand({}));
    expect(Parameters?.map((p) => [p.Name, p.KeyId])).toEqual([
      ['/a', 'alias/aws/ssm'],
      ['/b', 'alias/pettracker'],
    ]);
    expect((await get('/b', true)).Parameter?.Value).toBe('2');
  });

  test('a key given by id or ARN works too', async () => {
    const key = customerKey('alias/other');
    await aws.ssm.send(new PutParameterCommand({ Name: '/by-id', Value: 'x', Type: 'SecureString', KeyId: key.KeyId }));
    await aws.ssm.send(new PutParameterCommand({ Name: '/by-arn', Value: 'y', Type: 'SecureString', KeyId: key.Arn }));
    expect((await get('/by-id', true)).Parameter?.Value).toBe('x');
    expect((await get('/by-arn', true)).Parameter?.Value).toBe('y');
  });

  test('a missing key is InvalidKeyId quoting the KMS NotFoundException', async () => {
    const err = await aws.ssm
      .send(new PutParameterCommand({ Name: '/a', Value: '1', Type: 'SecureString', KeyId: 'alias/nope' }))
      .catch((e) => e);
    expect(err).toBeInstanceOf(InvalidKeyId);
    expect(err.message).toContain('Error Code: NotFoundException');
    await expect(get('/a')).rejects.toMatchObject({ name: 'ParameterNotFound' });
  });

  test('a disabled key fails encryption and decryption with InvalidKeyId', async () => {
    const key = customerKey('alias/soon-off');
    await aws.ssm.send(
      new PutParameterCommand({ Name: '/a', Value: '1', Type: 'SecureString', KeyId: 'alias/soon-off' }),
    );
    key.KeyState = 'Disabled';
    const read = await get('/a', true).catch((e) => e);
    expect(read).toBeInstanceOf(InvalidKeyId);
    expect(read.message).toContain('DisabledException');
    expect((await get('/a')).Parameter?.Value).toBeTruthy();
    const write = await aws.ssm
      .send(new PutParameterCommand({ Name: '/b', Value: '1', Type: 'SecureString', KeyId: 'alias/soon-off' }))
      .catch((e) => e);
    expect(write.name).toBe('InvalidKeyId');
  });

  test('an overwrite without KeyId keeps the key; history decrypts every version', async () => {
    customerKey('alias/app');
    await aws.ssm.send(new PutParameterCommand({ Name: '/s', Value: 'v1', Type: 'SecureString', KeyId: 'alias/app' }));
    await aws.ssm.send(new PutParameterCommand({ Name: '/s', Value: 'v2', Overwrite: true }));
    const { Parameters } = await aws.ssm.send(new GetParameterHistoryCommand({ Name: '/s', WithDecryption: true }));
    expect(Parameters?.map((p) => [p.Value, p.KeyId])).toEqual([
      ['v1', 'alias/app'],
      ['v2', 'alias/app'],
    ]);
  });
});
