import type { OperationContext } from '../core/service';
import type { SecretRecord } from './state';
import { constraint, type Input, optObjectList } from './validate';

/**
 * ListSecrets / BatchGetSecretValue filters, as the API reference defines them:
 * - name, tag-key, tag-value: prefix, case-sensitive;
 * - description: the value's words each begin a word of the description, not case-sensitive (AWS's
 *   documentation says "prefix"; AWS answers by words, see `wordsMatch`);
 * - primary-region: prefix, case-sensitive, of a replica's primary region, or of a primary's own
 *   region when it has replicas (a secret that is not replicated has no primary region);
 * - owning-service: prefix, case-sensitive (this emulator has no service-managed secrets, so it
 *   matches nothing and its negation matches everything);
 * - all: the same word match against the name, the description, a tag key or a tag value.
 * A value starting with `!` negates. Within a filter, a secret must match one of the plain values
 * (if any) and none of the negated ones; all filters must hold.
 */
export const FILTER_KEYS = [
  'description',
  'name',
  'tag-key',
  'tag-value',
  'primary-region',
  'owning-service',
  'all',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export interface Filter {
  Key: FilterKey;
  Values: string[];
}

const VALUE_PATTERN = /^!?[a-zA-Z0-9 :_@/+=.\-!]*$/;

export function parseFilters(input: Input): Filter[] | undefined {
  const list = optObjectList(input, 'Filters', { max: 10 });
  return list?.map((f, i) => {
    const at = `filters.${i + 1}.member`;
    const key = f.Key;
    if (typeof key !== 'string' || !(FILTER_KEYS as readonly string[]).includes(key)) {
      throw constraint(`${at}.key`, key ?? null, `Member must satisfy enum value set: [${FILTER_KEYS.join(', ')}]`);
    }
    const values = f.Values;
    if (!Array.isArray(values) || values.length < 1 || values.length > 10) {
      throw constraint(
        `${at}.values`,
        Array.isArray(values) ? `[${values.join(', ')}]` : null,
        'Member must have length between 1 and 10',
      );
    }
    for (const v of values) {
      if (typeof v !== 'string' || v.length > 512 || !VALUE_PATTERN.test(v)) {
        throw constraint(
          `${at}.values`,
          v,
          `Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$`,
        );
      }
    }
    return { Key: key as FilterKey, Values: values as string[] };
  });
}

/** Words as the `all` filter sees them: split at punctuation, case changes and letter/digit changes. */
export function words(text: string): string[] {
  return (text.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []).map((w) => w.toLowerCase());
}

/**
 * The word match of the `description` and `all` filters: the value is broken into words, and each
 * must begin a word of the text (not case-sensitive). Recorded against AWS (LocalStack's
 * test_list_secrets_filtering): "a secret" matches "a secret" and "an secret", not "asecret";
 * "a" matches all three, not "thesecret".
 */
function wordsMatch(value: string, text: string): boolean {
  const wanted = words(value);
  if (wanted.length === 0) return false;
  const have = words(text);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

function matchOne(ctx: OperationContext, secret: SecretRecord, key: FilterKey, value: string): boolean {
  const tags = secret.Tags ?? [];
  switch (key) {
    case 'name':
      return secret.Name.startsWith(value);
    case 'description':
      return secret.Description !== undefined && wordsMatch(value, secret.Description);
    case 'tag-key':
      return tags.some((t) => t.Key.startsWith(value));
    case 'tag-value':
      return tags.some((t) => t.Value.startsWith(value));
    case 'primary-region': {
      const primary = secret.PrimaryRegion ?? (secret.Replicas ? ctx.region : undefined);
      return primary?.startsWith(value) ?? false;
    }
    case 'owning-service':
      return false;
    case 'all':
      return [secret.Name, secret.Description ?? '', ...tags.flatMap((t) => [t.Key, t.Value])].some((text) =>
        wordsMatch(value, text),
      );
  }
}

export function matchesFilters(ctx: OperationContext, secret: SecretRecord, filters: Filter[]): boolean {
  return filters.every(({ Key, Values }) => {
    const positive = Values.filter((v) => !v.startsWith('!'));
    const negative = Values.filter((v) => v.startsWith('!')).map((v) => v.slice(1));
    if (positive.length > 0 && !positive.some((v) => matchOne(ctx, secret, Key, v))) return false;
    return !negative.some((v) => matchOne(ctx, secret, Key, v));
  });
}
