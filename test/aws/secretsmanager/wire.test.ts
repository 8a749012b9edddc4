import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleAwsJson } from '../../../src/aws/protocol/json';
import { secretsManager } from '../../../src/aws/secretsmanager';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();

/** A raw AWS JSON 1.1 request, as curl or a hand-written client sends it (no SDK defaults). */
async function call(operation: string, body: unknown) {
  const res = await handleAwsJson(aws.emulator, {
    method: 'POST',
    target: `secretsmanager.${operation}`,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
}

describe('Secrets Manager on the wire', () => {
  it('answers dates as epoch seconds', async () => {
    await call('CreateSecret', { Name: 's', SecretString: 'v', ClientRequestToken: 'a'.repeat(32) });
    const d = await call('DescribeSecret', { SecretId: 's' });
    expect(d.body.CreatedDate).toBe(Date.UTC(2026, 0, 1) / 1000);
  });

  it('requires a ClientRequestToken when a request creates a version', async () => {
    const res = await call('CreateSecret', { Name: 's', SecretString: 'v' });
    expect(res).toEqual({
      status: 400,
      body: {
        __type: 'InvalidRequestException',
        message: 'You must provide a ClientRequestToken value. We recommend a UUID-type value.',
      },
    });
    expect((await call('CreateSecret', { Name: 'no-value' })).status).toBe(200);
  });

  it('checks the ClientRequestToken length (32–64)', async () => {
    const res = await call('CreateSecret', { Name: 's', SecretString: 'v', ClientRequestToken: 'short' });
    expect(res.body.__type).toBe('ValidationException');
    expect(res.body.message).toMatch(/clientRequestToken.*greater than or equal to 32/);
  });

  it('answers a value of the wrong JSON type with SerializationException', async () => {
    expect((await call('GetSecretValue', { SecretId: 42 })).body.__type).toBe('SerializationException');
    expect(
      (await call('CreateSecret', { Name: 's', SecretBinary: '%%%', ClientRequestToken: 'a'.repeat(32) })).body.__type,
    ).toBe('SerializationException');
  });

  it('names a missing required member the way AWS does', async () => {
    const res = await call('GetSecretValue', {});
    expect(res.body).toEqual({
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('never fails with a 500 on arbitrary input to any operation', async () => {
    const operations = Object.keys(secretsManager.operations);
    await call('CreateSecret', { Name: 'fuzz', SecretString: 'v', ClientRequestToken: 'b'.repeat(32) });
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.object(),
    );
    const field = fc.constantFrom(
      'SecretId',
      'Name',
      'SecretString',
      'SecretBinary',
      'VersionId',
      'VersionStage',
      'VersionStages',
      'Filters',
      'MaxResults',
      'NextToken',
      'Tags',
      'TagKeys',
      'RotationRules',
      'RecoveryWindowInDays',
      'ForceDeleteWithoutRecovery',
      'PasswordLength',
      'ExcludeCharacters',
      'ResourcePolicy',
      'SecretIdList',
      'MoveToVersionId',
      'RemoveFromVersionId',
      'ClientRequestToken',
      'KmsKeyId',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), fc.dictionary(field, value), async (operation, body) => {
        const res = await call(operation, body);
        expect(res.status === 200 || (res.status === 400 && typeof res.body.__type === 'string')).toBe(true);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
