import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  ListAliasesCommand,
  ScheduleKeyDeletionCommand,
  UpdateAliasCommand,
} from '@aws-sdk/client-kms';
import { expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const newKey = async () => (await aws.kms.send(new CreateKeyCommand({}))).KeyMetadata!;

test('ListAliases shows the two AWS managed aliases in a fresh account', async () => {
  const { Aliases, Truncated } = await aws.kms.send(new ListAliasesCommand({}));

  expect(Aliases?.map((a) => a.AliasName)).toEqual(['alias/aws/secretsmanager', 'alias/aws/ssm']);
  expect(Aliases?.[1]).toMatchObject({
    AliasArn: 'arn:aws:kms:us-east-1:123456789012:alias/aws/ssm',
    TargetKeyId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  });
  expect(Aliases?.[1]?.CreationDate).toBeInstanceOf(Date);
  expect(Truncated).toBe(false);
});

test('CreateAlias names a key; the alias resolves in DescribeKey', async () => {
  const key = await newKey();

  await aws.kms.send(new CreateAliasCommand({ AliasName: 'alias/pettracker', TargetKeyId: key.Arn }));
  const { KeyMetadata } = await aws.kms.send(new DescribeKeyCommand({ KeyId: 'alias/pettracker' }));
  const { Aliases } = await aws.kms.send(new ListAliasesCommand({ KeyId: key.KeyId }));

  expect(KeyMetadata?.KeyId).toBe(key.KeyId);
  expect(Aliases).toEqual([expect.objectContaining({ AliasName: 'alias/pettracker', TargetKeyId: key.KeyId })]);
});

test('CreateAlias enforces the alias/ prefix, the reserved alias/aws/ prefix and uniqueness', async () => {
  const key = await newKey();
  const create = (AliasName: string, TargetKeyId = key.KeyId) =>
    aws.kms.send(new CreateAliasCommand({ AliasName, TargetKeyId }));

  await expect(create('pettracker')).rejects.toMatchObject({
    name: 'ValidationException',
    message:
      'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  });
  await expect(create('alias/aws/mine')).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  await expect(create('alias/has space')).rejects.toMatchObject({
    name: 'ValidationException',
    message: expect.stringContaining(
      "at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern",
    ),
  });
  await create('alias/pettracker');
  await expect(create('alias/pettracker')).rejects.toMatchObject({
    name: 'AlreadyExistsException',
    message: 'An alias with the name arn:aws:kms:us-east-1:123456789012:alias/pettracker already exists',
  });
  await expect(create('alias/other', 'alias/pettracker')).rejects.toMatchObject({ name: 'ValidationException' });
  await expect(create('alias/ghost', '1234abcd-12ab-34cd-56ef-1234567890ab')).rejects.toMatchObject({
    name: 'NotFoundException',
  });
});

test('an alias cannot point at a key pending deletion', async () => {
  const key = await newKey();
  await aws.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }));

  await expect(
    aws.kms.send(new CreateAliasCommand({ AliasName: 'alias/late', TargetKeyId: key.KeyId })),
  ).rejects.toMatchObject({
    name: 'KMSInvalidStateException',
  });
});

test('UpdateAlias repoints an alias; DeleteAlias removes it and leaves the key', async () => {
  const a = await newKey();
  const b = await newKey();
  await aws.kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: a.KeyId }));
  aws.emulator.clock.advance(60_000);

  await aws.kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: b.KeyId }));
  const listed = (await aws.kms.send(new ListAliasesCommand({}))).Aliases?.find((x) => x.AliasName === 'alias/app');
  await aws.kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));

  expect(listed?.TargetKeyId).toBe(b.KeyId);
  expect(listed?.LastUpdatedDate?.getTime()).toBe((listed?.CreationDate?.getTime() ?? 0) + 60_000);
  await expect(aws.kms.send(new DescribeKeyCommand({ KeyId: 'alias/app' }))).rejects.toMatchObject({
    name: 'NotFoundException',
  });
  expect((await aws.kms.send(new DescribeKeyCommand({ KeyId: a.KeyId }))).KeyMetadata?.KeyState).toBe('Enabled');
});

test('UpdateAlias and DeleteAlias of a missing or AWS managed alias fail as AWS fails', async () => {
  const key = await newKey();
  await expect(
    aws.kms.send(new UpdateAliasCommand({ AliasName: 'alias/nope', TargetKeyId: key.KeyId })),
  ).rejects.toMatchObject({
    name: 'NotFoundException',
    message: 'Alias arn:aws:kms:us-east-1:123456789012:alias/nope is not found.',
  });
  await expect(aws.kms.send(new DeleteAliasCommand({ AliasName: 'alias/nope' }))).rejects.toMatchObject({
    name: 'NotFoundException',
  });
  await expect(aws.kms.send(new DeleteAliasCommand({ AliasName: 'alias/aws/ssm' }))).rejects.toMatchObject({
    name: 'NotAuthorizedException',
  });
  await expect(
    aws.kms.send(new UpdateAliasCommand({ AliasName: 'alias/aws/ssm', TargetKeyId: key.KeyId })),
  ).rejects.toMatchObject({
    name: 'NotAuthorizedException',
  });
});

test('ListAliases pages with Limit and Marker', async () => {
  const key = await newKey();
  for (const n of ['a', 'b', 'c'])
    await aws.kms.send(new CreateAliasCommand({ AliasName: `alias/${n}`, TargetKeyId: key.KeyId }));

  const first = await aws.kms.send(new ListAliasesCommand({ Limit: 2 }));
  const rest = await aws.kms.send(new ListAliasesCommand({ Limit: 10, Marker: first.NextMarker }));

  expect(first.Aliases?.map((a) => a.AliasName)).toEqual(['alias/a', 'alias/aws/secretsmanager']);
  expect(first.Truncated).toBe(true);
  expect(rest.Aliases?.map((a) => a.AliasName)).toEqual(['alias/aws/ssm', 'alias/b', 'alias/c']);
  await expect(aws.kms.send(new ListAliasesCommand({ Limit: 101 }))).rejects.toMatchObject({
    name: 'ValidationException',
  });
});
