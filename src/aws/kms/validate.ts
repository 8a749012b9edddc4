import { fromBase64 } from '../core/base64';
import { dict } from '../core/dict';
import { AwsError, validationError } from '../core/errors';
import { kmsErrors } from './errors';
import type { KmsKey } from './state';

/**
 * Input rules for KMS requests, with the wording of AWS's request validation ("1 validation error
 * detected: Value ... at 'keyId' failed to satisfy constraint: ..."). A value of the wrong JSON type
 * is a SerializationException, as AWS's JSON deserializer answers before any constraint is checked.
 */
type Input = Record<string, unknown>;

const member = (field: string) => field.charAt(0).toLowerCase() + field.slice(1);

function constraint(field: string, value: unknown, rule: string, sensitive = false) {
  const shown = sensitive ? 'Value' : value === null ? 'Value null' : `Value '${String(value)}'`;
  return validationError(
    `1 validation error detected: ${shown} at '${member(field)}' failed to satisfy constraint: ${rule}`,
  );
}

function wrongType(value: unknown, expected: string): AwsError {
  if (Array.isArray(value)) return new AwsError('SerializationException', 'Start of list found where not expected');
  if (typeof value === 'object' && value !== null) {
    return new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  const kind = typeof value === 'string' ? 'STRING_VALUE' : typeof value === 'number' ? 'NUMBER_VALUE' : 'VALUE';
  return new AwsError('SerializationException', `${kind} can not be converted to ${expected}`);
}

const absent = (v: unknown) => v === undefined || v === null;

export function optionalString(
  input: Input,
  field: string,
  rules: { min?: number; max?: number; pattern?: RegExp } = {},
): string | undefined {
  const v = input[field];
  if (absent(v)) return undefined;
  if (typeof v !== 'string') throw wrongType(v, 'a String');
  if (rules.min !== undefined && v.length < rules.min) {
    throw constraint(field, v, `Member must have length greater than or equal to ${rules.min}`);
  }
  if (rules.max !== undefined && v.length > rules.max) {
    throw constraint(field, v, `Member must have length less than or equal to ${rules.max}`);
  }
  if (rules.pattern && !rules.pattern.test(v)) {
    throw constraint(field, v, `Member must satisfy regular expression pattern: ${rules.pattern.source}`);
  }
  return v;
}

export function requiredString(input: Input, field: string, rules: Parameters<typeof optionalString>[2] = {}): string {
  const v = optionalString(input, field, rules);
  if (v === undefined) throw constraint(field, null, 'Member must not be null');
  return v;
}

/** KeyId everywhere in KMS: 1 to 2048 characters. */
export const requiredKeyId = (input: Input, field = 'KeyId') => requiredString(input, field, { min: 1, max: 2048 });

export function optionalEnum<T extends string>(input: Input, field: string, values: readonly T[]): T | undefined {
  const v = optionalString(input, field);
  if (v === undefined) return undefined;
  if (!values.includes(v as T))
    throw constraint(field, v, `Member must satisfy enum value set: [${values.join(', ')}]`);
  return v as T;
}

const ENCRYPTION_ALGORITHMS = ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE'] as const;

/**
 * An encryption algorithm field for a symmetric key (the only kind here): SYMMETRIC_DEFAULT or absent.
 * The RSA and SM2 algorithms are valid names but need asymmetric keys, so AWS answers InvalidKeyUsageException.
 */
export function symmetricAlgorithm(input: Input, field: string): void {
  const algorithm = optionalEnum(input, field, ENCRYPTION_ALGORITHMS);
  if (algorithm !== undefined && algorithm !== 'SYMMETRIC_DEFAULT') {
    throw new AwsError(
      'InvalidKeyUsageException',
      `Algorithm ${algorithm} is incompatible with key spec SYMMETRIC_DEFAULT.`,
    );
  }
}

export function optionalInteger(input: Input, field: string, min: number, max: number): number | undefined {
  const v = input[field];
  if (absent(v)) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw wrongType(v, 'an Integer');
  if (v < min) throw constraint(field, v, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw constraint(field, v, `Member must have value less than or equal to ${max}`);
  return v;
}

export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const v = input[field];
  if (absent(v)) return undefined;
  if (typeof v !== 'boolean') throw wrongType(v, 'a Boolean');
  return v;
}

/** A blob travels as base64 in JSON 1.1; its length limits apply to the decoded bytes. */
export function optionalBlob(input: Input, field: string, min: number, max: number): Uint8Array | undefined {
  const v = input[field];
  if (absent(v)) return undefined;
  if (typeof v !== 'string') throw wrongType(v, 'a Blob');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(v);
  } catch {
    throw new AwsError('SerializationException', `Base64 encoded value expected for '${member(field)}'`);
  }
  if (bytes.length < min) throw constraint(field, v, `Member must have length greater than or equal to ${min}`, true);
  if (bytes.length > max) throw constraint(field, v, `Member must have length less than or equal to ${max}`, true);
  return bytes;
}

export function requiredBlob(input: Input, field: string, min: number, max: number): Uint8Array {
  const v = optionalBlob(input, field, min, max);
  if (v === undefined) throw constraint(field, null, 'Member must not be null');
  return v;
}

/** EncryptionContext: a map of strings to strings. */
export function optionalStringMap(input: Input, field: string): Record<string, string> | undefined {
  const v = input[field];
  if (absent(v)) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw wrongType(v, 'a Map');
  // Null-prototype: an encryption-context key `__proto__` is a key like any other.
  const out = dict<string>();
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') throw wrongType(value, 'a String');
    out[k] = value;
  }
  return out;
}

export function optionalList(input: Input, field: string): unknown[] | undefined {
  const v = input[field];
  if (absent(v)) return undefined;
  if (!Array.isArray(v)) throw wrongType(v, 'a List');
  return v;
}

export function requiredList(input: Input, field: string): unknown[] {
  const v = optionalList(input, field);
  if (v === undefined) throw constraint(field, null, 'Member must not be null');
  return v;
}

/** A structure inside a list (a Tag): must be a JSON object. */
export function asStructure(value: unknown): Input {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType(value, 'a Structure');
  return value as Input;
}

/** At most 50 tags on a key; keys 1–128 characters, values 0–256; the `aws:` prefix is AWS's own. */
export const MAX_TAGS = 50;

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
