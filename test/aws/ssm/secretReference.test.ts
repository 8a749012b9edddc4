import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import {
  GetParameterCommand,
  GetParametersCommand,
  ParameterNotFound,
  PutParameterCommand,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const REF = '/aws/reference/secretsmanager/';
const get = (Name: string, WithDecryption?: boolean) => aws.ssm.send(new GetParameterCommand({ Name, WithDecryption }));

async function secret(name: string, value: string) {
  return aws.sm.send(new CreateSecretCommand({ Name: name, SecretString: value }));
}

describe('/aws/reference/secretsmanager/<name>', () => {
  test('returns the current secret value as a SecureString', async () => {
    const created = await secret('pettracker/dev/db', '{"user":"app","password":"pw"}');
    const { Parameter } = await get(`${REF}pettracker/dev/db`, true);
    expect(Parameter).toMatchObject({
      Name: `${REF}pettracker/dev/db`,
      Type: 'SecureString',
      Value: '{"user":"app","password":"pw"}',
      Version: 0,
      ARN: created.ARN,
    });
    expect(Parameter?.DataType).toBeUndefined();
    expect(JSON.parse(Parameter?.SourceResult ?? '{}')).toMatchObject({
      ARN: created.ARN,
      name: 'pettracker/dev/db',
      versionId: created.VersionId,
      versionStages: ['AWSCURRENT'],
    });
  });

  test('needs WithDecryption=true, even for a secret that does not exist', async () => {
    await secret('app', 'v');
    for (const name of [`${REF}app`, `${REF}missing`]) {
      const err = await get(name).catch((e) => e);
      expect(err).toBeInstanceOf(ValidationException);
      expect(err.message).toBe('WithDecryption flag must be True for retrieving a Secret Manager secret.');
    }
  });

  test('a missing secret is ParameterNotFound', async () => {
    const err = await get(`${REF}missing`, true).catch((e) => e);
    expect(err).toBeInstanceOf(ParameterNotFound);
    expect(err.message).toContain('when referencing Secrets Manager');
  });

  test('a staging label or VersionId selects a version', async () => {
    const first = await secret('app', 'one');
    await aws.sm.send(new PutSecretValueCommand({ SecretId: 'app', SecretString: 'two' }));
    expect((await get(`${REF}app`, true)).Parameter?.Value).toBe('two');
    const previous = (await get(`${REF}app:AWSPREVIOUS`, true)).Parameter;
    expect(previous).toMatchObject({ Value: 'one', Selector: ':AWSPREVIOUS', Name: `${REF}app` });
    expect((await get(`${REF}app:${first.VersionId}`, true)).Parameter?.Value).toBe('one');
    await expect(get(`${REF}app:NOSUCHSTAGE`, true)).rejects.toBeInstanceOf(ParameterNotFound);
  });

  test('reading through SSM counts as an access to the secret', async () => {
    await secret('app', 'v');
    aws.emulator.clock.advance(2 * 86_400_000);
    await get(`${REF}app`, true);
    const described = await aws.sm.send(new DescribeSecretCommand({ SecretId: 'app' }));
    expect(described.LastAccessedDate).toEqual(new Date(Date.UTC(2026, 0, 3)));
  });

  test('a secret scheduled for deletion is a ValidationException', async () => {
    await secret('app', 'v');
    await aws.sm.send(new DeleteSecretCommand({ SecretId: 'app', RecoveryWindowInDays: 7 }));
    const err = await get(`${REF}app`, true).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationException);
  });

  test('GetParameters mixes references and parameters; unreadable references are InvalidParameters', async () => {
    await secret('app', 'secret-value');
    await aws.ssm.send(new PutParameterCommand({ Name: '/plain', Value: 'plain', Type: 'String' }));
    const withDecryption = await aws.ssm.send(
      new GetParametersCommand({ Names: [`${REF}app`, '/plain', `${REF}nope`], WithDecryption: true }),
    );
    expect(withDecryption.Parameters?.map((p) => p.Value)).toEqual(['secret-value', 'plain']);
    expect(withDecryption.InvalidParameters).toEqual([`${REF}nope`]);
    const without = await aws.ssm.send(new GetParametersCommand({ Names: [`${REF}app`, '/plain'] }));
    expect(without.Parameters?.map((p) => p.Value)).toEqual(['plain']);
    expect(without.InvalidParameters).toEqual([`${REF}app`]);
  });

  test('a reference cannot be written: the /aws namespace is reserved', async () => {
    const err = await aws.ssm
      .send(new PutParameterCommand({ Name: `${REF}app`, Value: 'v', Type: 'SecureString' }))
      .catch((e) => e);
    expect(err.name).toBe('AccessDeniedException');
  });
});
