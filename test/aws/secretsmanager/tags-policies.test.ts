import {
  DeleteResourcePolicyCommand,
  DescribeSecretCommand,
  GetResourcePolicyCommand,
  MalformedPolicyDocumentException,
  PublicPolicyException,
  PutResourcePolicyCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  ValidateResourcePolicyCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, expectError } from './helpers';

const aws = useEmulator();
const { sm } = aws;

const policy = (principal: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
  });

describe('TagResource / UntagResource', () => {
  it('adds tags, overwrites a key that exists, and removes keys', async () => {
    await createSecret(sm, 's', 'v', { Tags: [{ Key: 'env', Value: 'dev' }] });
    await sm.send(
      new TagResourceCommand({
        SecretId: 's',
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'team', Value: 'core' },
        ],
      }),
    );
    let d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'core' },
    ]);
    await sm.send(new UntagResourceCommand({ SecretId: 's', TagKeys: ['env', 'not-there'] }));
    d = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    expect(d.Tags).toEqual([{ Key: 'team', Value: 'core' }]);
  });

  it('on a missing secret is ResourceNotFoundException', async () => {
    await expectError(
      sm.send(new TagResourceCommand({ SecretId: 'nope', Tags: [{ Key: 'a', Value: 'b' }] })),
      ResourceNotFoundException,
    );
  });
});

describe('resource policies', () => {
  it('puts, gets and deletes a policy', async () => {
    const { ARN } = await createSecret(sm, 's');
    const doc = policy({ AWS: 'arn:aws:iam::123456789012:role/app' });
    expect(await sm.send(new PutResourcePolicyCommand({ SecretId: 's', ResourcePolicy: doc }))).toMatchObject({
      ARN,
      Name: 's',
    });
    expect((await sm.send(new GetResourcePolicyCommand({ SecretId: 's' }))).ResourcePolicy).toBe(doc);
    await sm.send(new DeleteResourcePolicyCommand({ SecretId: 's' }));
    const after = await sm.send(new GetResourcePolicyCommand({ SecretId: 's' }));
    expect(after.ResourcePolicy).toBeUndefined();
    expect(after.Name).toBe('s');
  });

  it('rejects a policy that is not a JSON policy document', async () => {
    await createSecret(sm, 's');
    await expectError(
      sm.send(new PutResourcePolicyCommand({ SecretId: 's', ResourcePolicy: '{not json' })),
      MalformedPolicyDocumentException,
    );
    await expectError(
      sm.send(new PutResourcePolicyCommand({ SecretId: 's', ResourcePolicy: '{"Statement":[{"Effect":"Maybe"}]}' })),
      MalformedPolicyDocumentException,
    );
  });

  it('with BlockPublicPolicy, refuses a policy that grants access to everyone', async () => {
    await createSecret(sm, 's');
    await expectError(
      sm.send(new PutResourcePolicyCommand({ SecretId: 's', ResourcePolicy: policy('*'), BlockPublicPolicy: true })),
      PublicPolicyException,
    );
    await sm.send(new PutResourcePolicyCommand({ SecretId: 's', ResourcePolicy: policy('*') }));
  });

  it('ValidateResourcePolicy reports instead of failing', async () => {
    await createSecret(sm, 's');
    const good = await sm.send(
      new ValidateResourcePolicyCommand({ SecretId: 's', ResourcePolicy: policy({ AWS: '123456789012' }) }),
    );
    expect(good).toMatchObject({ PolicyValidationPassed: true, ValidationErrors: [] });
    const bad = await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: 'nope' }));
    expect(bad.PolicyValidationPassed).toBe(false);
    expect(bad.ValidationErrors?.[0]?.CheckName).toBe('SYNTAX_CHECK');
  });
});
