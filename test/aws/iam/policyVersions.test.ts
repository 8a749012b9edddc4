import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { policyDocument as doc, failure, useEmulator, userWithPolicy } from '../../support/aws';

/**
 * Managed policy versions through the real IAM client, to the IAM API reference: at most five
 * versions, ids never reused, the default one in effect, the default never deleted on its own.
 */
const aws = useEmulator();
const { iam } = aws;
const READ = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' };

async function policy(name: string, ...statements: object[]) {
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: doc(...statements) }));
  return Policy?.Arn ?? '';
}

describe('managed policy versions', () => {
  it('creates versions, lists them newest first, sets the default, and keeps ids and dates as IAM does', async () => {
    const PolicyArn = await policy('read', READ);
    await aws.emulator.advance('1 day');
    const v2 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: doc(READ, READ) }));
    const v3 = await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn,
        PolicyDocument: doc({ ...READ, Effect: 'Deny' }),
        SetAsDefault: true,
      }),
    );
    const afterCreate = await iam.send(new GetPolicyCommand({ PolicyArn }));
    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn }));
    const first = await iam.send(new ListPolicyVersionsCommand({ PolicyArn, MaxItems: 2 }));
    const rest = await iam.send(new ListPolicyVersionsCommand({ PolicyArn, Marker: first.Marker }));
    const got = await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId: 'v2' }));
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn, VersionId: 'v1' }));
    const afterSet = await iam.send(new GetPolicyCommand({ PolicyArn }));
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId: 'v3' }));
    const v4 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: doc(READ) }));

    expect(v2.PolicyVersion).toEqual({
      VersionId: 'v2',
      IsDefaultVersion: false,
      CreateDate: new Date('2026-01-02T00:00:00Z'),
    });
    expect(v3.PolicyVersion).toMatchObject({ VersionId: 'v3', IsDefaultVersion: true });
    expect(afterCreate.Policy).toMatchObject({
      DefaultVersionId: 'v3',
      CreateDate: new Date('2026-01-01T00:00:00Z'),
      UpdateDate: new Date('2026-01-02T00:00:00Z'),
    });
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion, v.Document])).toEqual([
      ['v3', true, undefined],
      ['v2', false, undefined],
      ['v1', false, undefined],
    ]);
    expect(listed.IsTruncated).toBe(false);
    expect([first.Versions?.map((v) => v.VersionId), first.IsTruncated]).toEqual([['v3', 'v2'], true]);
    expect([rest.Versions?.map((v) => v.VersionId), rest.IsTruncated]).toEqual([['v1'], false]);
    expect(decodeURIComponent(got.PolicyVersion?.Document ?? '')).toBe(doc(READ, READ));
    expect(got.PolicyVersion?.IsDefaultVersion).toBe(false);
    expect(afterSet.Policy?.DefaultVersionId).toBe('v1');
    // v3 was deleted: the next version is v4 all the same (one past the highest ever made).
    expect(v4.PolicyVersion?.VersionId).toBe('v4');
  });

  it('answers IAM’s errors: five versions at most, the default kept, DeletePolicy after the versions', async () => {
    const PolicyArn = await policy('read', READ);
    for (let i = 0; i < 4; i++)
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: doc(READ), SetAsDefault: i === 1 }));
    await aws.emulator.advance('1 hour');

    const sixth = await failure(iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: doc(READ) })));
    const deleteDefault = await failure(iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId: 'v3' })));
    const deleteWithVersions = await failure(iam.send(new DeletePolicyCommand({ PolicyArn })));
    const missing = await Promise.all(
      [
        new GetPolicyVersionCommand({ PolicyArn, VersionId: 'v9' }),
        new SetDefaultPolicyVersionCommand({ PolicyArn, VersionId: 'v9' }),
        new DeletePolicyVersionCommand({ PolicyArn, VersionId: 'v9' }),
      ].map((command) => failure(iam.send(command as never))),
    );
    const noPolicy = await failure(
      iam.send(
        new CreatePolicyVersionCommand({
          PolicyArn: 'arn:aws:iam::123456789012:policy/none',
          PolicyDocument: doc(READ),
        }),
      ),
    );
    const badId = await failure(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn, VersionId: '1' })));
    const malformed = await failure(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: '{"Statement": []}' })),
    );
    const unchanged = await iam.send(new ListPolicyVersionsCommand({ PolicyArn }));
    for (const VersionId of ['v1', 'v2', 'v4', 'v5'])
      await iam.send(new DeletePolicyVersionCommand({ PolicyArn, VersionId }));
    await iam.send(new DeletePolicyCommand({ PolicyArn }));
    const gone = await failure(iam.send(new GetPolicyCommand({ PolicyArn })));

    expect(sixth).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message:
        'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    expect(deleteDefault).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete the default version of a policy.',
    });
    expect(deleteWithVersions).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message:
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    });
    expect(missing).toEqual(
      Array(3).fill({
        name: 'NoSuchEntityException',
        status: 404,
        message: `Policy ${PolicyArn} version v9 does not exist or is not attachable.`,
      }),
    );
    expect(noPolicy).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(badId).toMatchObject({
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value '1' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?",
    });
    expect(malformed).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
    expect(unchanged.Versions?.map((v) => v.VersionId)).toEqual(['v5', 'v4', 'v3', 'v2', 'v1']);
    expect(gone).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('an AWS managed policy has one version to read, v1, its default', async () => {
    const PolicyArn = 'arn:aws:iam::aws:policy/AdministratorAccess';

    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn }));
    const got = await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId: 'v1' }));

    expect(listed.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([['v1', true]]);
    expect(JSON.parse(decodeURIComponent(got.PolicyVersion?.Document ?? ''))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });

  it('the default version decides, from the very next request (an issued key, signed and evaluated)', async () => {
    await aws.sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 's3cret' }));
    const dev = await userWithPolicy(aws.iam, 'dev');
    const read = () =>
      dev.sm.send(new GetSecretValueCommand({ SecretId: 'app/db' })).then(
        () => 'allowed',
        (e: Error) => e.name,
      );
    const PolicyArn = await policy('read', READ);
    await iam.send(new AttachUserPolicyCommand({ UserName: 'dev', PolicyArn }));
    const warm = [await read(), await read()];

    await iam.send(new CreatePolicyVersionCommand({ PolicyArn, PolicyDocument: doc({ ...READ, Effect: 'Deny' }) }));
    const notDefault = await read();
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn, VersionId: 'v2' }));
    const denied = await read();
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn, VersionId: 'v1' }));
    const back = await read();
    await iam.send(new DetachUserPolicyCommand({ UserName: 'dev', PolicyArn }));
    const detached = await read();

    expect(warm).toEqual(['allowed', 'allowed']);
    expect(notDefault).toBe('allowed');
    expect(denied).toBe('AccessDeniedException');
    expect(back).toBe('allowed');
    expect(detached).toBe('AccessDeniedException');
  });
});
