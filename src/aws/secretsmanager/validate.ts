import { fromBase64 } from '../core/base64';
import { AwsError } from '../core/errors';
import { bothValues, invalidName } from './errors';

/**
 * Input rules and limits of the Secrets Manager API reference. Constraint violations use the
 * AWS JSON services' wording ("1 validation error detected: Value 'x' at 'secretId' failed to
 * satisfy constraint: ..."), with member names in lowerCamelCase as AWS writes them; a value of
 * the wrong JSON type is a SerializationException, as AWS's deserializer answers it.
 */
export type Input = Record<string, unknown>;

/** The largest secret value: 65,536 bytes for SecretString (UTF-8) and SecretBinary alike. */
export const MAX_SECRET_BYTES = 65_536;
/** Secret names: ASCII letters, digits and /_+=.@- (CreateSecret). */
const NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]+$/;
const REDACTED = '*** Sensitive Data Redacted ***';

const member = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

export function constraint(name: string, value: unknown, rule: string, sensitive = false): AwsError {
  const shown = value === null || value === undefined ? 'null' : `'${sensitive ? REDACTED : String(value)}'`;
  const subject = shown === 'null' ? 'Value null' : `Value ${shown}`;
  return new AwsError(
    'ValidationException',
    `1 validation error detected: ${subject} at '${member(name)}' failed to satisfy constraint: ${rule}`,
  );
}

function typeError(name: string, expected: string): AwsError {
  return new AwsError('SerializationException', `Unexpected value type for '${name}': expected ${expected}`);
}

function present(input: Input, name: string): unknown {
  const v = input[name];
  return v === null ? undefined : v;
}

interface StringRule {
  min?: number;
  max?: number;
  sensitive?: boolean;
}

function checkLength(name: string, value: string, rule: StringRule): void {
  if (rule.min !== undefined && value.length < rule.min) {
    throw constraint(name, value, `Member must have length greater than or equal to ${rule.min}`, rule.sensitive);
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw constraint(name, value, `Member must have length less than or equal to ${rule.max}`, rule.sensitive);
  }
}

export function optString(input: Input, name: string, rule: StringRule = {}): string | undefined {
  const v = present(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw typeError(name, 'a string');
  checkLength(name, v, rule);
  return v;
}

export function reqString(input: Input, name: string, rule: StringRule = {}): string {
  const v = optString(input, name, rule);
  if (v === undefined) throw constraint(name, null, 'Member must not be null');
  return v;
}

export function optBool(input: Input, name: string): boolean | undefined {
  const v = present(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw typeError(name, 'a boolean');
  return v;
}

export function optInt(input: Input, name: string, rule: { min?: number; max?: number } = {}): number | undefined {
  const v = present(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(name, 'an integer');
  if (rule.min !== undefined && v < rule.min)
    throw constraint(name, v, `Member must have value greater than or equal to ${rule.min}`);
  if (rule.max !== undefined && v > rule.max)
    throw constraint(name, v, `Member must have value less than or equal to ${rule.max}`);
  return v;
}

export function optObject(input: Input, name: string): Input | undefined {
  const v = present(input, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw typeError(name, 'an object');
  return v as Input;
}

export function optList(input: Input, name: string, rule: { min?: number; max?: number } = {}): unknown[] | undefined {
  const v = present(input, name);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw typeError(name, 'a list');
  if (rule.min !== undefined && v.length < rule.min)
    throw constraint(name, `[${v.join(', ')}]`, `Member must have length greater than or equal to ${rule.min}`);
  if (rule.max !== undefined && v.length > rule.max)
    throw constraint(name, `[${v.join(', ')}]`, `Member must have length less than or equal to ${rule.max}`);
  return v;
}

export function optStringList(
  input: Input,
  name: string,
  rule: { min?: number; max?: number; item?: StringRule } = {},
): string[] | undefined {
  const list = optList(input, name, rule);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (typeof item !== 'string') throw typeError(name, 'a list of strings');
    checkLength(name, item, rule.item ?? {});
    return item;
  });
}

export function optObjectList(
  input: Input,
  name: string,
  rule: { min?: number; max?: number } = {},
): Input[] | undefined {
  const list = optList(input, name, rule);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw typeError(name, 'a list of objects');
    return item as Input;
  });
}

/** A secret's name, as CreateSecret takes it: 1–512 characters from the allowed set. */
export function secretName(input: Input): string {
  const name = reqString(input, 'Name', { min: 1, max: 512 });
  if (!NAME_PATTERN.test(name)) throw invalidName();
  return name;
}

/** `SecretId`: a name, a full ARN or a partial ARN (1–2048 characters). Names are checked like CreateSecret's. */
export function secretId(input: Input, name = 'SecretId'): string {
  const id = reqString(input, name, { min: 1, max: 2048 });
  if (!id.startsWith('arn:') && !NAME_PATTERN.test(id)) throw invalidName();
  return id;
}

/** ClientRequestToken: 32–64 characters (the SDKs and the CLI send a UUID when the caller does not). */
export function clientRequestToken(input: Input): string | undefined {
  return optString(input, 'ClientRequestToken', { min: 32, max: 64 });
}

export interface SecretValue {
  kind: 'string' | 'binary';
  bytes: Uint8Array;
}

/** SecretString or SecretBinary (base64 on the wire), never both, each at most 65,536 bytes. */
export function secretValue(input: Input): SecretValue | undefined {
  const text = optString(input, 'SecretString', { sensitive: true });
  const b64 = optString(input, 'SecretBinary', { sensitive: true });
  if (text !== undefined && b64 !== undefined) throw bothValues();
  if (text !== undefined) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > MAX_SECRET_BYTES) {
      throw constraint('SecretString', text, `Member must have length less than or equal to ${MAX_SECRET_BYTES}`, true);
    }
    return { kind: 'string', bytes };
  }
  if (b64 !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(b64);
    } catch {
      throw new AwsError('SerializationException', "Value for 'SecretBinary' is not valid base64");
    }
    if (bytes.length > MAX_SECRET_BYTES) {
      throw constraint('SecretBinary', b64, `Member must have length less than or equal to ${MAX_SECRET_BYTES}`, true);
    }
    return { kind: 'binary', bytes };
  }
  return undefined;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** Tags: at most 50; keys 1–128 characters, values 0–256. */
export function tagList(input: Input, name = 'Tags'): Tag[] | undefined {
  const list = optObjectList(input, name, { max: 50 });
  return list?.map((t) => ({
    Key: reqString(t, 'Key', { min: 1, max: 128 }),
    Value: optString(t, 'Value', { max: 256 }) ?? '',
  }));
}

/** A region code as the API reference's pattern has it (`us-east-1`). */
const REGION_PATTERN = /^([a-z]+-)+\d+$/;

function region(name: string, value: string): string {
  if (!REGION_PATTERN.test(value)) {
    throw constraint(name, value, 'Member must satisfy regular expression pattern: ^([a-z]+-)+\\d+$');
  }
  return value;
}

/** AddReplicaRegions: at least one `{ Region, KmsKeyId? }` (Region 1–128 characters, KmsKeyId up to 2048). */
export function replicaRegions(input: Input): { Region: string; KmsKeyId?: string }[] | undefined {
  const list = optObjectList(input, 'AddReplicaRegions', { min: 1 });
  return list?.map((r) => ({
    Region: region('AddReplicaRegions.member.Region', reqString(r, 'Region', { min: 1, max: 128 })),
    KmsKeyId: optString(r, 'KmsKeyId', { max: 2048 }),
  }));
}

/** RemoveReplicaRegions: at least one region code. */
export function regionList(input: Input, name: string): string[] | undefined {
  return optStringList(input, name, { min: 1, item: { min: 1, max: 128 } })?.map((r) => region(name, r));
}
