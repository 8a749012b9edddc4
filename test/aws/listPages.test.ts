// List pages read from an index kept beside the store (src/aws/core/orderedIndex.ts, issue 14)
// or sorted once per store version:
// while secrets and parameters come and go between calls, every page still holds what a full sort
// of the store gives, in AWS's order (ties in creation order), and the filters still apply.

import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserCommand,
  paginateListPolicies,
  paginateListRoles,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import {
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  paginateListAliases,
  paginateListGrants,
  paginateListKeys,
  paginateListRetirableGrants,
  RevokeGrantCommand,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  type ListSecretsCommandInput,
  PutSecretValueCommand,
  paginateBatchGetSecretValue,
  paginateListSecrets,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import {
  DeleteParameterCommand,
  DescribeParametersCommand,
  type GetParametersByPathCommandInput,
  PutParameterCommand,
  paginateGetParametersByPath,
} from '@aws-sdk/client-ssm';
import { expect, test } from 'vitest';
import { useEmulator } from '../support/aws';

const aws = useEmulator();

// The SDK's own paginators follow NextToken; small pages make every test cross several of them.
async function allSecretPages(input: ListSecretsCommandInput): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateListSecrets({ client: aws.sm, pageSize: 4 }, input))
    names.push(...(page.SecretList ?? []).map((s) => s.Name as string));
  return names;
}

async function allPathPages(input: GetParametersByPathCommandInput): Promise<string[]> {
  const names: string[] = [];
  for await (const page of paginateGetParametersByPath({ client: aws.ssm, pageSize: 3 }, input))
    names.push(...(page.Parameters ?? []).map((p) => p.Name as string));
  return names;
}

test('ListSecrets pages follow creates, forced deletes and ended recovery windows, in both orders', async () => {
  // Created in three instants; within one, creation order decides.
  const created: string[] = [];
  for (const [i, name] of ['m', 'b', 'z', 'a', 'k', 'c', 'y', 'd', 'x', 'e'].entries()) {
    if (i % 4 === 0) aws.emulator.clock.advance(1_000);
    await aws.sm.send(new CreateSecretCommand({ Name: `app/${name}`, SecretString: name }));
    created.push(`app/${name}`);
  }
  const firstAsc = await allSecretPages({});
  const firstDesc = await allSecretPages({ SortOrder: 'desc' });
  await aws.sm.send(new DeleteSecretCommand({ SecretId: 'app/z', ForceDeleteWithoutRecovery: true }));
  await aws.sm.send(new DeleteSecretCommand({ SecretId: 'app/k', RecoveryWindowInDays: 7 }));
  await aws.sm.send(new CreateSecretCommand({ Name: 'app/late', SecretString: 'l' }));
  await aws.sm.send(new CreateSecretCommand({ Name: 'other/late', SecretString: 'o' }));
  const withPlanned = await allSecretPages({ IncludePlannedDeletion: true });
  await aws.emulator.advance('8 days');
  const after = await allSecretPages({});
  const filtered = await allSecretPages({ Filters: [{ Key: 'name', Values: ['app/'] }], SortOrder: 'desc' });

  // Descending: the newest instant first, creation order kept within an instant (a stable sort).
  const [first, second, third] = [created.slice(0, 4), created.slice(4, 8), created.slice(8)];
  const kept = (names: string[]) => names.filter((n) => n !== 'app/z' && n !== 'app/k');
  expect(firstAsc).toEqual(created);
  expect(firstDesc).toEqual([...third, ...second, ...first]);
  const remaining = created.filter((n) => n !== 'app/z');
  expect(withPlanned).toEqual([...remaining, 'app/late', 'other/late']);
  expect(after).toEqual([...remaining.filter((n) => n !== 'app/k'), 'app/late', 'other/late']);
  // app/late was created in the third instant: after app/x and app/e, before the older instants.
  expect(filtered).toEqual([...third, 'app/late', ...kept(second), ...kept(first)]);
});

test('ties within an instant list as the map lists its keys (integer-like names first), live and after a restore', async () => {
  await allSecretPages({}); // the index exists before the secrets below enter it
  for (const name of ['b', '7', '3', 'a'])
    await aws.sm.send(new CreateSecretCommand({ Name: name, SecretString: name }));
  const live = [await allSecretPages({}), await allSecretPages({ SortOrder: 'desc' })];
  aws.emulator.restore(JSON.parse(JSON.stringify(aws.emulator.snapshot())));
  const restored = [await allSecretPages({}), await allSecretPages({ SortOrder: 'desc' })];

  expect(live).toEqual([
    ['3', '7', 'b', 'a'],
    ['3', '7', 'b', 'a'],
  ]);
  expect(restored).toEqual(live);
});

test('BatchGetSecretValue with Filters pages by creation date, skipping secrets scheduled for deletion', async () => {
  for (const [i, name] of ['svc/m', 'other/a', 'svc/b', 'svc/z', 'svc/a'].entries()) {
    if (i % 2 === 0) aws.emulator.clock.advance(1_000);
    await aws.sm.send(new CreateSecretCommand({ Name: name, SecretString: name }));
  }
  await aws.sm.send(new DeleteSecretCommand({ SecretId: 'svc/z', RecoveryWindowInDays: 7 }));
  const names: string[] = [];
  let made = 0;
  const input = { Filters: [{ Key: 'name' as const, Values: ['svc/'] }] };
  for await (const page of paginateBatchGetSecretValue({ client: aws.sm, pageSize: 2 }, input)) {
    names.push(...(page.SecretValues ?? []).map((v) => v.Name as string));
    if (made++ === 0) await aws.sm.send(new CreateSecretCommand({ Name: 'svc/late', SecretString: 'l' }));
  }

  expect(names).toEqual(['svc/m', 'svc/b', 'svc/a', 'svc/late']);
});

test('ListSecrets by name, last-changed and last-accessed date: each listing sees the writes and reads before it', async () => {
  for (const name of ['m', 'b', 'z', 'a'])
    await aws.sm.send(new CreateSecretCommand({ Name: `s/${name}`, SecretString: name }));
  aws.emulator.clock.advance(1_000);
  for (const name of ['k', 'c']) await aws.sm.send(new CreateSecretCommand({ Name: `s/${name}`, SecretString: name }));
  const byName = await allSecretPages({ SortBy: 'name' });
  const byNameDesc = await allSecretPages({ SortBy: 'name', SortOrder: 'desc' });
  const changedBefore = await allSecretPages({ SortBy: 'last-changed-date' });
  await aws.sm.send(new DeleteSecretCommand({ SecretId: 's/z', ForceDeleteWithoutRecovery: true }));
  await aws.sm.send(new CreateSecretCommand({ Name: 's/d', SecretString: 'd' }));
  const byNameLater = await allSecretPages({ SortBy: 'name', SortOrder: 'desc' });
  aws.emulator.clock.advance(1_000);
  await aws.sm.send(new PutSecretValueCommand({ SecretId: 's/b', SecretString: 'b2' }));
  aws.emulator.clock.advance(1_000);
  await aws.sm.send(new TagResourceCommand({ SecretId: 's/m', Tags: [{ Key: 't', Value: '1' }] }));
  const changedAsc = await allSecretPages({ SortBy: 'last-changed-date' });
  const changedDesc = await allSecretPages({ SortBy: 'last-changed-date', SortOrder: 'desc' });
  const accessedBefore = await allSecretPages({ SortBy: 'last-accessed-date', SortOrder: 'desc' });
  await aws.emulator.advance('1 day');
  await aws.sm.send(new GetSecretValueCommand({ SecretId: 's/c' }));
  const accessed = await allSecretPages({ SortBy: 'last-accessed-date', SortOrder: 'desc' });

  expect(byName).toEqual(['s/a', 's/b', 's/c', 's/k', 's/m', 's/z']);
  expect(byNameDesc).toEqual(['s/z', 's/m', 's/k', 's/c', 's/b', 's/a']);
  expect(changedBefore).toEqual(['s/m', 's/b', 's/z', 's/a', 's/k', 's/c']);
  expect(byNameLater).toEqual(['s/m', 's/k', 's/d', 's/c', 's/b', 's/a']);
  // Never changed since creation, ties by creation date then creation order; then b, then m.
  expect(changedAsc).toEqual(['s/a', 's/k', 's/c', 's/d', 's/b', 's/m']);
  // Descending reverses the ties by creation date too, but not creation order within an instant.
  expect(changedDesc).toEqual(['s/m', 's/b', 's/k', 's/c', 's/d', 's/a']);
  // Nothing read yet: all tie, newest creation first.
  expect(accessedBefore).toEqual(['s/k', 's/c', 's/d', 's/m', 's/b', 's/a']);
  expect(accessed).toEqual(['s/c', 's/k', 's/d', 's/m', 's/b', 's/a']);
});

test('GetParametersByPath and DescribeParameters pages follow puts and deletes, by name', async () => {
  const put = (Name: string) => aws.ssm.send(new PutParameterCommand({ Name, Value: Name, Type: 'String' }));
  for (const name of ['/app/b', '/app/a/x', '/app/c', '/apps/q', '/app/a', '/ap', '/app/a/y/z', 'top', '/b/1']) {
    await put(name);
  }
  const recursive = await allPathPages({ Path: '/app', Recursive: true });
  const children = await allPathPages({ Path: '/app/' });
  await aws.ssm.send(new DeleteParameterCommand({ Name: '/app/b' }));
  await put('/app/aa');
  await put('/app/0');
  const later = await allPathPages({ Path: '/app' });
  const root = await allPathPages({ Path: '/' });
  const described: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await aws.ssm.send(new DescribeParametersCommand({ MaxResults: 2, NextToken }));
    described.push(...(page.Parameters ?? []).map((p) => p.Name as string));
    NextToken = page.NextToken;
  } while (NextToken);

  expect(recursive).toEqual(['/app/a', '/app/a/x', '/app/a/y/z', '/app/b', '/app/c']);
  expect(children).toEqual(['/app/a', '/app/b', '/app/c']);
  expect(later).toEqual(['/app/0', '/app/a', '/app/aa', '/app/c']);
  expect(root).toEqual(['/ap', 'top']);
  expect(described).toEqual(
    ['/ap', '/app/0', '/app/a', '/app/a/x', '/app/a/y/z', '/app/aa', '/app/c', '/apps/q', '/b/1', 'top'].sort(),
  );
});

test('KMS ListKeys (creation order) and ListAliases (by name) pages follow new keys, aliases and deletions', async () => {
  const keyIds = async () => {
    const ids: string[] = [];
    for await (const page of paginateListKeys({ client: aws.kms, pageSize: 2 }, {}))
      ids.push(...(page.Keys ?? []).map((k) => k.KeyId as string));
    return ids;
  };
  const aliases = async (KeyId?: string) => {
    const names: string[] = [];
    for await (const page of paginateListAliases({ client: aws.kms, pageSize: 2 }, { KeyId }))
      names.push(...(page.Aliases ?? []).map((a) => a.AliasName as string));
    return names;
  };
  // Listed first, so the keys and aliases below come into lists that are already ordered.
  const managed = await keyIds(); // aws/ssm and aws/secretsmanager, made on first use
  const managedAliases = await aliases();
  const created: string[] = [];
  for (const name of ['m', 'b', 'x']) {
    const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
    created.push(KeyMetadata?.KeyId as string);
    await aws.kms.send(new CreateAliasCommand({ AliasName: `alias/${name}`, TargetKeyId: KeyMetadata?.KeyId }));
  }
  await aws.kms.send(new CreateAliasCommand({ AliasName: 'alias/a', TargetKeyId: created[1] }));
  const allKeys = await keyIds();
  const allAliases = await aliases();
  await aws.kms.send(new DeleteAliasCommand({ AliasName: 'alias/x' }));
  await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId: created[0], PendingWindowInDays: 7 }));
  await aws.emulator.advance('8 days');
  const keysLater = await keyIds();
  const aliasesLater = await aliases();
  const ofKey = await aliases(created[1]);

  expect(managedAliases).toEqual(['alias/aws/secretsmanager', 'alias/aws/ssm']);
  expect(allKeys).toEqual([...managed, ...created]);
  expect(allAliases).toEqual(['alias/a', 'alias/aws/secretsmanager', 'alias/aws/ssm', 'alias/b', 'alias/m', 'alias/x']);
  expect(keysLater).toEqual([...managed, created[1], created[2]]);
  expect(aliasesLater).toEqual(['alias/a', 'alias/aws/secretsmanager', 'alias/aws/ssm', 'alias/b']);
  expect(ofKey).toEqual(['alias/a', 'alias/b']);
});

test('KMS ListGrants and ListRetirableGrants pages read the grants of one key, of one principal, while others are made', async () => {
  const made = [await aws.kms.send(new CreateKeyCommand({})), await aws.kms.send(new CreateKeyCommand({}))];
  // `low` sorts before `high`: grants made on it enter the by-key order before high's run.
  const [low, high] = made.map((k) => k.KeyMetadata?.KeyId as string).sort();
  const retirer = 'arn:aws:iam::123456789012:role/retirer';
  const grant = async (KeyId: string, n: number, retiring: boolean) => {
    const { GrantId } = await aws.kms.send(
      new CreateGrantCommand({
        KeyId,
        GranteePrincipal: `arn:aws:iam::123456789012:role/r${n}`,
        Operations: ['Decrypt'],
        ...(retiring ? { RetiringPrincipal: retirer } : {}),
      }),
    );
    return GrantId as string;
  };
  const onHigh: string[] = [];
  for (let n = 1; n <= 5; n++) onHigh.push(await grant(high as string, n, n % 2 === 1));
  const grantsOf = async (KeyId: string, GranteePrincipal?: string, between?: () => Promise<unknown>) => {
    const ids: string[] = [];
    for await (const page of paginateListGrants({ client: aws.kms, pageSize: 2 }, { KeyId, GranteePrincipal })) {
      ids.push(...(page.Grants ?? []).map((g) => g.GrantId as string));
      await between?.();
    }
    return ids;
  };
  const retirable = async () => {
    const ids: string[] = [];
    for await (const page of paginateListRetirableGrants(
      { client: aws.kms, pageSize: 2 },
      { RetiringPrincipal: retirer },
    ))
      ids.push(...(page.Grants ?? []).map((g) => g.GrantId as string));
    return ids;
  };

  const onLow: string[] = [];
  const whileMaking = await grantsOf(high as string, undefined, async () =>
    onLow.push(await grant(low as string, 9, true)),
  );
  await aws.kms.send(new RevokeGrantCommand({ KeyId: high, GrantId: onHigh[1] }));
  const afterRevoke = await grantsOf(high as string);
  const ofGrantee = await grantsOf(high as string, 'arn:aws:iam::123456789012:role/r3');
  const retirableBefore = await retirable();
  await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId: high, PendingWindowInDays: 7 }));
  await aws.emulator.advance('8 days');
  const retirableAfter = await retirable();

  expect(whileMaking).toEqual(onHigh);
  expect(onLow).toHaveLength(3);
  expect(afterRevoke).toEqual([onHigh[0], onHigh[2], onHigh[3], onHigh[4]]);
  expect(ofGrantee).toEqual([onHigh[2]]);
  expect(retirableBefore).toEqual([onHigh[0], onHigh[2], onHigh[4], ...onLow]);
  expect(retirableAfter).toEqual(onLow);
});

test('IAM ListUsers, ListRoles and ListPolicies pages by name, with path and scope filters, while entities come and go', async () => {
  const users = async (PathPrefix?: string, between?: () => Promise<unknown>) => {
    const names: string[] = [];
    for await (const page of paginateListUsers({ client: aws.iam, pageSize: 2 }, { PathPrefix })) {
      names.push(...(page.Users ?? []).map((u) => u.UserName as string));
      await between?.();
    }
    return names;
  };
  const policies = async (input: { Scope?: 'All' | 'AWS' | 'Local'; OnlyAttached?: boolean; PathPrefix?: string }) => {
    const listed: string[] = [];
    for await (const page of paginateListPolicies({ client: aws.iam, pageSize: 2 }, input))
      listed.push(
        ...(page.Policies ?? []).map((p) => `${p.PolicyName}${p.Arn?.includes(':aws:policy/') ? ' (AWS)' : ''}`),
      );
    return listed;
  };
  await users(); // the name order exists before the users below enter it
  for (const [name, Path] of [
    ['mia', '/'],
    ['bo', '/team/'],
    ['zed', '/'],
    ['al', '/team/'],
    ['kim', '/'],
  ])
    await aws.iam.send(new CreateUserCommand({ UserName: name, Path }));
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  });
  for (const name of ['worker', 'api', 'rotator'])
    await aws.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
  const document = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
  });
  for (const [PolicyName, Path] of [
    ['Zeta', '/'],
    ['AdministratorAccess', '/'],
    ['Alpha', '/ops/'],
    ['Mid', '/'],
  ])
    await aws.iam.send(new CreatePolicyCommand({ PolicyName, Path, PolicyDocument: document }));
  await aws.iam.send(
    new AttachRolePolicyCommand({ RoleName: 'api', PolicyArn: 'arn:aws:iam::123456789012:policy/Mid' }),
  );
  await aws.iam.send(
    new AttachRolePolicyCommand({ RoleName: 'api', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
  );

  let made = 0;
  const whileMaking = await users(undefined, () => aws.iam.send(new CreateUserCommand({ UserName: `zz${made++}` })));
  await aws.iam.send(new DeleteUserCommand({ UserName: 'kim' }));
  const team = await users('/team/');
  const afterDelete = await users();
  const roles: string[] = [];
  for await (const page of paginateListRoles({ client: aws.iam, pageSize: 2 }, {}))
    roles.push(...(page.Roles ?? []).map((r) => r.RoleName as string));

  expect(whileMaking).toEqual(['al', 'bo', 'kim', 'mia', 'zed', 'zz0', 'zz1', 'zz2']);
  expect(team).toEqual(['al', 'bo']);
  expect(afterDelete).toEqual(['al', 'bo', 'mia', 'zed', 'zz0', 'zz1', 'zz2', 'zz3']);
  expect(roles).toEqual(['api', 'rotator', 'worker']);
  expect(await policies({})).toEqual(['AdministratorAccess', 'AdministratorAccess (AWS)', 'Alpha', 'Mid', 'Zeta']);
  expect(await policies({ Scope: 'Local' })).toEqual(['AdministratorAccess', 'Alpha', 'Mid', 'Zeta']);
  expect(await policies({ Scope: 'AWS' })).toEqual(['AdministratorAccess (AWS)']);
  expect(await policies({ OnlyAttached: true })).toEqual(['AdministratorAccess (AWS)', 'Mid']);
  expect(await policies({ PathPrefix: '/ops/' })).toEqual(['Alpha']);
});
