import { paginate } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { authorizeKey } from '../authorize';
import { kmsErrors } from '../errors';
import { customerKey, resolveKey } from '../keyIds';
import {
  MAX_TAGS,
  optionalInteger,
  optionalString,
  parseTags,
  requiredKeyId,
  requiredList,
  requiredString,
} from '../validate';

type Input = Record<string, unknown>;

/** Adding a tag whose key exists replaces its value. */
export function tagResource(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'TagResource');
  requiredList(input, 'Tags');
  const tags = parseTags(input, 'Tags') ?? [];
  const merged = new Map(key.Tags.map((t) => [t.TagKey, t.TagValue]));
  for (const t of tags) merged.set(t.TagKey, t.TagValue);
  if (merged.size > MAX_TAGS) throw kmsErrors.tag('Too many tags');
  key.Tags = [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  return {};
}

/** Removing a tag key that is not there is not an error. */
export function untagResource(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'UntagResource');
  const names = requiredList(input, 'TagKeys').map((k) =>
    requiredString({ TagKey: k }, 'TagKey', { min: 1, max: 128 }),
  );
  key.Tags = key.Tags.filter((t) => !names.includes(t.TagKey));
  return {};
}

export function listResourceTags(ctx: OperationContext, input: Input) {
  const key = resolveKey(ctx, requiredKeyId(input));
  authorizeKey(ctx, 'ListResourceTags', key);
  const limit = optionalInteger(input, 'Limit', 1, 50) ?? 50;
  const marker = optionalString(input, 'Marker', { min: 1, max: 1024 });
  const { items, next } = paginate(key.Tags, {
    limit,
    token: marker,
    scope: `ListResourceTags:${key.KeyId}`,
    invalid: kmsErrors.invalidMarker,
  });
  return { Tags: items, Truncated: next !== undefined, ...(next !== undefined ? { NextMarker: next } : {}) };
}
