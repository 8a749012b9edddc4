import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DeleteParametersCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  InvalidResourceId,
  ListTagsForResourceCommand,
  ParameterNotFound,
  PutParameterCommand,
  RemoveTagsFromResourceCommand,
  TooManyTagsError,
  ValidationException,
} from '@aws-sdk/client-ssm';
import { describe, expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();
const create = (Name: string, Tags?: { Key: string; Value: string }[]) =>
  aws.ssm.send(new PutParameterCommand({ Name, Value: 'v', Type: 'String', Tags }));
const tagsOf = async (ResourceId: string) =>
  (await aws.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId }))).TagList;

describe('tags', () => {
  test('tags given at creation are listed', async () => {
    await create('/t', [{ Key: 'team', Value: 'pets' }]);
    expect(await tagsOf('/t')).toEqual([{ Key: 'team', Value: 'pets' }]);
  });

  test('AddTagsToResource adds and replaces by key; RemoveTagsFromResource removes', async () => {
    await create('/t', [{ Key: 'team', Value: 'pets' }]);
    await aws.ssm.send(
      new AddTagsToResourceCommand({
        ResourceType: 'Parameter',
        ResourceId: '/t',
        Tags: [
          { Key: 'team', Value: 'vets' },
          { Key: 'env', Value: 'dev' },
        ],
      }),
    );
    expect(await tagsOf('/t')).toEqual([
      { Key: 'team', Value: 'vets' },
      { Key: 'env', Value: 'dev' },
    ]);
    await aws.ssm.send(
      new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId: '/t', TagKeys: ['team'] }),
    );
    expect(await tagsOf('/t')).toEqual([{ Key: 'env', Value: 'dev' }]);
  });

  test('a missing parameter is InvalidResourceId', async () => {
    await expect(tagsOf('/none')).rejects.toBeInstanceOf(InvalidResourceId);
  });

  test('more than 50 tags is TooManyTagsError', async () => {
    await create('/t');
    const Tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const err = await aws.ssm
      .send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: '/t', Tags }))
      .catch((e) => e);
    expect(err).toBeInstanceOf(TooManyTagsError);
  });

  test('an aws: tag key is reserved', async () => {
    await expect(create('/t', [{ Key: 'aws:owner', Value: 'me' }])).rejects.toBeInstanceOf(ValidationException);
  });
});

describe('DeleteParameter(s)', () => {
  test('DeleteParameter removes the parameter, its history and its tags', async () => {
    await create('/d', [{ Key: 'k', Value: 'v' }]);
    await aws.ssm.send(new DeleteParameterCommand({ Name: '/d' }));
    await expect(aws.ssm.send(new GetParameterCommand({ Name: '/d' }))).rejects.toBeInstanceOf(ParameterNotFound);
    await create('/d');
    expect((await aws.ssm.send(new GetParameterCommand({ Name: '/d' }))).Parameter?.Version).toBe(1);
    expect(await tagsOf('/d')).toEqual([]);
  });

  test('deleting a missing parameter is ParameterNotFound', async () => {
    const err = await aws.ssm.send(new DeleteParameterCommand({ Name: '/nope' })).catch((e) => e);
    expect(err).toBeInstanceOf(ParameterNotFound);
    expect(err.message).toBe('Parameter /nope not found.');
  });

  test('DeleteParameters reports deleted and invalid names', async () => {
    await create('/a');
    await create('/b');
    const out = await aws.ssm.send(new DeleteParametersCommand({ Names: ['/a', '/missing', '/b'] }));
    expect(out.DeletedParameters).toEqual(['/a', '/b']);
    expect(out.InvalidParameters).toEqual(['/missing']);
    expect((await aws.ssm.send(new DescribeParametersCommand({}))).Parameters).toEqual([]);
  });

  test('DeleteParameters takes at most 10 names', async () => {
    const Names = Array.from({ length: 11 }, (_, i) => `/n${i}`);
    await expect(aws.ssm.send(new DeleteParametersCommand({ Names }))).rejects.toBeInstanceOf(ValidationException);
  });
});
