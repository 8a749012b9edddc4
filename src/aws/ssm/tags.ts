import type { OperationContext } from '../core/service';
import { authorizeParameter } from './authorize';
import { invalidResourceId, invalidResourceType, tooManyTags, validationError } from './errors';
import { findParameter, nameFromNameOrArn } from './names';
import { type StoredParameter, ssmState, type Tag } from './state';
import { checkEnum, objectList, requiredString, stringList } from './validate';

/** A resource carries at most 50 tags; keys 1–128 characters, values 0–256, `aws:` keys reserved. */
export const MAX_TAGS = 50;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const RESOURCE_TYPES = [
  'Document',
  'ManagedInstance',
  'MaintenanceWindow',
  'Parameter',
  'PatchBaseline',
  'OpsItem',
  'OpsMetadata',
  'Automation',
  'Association',
] as const;

export function parseTags(input: Record<string, unknown>, field = 'Tags'): Tag[] {
  const list = objectList(input, field) ?? [];
  return list.map((t, i) => {
    const Key = t.Key;
    const Value = t.Value;
    if (typeof Key !== 'string' || typeof Value !== 'string') {
      throw validationError(
        `1 validation error detected: Value null at 'tags.${i + 1}.member.${typeof Key !== 'string' ? 'key' : 'value'}' failed to satisfy constraint: Member must not be null`,
      );
    }
    if (Key.length < 1 || Key.length > 128 || !TAG_CHARS.test(Key) || Key.toLowerCase().startsWith('aws:')) {
      throw validationError(
        `1 validation error detected: Value '${Key}' at 'tags.${i + 1}.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!^(?i)aws:)(?=^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$).*$`,
      );
    }
    if (Value.length > 256 || !TAG_CHARS.test(Value)) {
      throw validationError(
        `1 validation error detected: Value '${Value}' at 'tags.${i + 1}.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$`,
      );
    }
    return { Key, Value };
  });
}

/** Adds or replaces tags by key; more than 50 on the resource is TooManyTagsError. */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const merged = [...existing];
  for (const tag of added) {
    const at = merged.findIndex((t) => t.Key === tag.Key);
    if (at >= 0) merged[at] = tag;
    else merged.push(tag);
  }
  if (merged.length > MAX_TAGS) throw tooManyTags();
  return merged;
}

/** Only parameters live in this emulator: any other valid ResourceType names nothing here. */
function taggedParameter(
  ctx: OperationContext,
  input: Record<string, unknown>,
  operation: 'AddTagsToResource' | 'RemoveTagsFromResource' | 'ListTagsForResource',
): StoredParameter {
  const type = checkEnum(requiredString(input, 'ResourceType'), 'ResourceType', RESOURCE_TYPES);
  const id = requiredString(input, 'ResourceId');
  if (type !== 'Parameter')
    throw type === 'Automation' || type === 'Association' ? invalidResourceType() : invalidResourceId();
  const state = ssmState(ctx);
  authorizeParameter(ctx, operation, nameFromNameOrArn(state, id));
  const parameter = findParameter(state, nameFromNameOrArn(state, id));
  if (!parameter) throw invalidResourceId();
  return parameter;
}

export function addTagsToResource(ctx: OperationContext, input: Record<string, unknown>) {
  const parameter = taggedParameter(ctx, input, 'AddTagsToResource');
  if (input.Tags === undefined || input.Tags === null) {
    throw validationError(
      "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null",
    );
  }
  parameter.Tags = mergeTags(parameter.Tags, parseTags(input));
  return {};
}

export function removeTagsFromResource(ctx: OperationContext, input: Record<string, unknown>) {
  const parameter = taggedParameter(ctx, input, 'RemoveTagsFromResource');
  const keys = stringList(input, 'TagKeys', true) ?? [];
  parameter.Tags = parameter.Tags.filter((t) => !keys.includes(t.Key));
  return {};
}

export function listTagsForResource(ctx: OperationContext, input: Record<string, unknown>) {
  const parameter = taggedParameter(ctx, input, 'ListTagsForResource');
  return { TagList: parameter.Tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}
