import {
  CreateKeyCommand,
  ListResourceTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-kms';
import { expect, test } from 'vitest';
import { useEmulator } from '../../support/aws';

const aws = useEmulator();

test('tags given at CreateKey, added, replaced and removed', async () => {
  const { KeyMetadata } = await aws.kms.send(
    new CreateKeyCommand({ Tags: [{ TagKey: 'app', TagValue: 'pettracker' }] }),
  );
  const KeyId = KeyMetadata?.KeyId;

  await aws.kms.send(
    new TagResourceCommand({
      KeyId,
      Tags: [
        { TagKey: 'env', TagValue: 'prod' },
        { TagKey: 'app', TagValue: 'pt' },
      ],
    }),
  );
  const tagged = await aws.kms.send(new ListResourceTagsCommand({ KeyId }));
  await aws.kms.send(new UntagResourceCommand({ KeyId, TagKeys: ['app', 'missing'] }));
  const untagged = await aws.kms.send(new ListResourceTagsCommand({ KeyId }));

  expect(tagged.Tags).toEqual([
    { TagKey: 'app', TagValue: 'pt' },
    { TagKey: 'env', TagValue: 'prod' },
  ]);
  expect(tagged.Truncated).toBe(false);
  expect(untagged.Tags).toEqual([{ TagKey: 'env', TagValue: 'prod' }]);
});

test('tag keys beginning with aws: are reserved, and duplicates are refused', async () => {
  const { KeyMetadata } = await aws.kms.send(new CreateKeyCommand({}));
  const KeyId = KeyMetadata?.KeyId;

  await expect(
    aws.kms.send(new TagResourceCommand({ KeyId, Tags: [{ TagKey: 'aws:x', TagValue: '1' }] })),
  ).rejects.toMatchObject({
    name: 'TagException',
  });
  await expect(
    aws.kms.send(
      new CreateKeyCommand({
        Tags: [
          { TagKey: 'a', TagValue: '1' },
          { TagKey: 'a', TagValue: '2' },
        ],
      }),
    ),
  ).rejects.toMatchObject({ name: 'TagException', message: 'Duplicate tag keys' });
});
