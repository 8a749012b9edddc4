import { AwsError } from '../core/errors';
import { constraintError } from './errors';

/**
 * Readers for the JSON request body. The SDKs send well-typed input; the AWS CLI, boto3 and the
 * fuzz test may not, so a wrong JSON type is a SerializationException (as AWS answers) and a
 * missing required member is AWS's "Member must not be null" ValidationException.
 */
type Input = Record<string, unknown>;

const serialization = (field: string, expected: string) =>
  new AwsError('SerializationException', `Unexpected value for ${field}: expected ${expected}`);

/** `Name` → `name`: AWS names members in camelCase inside validation messages. */
export const memberName = (field: string) => field.charAt(0).toLowerCase() + field.slice(1);

export function optionalString(input: Input, field: string): string | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw serialization(field, 'a string');
  return v;
}

export function requiredString(input: Input, field: string): string {
  const v = optionalString(input, field);
  if (v === undefined) throw constraintError(null, memberName(field), 'Member must not be null');
  return v;
}

export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw serialization(field, 'a boolean');
  return v;
}

export function optionalInteger(input: Input, field: string): number | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw serialization(field, 'an integer');
  return v;
}

export function optionalArray(input: Input, field: string): unknown[] | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw serialization(field, 'a list');
  return v;
}

export function stringList(input: Input, field: string, required: boolean): string[] | undefined {
  const list = optionalArray(input, field);
  if (list === undefined) {
    if (required) throw constraintError(null, memberName(field), 'Member must not be null');
    return undefined;
  }
  for (const item of list) if (typeof item !== 'string') throw serialization(field, 'a list of strings');
  return list as string[];
}

export function objectList(input: Input, field: string): Record<string, unknown>[] | undefined {
  const list = optionalArray(input, field);
  if (list === undefined) return undefined;
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw serialization(field, 'a list of structures');
  }
  return list as Record<string, unknown>[];
}

/** A list member's item count, as the API model bounds it (e.g. Names: 1–10). */
export function checkListLength(list: string[], field: string, min: number, max: number): void {
  const shown = `[${list.join(', ')}]`;
  if (list.length < min)
    throw constraintError(shown, memberName(field), `Member must have length greater than or equal to ${min}`);
  if (list.length > max)
    throw constraintError(shown, memberName(field), `Member must have length less than or equal to ${max}`);
}

export function checkStringLength(value: string, field: string, min: number, max: number): void {
  if (value.length < min)
    throw constraintError(value, memberName(field), `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    throw constraintError(value, memberName(field), `Member must have length less than or equal to ${max}`);
}

/** MaxResults as each operation bounds it (1–10 by path, 1–50 describe and history). */
export function maxResults(input: Input, max: number, fallback: number): number {
  const v = optionalInteger(input, 'MaxResults');
  if (v === undefined) return fallback;
  if (v < 1) throw constraintError(String(v), 'maxResults', 'Member must have value greater than or equal to 1');
  if (v > max) throw constraintError(String(v), 'maxResults', `Member must have value less than or equal to ${max}`);
  return v;
}

export function checkEnum<T extends string>(value: string, field: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw constraintError(value, memberName(field), `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
  return value as T;
}
