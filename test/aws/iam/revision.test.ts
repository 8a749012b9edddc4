import * as sdk from '@aws-sdk/client-iam';
import { expect, it } from 'vitest';
import { iam as iamService } from '../../../src/aws/iam';
import { type IamState, iamState } from '../../../src/aws/iam/state';
import { useEmulator } from '../../support/aws';

/**
 * A caller's policies are built once per access key and kept until the IAM state's `revision`
 * moves (src/aws/iam/credentials.ts), so an IAM write that forgot to bump it would leave every
 * issued key running on the policies it had before. Every operation in IAM's handler table runs
 * here once, through the real SDK, in an order where each succeeds: one that changes the state
 * must move the revision, a Get or List must change nothing, and any other must change something
 * (so no step proves nothing). An operation added to the table without a step fails the test.
 */
const aws = useEmulator();
const ACCOUNT = '123456789012';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const ALLOW = doc({ Effect: 'Allow', Action: 'secretsmanager:ListSecrets', Resource: '*' });
const TRUST = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' });
const POLICY = `arn:aws:iam::${ACCOUNT}:policy/p`;
const KEY = '{key}';

const U = { UserName: 'u' };
const R = { RoleName: 'r' };
const G = { GroupName: 'g' };
const steps: [string, Record<string, unknown>][] = [
  ['CreateUser', U],
  ['GetUser', U],
  ['ListUsers', {}],
  ['CreateAccessKey', U],
  ['ListAccessKeys', U],
  ['UpdateAccessKey', { ...U, AccessKeyId: KEY, Status: 'Inactive' }],
  ['DeleteAccessKey', { ...U, AccessKeyId: KEY }],
  ['CreatePolicy', { PolicyName: 'p', PolicyDocument: ALLOW }],
  ['GetPolicy', { PolicyArn: POLICY }],
  ['ListPolicies', { Scope: 'Local' }],
  ['CreatePolicyVersion', { PolicyArn: POLICY, PolicyDocument: ALLOW }],
  ['GetPolicyVersion', { PolicyArn: POLICY, VersionId: 'v2' }],
  ['ListPolicyVersions', { PolicyArn: POLICY }],
  ['SetDefaultPolicyVersion', { PolicyArn: POLICY, VersionId: 'v2' }],
  ['DeletePolicyVersion', { PolicyArn: POLICY, VersionId: 'v1' }],
  ['CreateRole', { ...R, AssumeRolePolicyDocument: TRUST }],
  ['GetRole', R],
  ['ListRoles', {}],
  ['UpdateAssumeRolePolicy', { ...R, PolicyDocument: TRUST.replace('root', 'user/u') }],
  ['CreateGroup', G],
  ['GetGroup', G],
  ['AddUserToGroup', { ...G, ...U }],
  ['ListGroupsForUser', U],
  ['RemoveUserFromGroup', { ...G, ...U }],
  ...(['User', 'Role', 'Group'] as const).flatMap((kind): [string, Record<string, unknown>][] => {
    const who = kind === 'User' ? U : kind === 'Role' ? R : G;
    return [
      [`Put${kind}Policy`, { ...who, PolicyName: 'inline', PolicyDocument: ALLOW }],
      [`Get${kind}Policy`, { ...who, PolicyName: 'inline' }],
      [`List${kind}Policies`, who],
      [`Delete${kind}Policy`, { ...who, PolicyName: 'inline' }],
      [`Attach${kind}Policy`, { ...who, PolicyArn: POLICY }],
      [`ListAttached${kind}Policies`, who],
      [`Detach${kind}Policy`, { ...who, PolicyArn: POLICY }],
    ];
  }),
  ['DeletePolicy', { PolicyArn: POLICY }],
  ['DeleteGroup', G],
  ['DeleteRole', R],
  ['DeleteUser', U],
];

it('every IAM write moves the identity-state revision; reads change nothing', async () => {
  const state = () => iamState(aws.emulator.context()) as IamState;
  const withoutRevision = () => JSON.stringify(state(), (k, v) => (k === 'revision' ? undefined : v));
  // The SDK's command for an operation name (CreateUser → CreateUserCommand); its output is read loosely.
  const classes = sdk as unknown as Record<string, typeof sdk.CreateUserCommand | undefined>;
  const send = (operation: string, input: object) => {
    const Command = classes[`${operation}Command`];
    if (!Command) throw new Error(`no SDK command for ${operation}`);
    return aws.iam.send(new Command(input as never)) as Promise<{ AccessKey?: { AccessKeyId?: string } }>;
  };
  let key = '';
  const outcomes: Record<string, string> = {};

  for (const [operation, input] of steps) {
    const [before, revision] = [withoutRevision(), state().revision];
    const filled = JSON.parse(JSON.stringify(input).replace(KEY, key));
    const output = await send(operation, filled);
    key = output.AccessKey?.AccessKeyId ?? key;
    const changed = withoutRevision() !== before;
    const moved = state().revision > revision;
    outcomes[operation] = /^(Get|List)/.test(operation)
      ? changed || moved
        ? 'a read changed the state'
        : 'ok'
      : !changed
        ? 'a write changed nothing'
        : moved
          ? 'ok'
          : 'the revision did not move';
  }

  expect(Object.keys(outcomes).sort()).toEqual(Object.keys(iamService.operations).sort());
  expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== 'ok')).toEqual([]);
});
