import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeletePolicyCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAccessKeysCommand,
  ListAttachedUserPoliciesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { clients, policyDocument as doc, failure, useEmulator } from '../../support/aws';

const aws = useEmulator();
const { iam } = aws;
const LIST_SECRETS = doc({ Effect: 'Allow', Action: 'secretsmanager:ListSecrets', Resource: '*' });

describe('IAM users, keys and policies', () => {
  it('creates, reads and deletes a user, refusing while keys or policies remain', async () => {
    const created = await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/dev/' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'p', PolicyDocument: LIST_SECRETS }));

    const got = await iam.send(new GetUserCommand({ UserName: 'alice' }));
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'alice' }));
    const policy = await iam.send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: 'p' }));
    const withKeys = await failure(iam.send(new DeleteUserCommand({ UserName: 'alice' })));
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: AccessKey?.AccessKeyId }));
    const withPolicy = await failure(iam.send(new DeleteUserCommand({ UserName: 'alice' })));
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'p' }));
    await iam.send(new DeleteUserCommand({ UserName: 'alice' }));
    const gone = await failure(iam.send(new GetUserCommand({ UserName: 'alice' })));

    expect(created.User).toMatchObject({
      UserName: 'alice',
      Path: '/dev/',
      Arn: 'arn:aws:iam::123456789012:user/dev/alice',
    });
    expect(got.User?.CreateDate?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(AccessKey?.SecretAccessKey).toHaveLength(40);
    expect(keys.AccessKeyMetadata).toEqual([
      expect.objectContaining({ UserName: 'alice', AccessKeyId: AccessKey?.AccessKeyId, Status: 'Active' }),
    ]);
    expect(decodeURIComponent(policy.PolicyDocument ?? '')).toBe(LIST_SECRETS);
    expect(withKeys).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must delete access keys first.',
    });
    expect(withPolicy).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must delete policies first.',
    });
    expect(gone).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The user with name alice cannot be found.',
    });
  });

  it('answers AWS’s errors: duplicates, quotas, malformed documents and names', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));

    const duplicate = await failure(iam.send(new CreateUserCommand({ UserName: 'BOB' })));
    const thirdKey = await failure(iam.send(new CreateAccessKeyCommand({ UserName: 'bob' })));
    const malformed = await failure(
      iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'p', PolicyDocument: '{"Statement": []}' })),
    );
    const principalInIdentity = await failure(
      iam.send(
        new PutUserPolicyCommand({
          UserName: 'bob',
          PolicyName: 'p',
          PolicyDocument: doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
        }),
      ),
    );
    const tooBig = await failure(
      iam.send(
        new PutUserPolicyCommand({
          UserName: 'bob',
          PolicyName: 'big',
          PolicyDocument: doc({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${'b'.repeat(2100)}`,
          }),
        }),
      ),
    );
    const badName = await failure(iam.send(new CreateUserCommand({ UserName: 'has space' })));
    const noRole = await failure(iam.send(new GetRoleCommand({ RoleName: 'nope' })));

    expect(duplicate).toEqual({
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: 'User with name BOB already exists.',
    });
    expect(thirdKey).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    });
    expect(malformed).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
    expect(principalInIdentity).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
    expect(tooBig).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Maximum policy size of 2048 bytes exceeded for user bob',
    });
    expect(badName).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(badName?.message).toMatch(
      /at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    expect(noRole).toEqual({
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The role with name nope cannot be found.',
    });
  });

  it('names are unique without regard to case, in any path: users, roles, groups, policies; free again once deleted', async () => {
    const trust = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });
    await iam.send(new CreateUserCommand({ UserName: 'Erin', Path: '/a/' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'App-Role', AssumeRolePolicyDocument: trust }));
    await iam.send(new CreateGroupCommand({ GroupName: 'Readers' }));
    await iam.send(new CreatePolicyCommand({ PolicyName: 'ReadAll', PolicyDocument: LIST_SECRETS }));

    const clashes = await Promise.all([
      failure(iam.send(new CreateUserCommand({ UserName: 'erin', Path: '/b/' }))),
      failure(iam.send(new CreateRoleCommand({ RoleName: 'app-role', AssumeRolePolicyDocument: trust }))),
      failure(iam.send(new CreateGroupCommand({ GroupName: 'READERS' }))),
      failure(iam.send(new CreatePolicyCommand({ PolicyName: 'readall', Path: '/x/', PolicyDocument: LIST_SECRETS }))),
    ]);
    await iam.send(new DeleteUserCommand({ UserName: 'Erin' }));
    const again = await iam.send(new CreateUserCommand({ UserName: 'ERIN' }));
    const users = await iam.send(new ListUsersCommand({}));

    expect(clashes).toEqual([
      { name: 'EntityAlreadyExistsException', status: 409, message: 'User with name erin already exists.' },
      { name: 'EntityAlreadyExistsException', status: 409, message: 'Role with name app-role already exists.' },
      { name: 'EntityAlreadyExistsException', status: 409, message: 'Group with name READERS already exists.' },
      {
        name: 'EntityAlreadyExistsException',
        status: 409,
        message: 'A policy called readall already exists. Duplicate names are not allowed.',
      },
    ]);
    expect(again.User?.UserName).toBe('ERIN');
    expect(users.Users?.map((u) => u.UserName)).toEqual(['ERIN']);
  });

  it('managed policies: attach, count, refuse deletion while attached; AWS managed AdministratorAccess', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'list', PolicyDocument: LIST_SECRETS }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'carol', PolicyArn: Policy?.Arn }));
    await iam.send(
      new AttachUserPolicyCommand({ UserName: 'carol', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );

    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'carol' }));
    const counted = await iam.send(new GetPolicyCommand({ PolicyArn: Policy?.Arn }));
    const inUse = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: Policy?.Arn })));
    const unknownAws = await failure(
      iam.send(new AttachUserPolicyCommand({ UserName: 'carol', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' })),
    );
    await iam.send(new DetachUserPolicyCommand({ UserName: 'carol', PolicyArn: Policy?.Arn }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: Policy?.Arn }));

    expect(Policy).toMatchObject({
      PolicyName: 'list',
      DefaultVersionId: 'v1',
      Arn: 'arn:aws:iam::123456789012:policy/list',
    });
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['list', 'AdministratorAccess']);
    expect(counted.Policy?.AttachmentCount).toBe(1);
    expect(inUse).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete a policy attached to entities.',
    });
    expect(unknownAws).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('a user’s permissions include its groups’ policies', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'list', PolicyDocument: LIST_SECRETS }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: Policy?.Arn }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }));
    const dave = clients({
      accessKeyId: AccessKey?.AccessKeyId ?? '',
      secretAccessKey: AccessKey?.SecretAccessKey ?? '',
    });

    const before = await failure(dave.sm.send(new ListSecretsCommand({})));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'dave' }));
    const after = await dave.sm.send(new ListSecretsCommand({}));

    expect(before).toMatchObject({ name: 'AccessDeniedException' });
    expect(after.SecretList).toEqual([]);
  });

  it('roles: a trust policy is required and validated; a role with policies cannot be deleted', async () => {
    const noPrincipal = await failure(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'r',
          AssumeRolePolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
        }),
      ),
    );
    const trust = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'p', PolicyDocument: LIST_SECRETS }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'r' }));
    const conflict = await failure(iam.send(new DeleteRoleCommand({ RoleName: 'r' })));

    expect(noPrincipal).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
    expect(Role).toMatchObject({ RoleName: 'r', Arn: 'arn:aws:iam::123456789012:role/r', MaxSessionDuration: 3600 });
    expect(Role?.RoleId).toMatch(/^AROA/);
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(trust);
    expect(conflict).toEqual({
      name: 'DeleteConflictException',
      status: 409,
      message: 'Cannot delete entity, must delete policies first.',
    });
  });
});
