import type { OperationContext } from '../core/service';
import { authorizeKey } from './authorize';
import { resolveKey } from './crypto';
import { customerKey } from './customerKey';
import { kmsErrors } from './errors';
import { page } from './paging';
import type { KmsKey } from './state';
import {
  asStructure,
  optionalInteger,
  optionalList,
  optionalString,
  requiredKeyId,
  requiredList,
  requiredString,
} from './validate';

type Input = Record<string, unknown>;

/** At most 50 tags on a key; keys 1–128 characters, values 0–256; the `aws:` prefix is AWS's own. */
const MAX_TAGS = 50;

export function parseTags(input: Input, field: string): KmsKey['Tags'] | undefined {
  const list = optionalList(input, field);
  if (list === undefined) return undefined;
  const tags = list.map((raw) => {
    const t = asStructure(raw);
    const TagKey = requiredString(t, 'TagKey', { min: 1, max: 128 });
    const TagValue = requiredString(t, 'TagValue', { max: 256 });
    if (TagKey.toLowerCase().startsWith('aws:')) throw kmsErrors.tag('Tags beginning with aws: are reserved');
    return { TagKey, TagValue };
  });
  if (new Set(tags.map((t) => t.TagKey)).size !== tags.length) throw kmsErrors.tag('Duplicate tag keys');
  if (tags.length > MAX_TAGS) throw kmsErrors.tag('Too many tags');
  return tags;
}

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
  const { items, next } = page(key.Tags, limit, marker);
  return { Tags: items, Truncated: next !== undefined, ...(next !== undefined ? { NextMarker: next } : {}) };
}
