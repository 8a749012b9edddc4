import { tooManyTags, validationError } from './errors';
import type { Tag } from './state';
import { objectList } from './validate';

/** A resource carries at most 50 tags; keys 1–128 characters, values 0–256, `aws:` keys reserved. */
export const MAX_TAGS = 50;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

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
