import { constraintError, invalidFilterKey, invalidFilterOption, invalidFilterValue, validationError } from './errors';
import { latestVersion, type StoredParameter } from './state';
import { objectList } from './validate';

/**
 * ParameterStringFilter, shared by DescribeParameters and GetParametersByPath with different rules:
 * - DescribeParameters: every key but Label; options Equals | BeginsWith (Name also Contains);
 *   Path takes Recursive | OneLevel (default OneLevel).
 * - GetParametersByPath: only Type, KeyId and Label; Label allows only Equals.
 * A key appears once per request; values are required (a `tag:` key alone tests that the tag exists).
 */
export interface StringFilter {
  Key: string;
  Option: string;
  Values: string[];
}

export type FilterOperation = 'DescribeParameters' | 'GetParametersByPath';

const KEY_PATTERN = /^(tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType)$/;
const TYPE_VALUES = ['String', 'StringList', 'SecureString'];
const TIER_VALUES = ['Standard', 'Advanced', 'Intelligent-Tiering'];
const DATA_TYPE_VALUES = ['text', 'aws:ec2:image', 'aws:ssm:integration'];

export function parseStringFilters(input: Record<string, unknown>, operation: FilterOperation): StringFilter[] {
  const raw = objectList(input, 'ParameterFilters') ?? [];
  const filters: StringFilter[] = [];
  raw.forEach((f, i) => {
    const member = `parameterFilters.${i + 1}.member`;
    const key = f.Key;
    if (typeof key !== 'string') throw constraintError(null, `${member}.key`, 'Member must not be null');
    if (!KEY_PATTERN.test(key) || key.length > 132) {
      throw constraintError(
        key,
        `${member}.key`,
        'Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType',
      );
    }
    const option = typeof f.Option === 'string' ? f.Option : key === 'Path' ? 'OneLevel' : 'Equals';
    const values = Array.isArray(f.Values) ? f.Values.filter((v): v is string => typeof v === 'string') : [];
    if (values.length > 50)
      throw constraintError(
        `[${values.join(', ')}]`,
        `${member}.values`,
        'Member must have length less than or equal to 50',
      );
    filters.push({ Key: key, Option: option, Values: values });
  });
  const seen = new Set<string>();
  for (const f of filters) {
    checkKeyAllowed(f.Key, operation);
    if (seen.has(f.Key)) {
      throw invalidFilterKey(
        `The following filter is duplicated in the request: ${f.Key}. A request can contain only one occurrence of a specific filter.`,
      );
    }
    seen.add(f.Key);
    if (f.Values.length === 0 && !f.Key.startsWith('tag:')) {
      throw invalidFilterValue(`The following filter values are missing : null for filter key ${f.Key}.`);
    }
    checkOption(f, operation);
    checkValues(f);
  }
  return filters;
}

function checkKeyAllowed(key: string, operation: FilterOperation): void {
  if (operation === 'DescribeParameters' && key === 'Label') {
    throw invalidFilterKey(
      'The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier, DataType, tag].',
    );
  }
  if (operation === 'GetParametersByPath' && !['Type', 'KeyId', 'Label'].includes(key)) {
    throw invalidFilterKey(
      `The following filter key is not valid: ${key}. Valid filter keys include: [Type, KeyId, Label].`,
    );
  }
}

function checkOption(f: StringFilter, operation: FilterOperation): void {
  if (f.Key === 'Path') {
    if (f.Option !== 'Recursive' && f.Option !== 'OneLevel') {
      throw invalidFilterOption(
        `The following filter option is not valid: ${f.Option}. Valid options include: [Recursive, OneLevel].`,
      );
    }
    for (const v of f.Values) checkPathValue(v);
    return;
  }
  const allowed =
    operation === 'GetParametersByPath' && f.Key === 'Label'
      ? ['Equals']
      : f.Key === 'Name'
        ? ['BeginsWith', 'Contains', 'Equals']
        : ['BeginsWith', 'Equals'];
  if (!allowed.includes(f.Option)) {
    throw invalidFilterOption(
      `The following filter option is not valid: ${f.Option}. Valid options include: [${allowed.join(', ')}].`,
    );
  }
}

function checkValues(f: StringFilter): void {
  const enumFor: Record<string, string[]> = { Type: TYPE_VALUES, Tier: TIER_VALUES, DataType: DATA_TYPE_VALUES };
  const allowed = enumFor[f.Key];
  if (!allowed) return;
  for (const v of f.Values) {
    if (!allowed.includes(v)) {
      throw invalidFilterValue(
        `The following filter value is not valid: ${v}. Valid values include: [${allowed.join(', ')}].`,
      );
    }
  }
}

/** Path values follow the name rules and may not reach into AWS's own `/aws` and `/ssm` namespaces. */
export function checkPathValue(path: string): void {
  if (/^\/(aws|ssm)/i.test(path)) {
    throw validationError(
      'Filters for common parameters can\'t be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.',
    );
  }
  if (!path.startsWith('/') || path.includes('//') || !/^[a-zA-Z0-9_.\-/]*$/.test(path)) {
    throw validationError(
      'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.',
    );
  }
}

/** Is `name` under `path`: directly (OneLevel) or at any depth (Recursive)? Names without `/` sit at the root. */
export function underPath(name: string, path: string, recursive: boolean): boolean {
  const base = path.replace(/\/+$/, '');
  const full = name.startsWith('/') ? name : `/${name}`;
  if (!full.startsWith(`${base}/`)) return false;
  return recursive || !full.slice(base.length + 1).includes('/');
}

const withSlash = (s: string) => (s.startsWith('/') ? s : `/${s}`);

function compare(subject: string, option: string, value: string): boolean {
  if (option === 'BeginsWith') return subject.startsWith(value);
  if (option === 'Contains') return subject.includes(value);
  return subject === value;
}

/** True when the parameter's latest version passes every filter. */
export function matchesFilters(p: StoredParameter, filters: StringFilter[]): boolean {
  const v = latestVersion(p);
  return filters.every((f) => {
    switch (f.Key) {
      case 'Name':
        // Name compares with a leading slash on both sides ("Prod" finds "/Prod"), except Contains.
        return f.Option === 'Contains'
          ? f.Values.some((x) => p.Name.includes(x))
          : f.Values.some((x) => compare(withSlash(p.Name), f.Option, withSlash(x)));
      case 'Path':
        return f.Values.some((x) => underPath(p.Name, x, f.Option === 'Recursive'));
      case 'Type':
        return f.Values.some((x) => compare(v.Type, f.Option, x));
      case 'KeyId':
        return v.KeyId !== undefined && f.Values.some((x) => compare(v.KeyId as string, f.Option, x));
      case 'Tier':
        return f.Values.some((x) => compare(v.Tier, f.Option, x));
      case 'DataType':
        return f.Values.some((x) => compare(v.DataType, f.Option, x));
      case 'Label':
        return p.history.some((h) => h.Labels.some((l) => f.Values.some((x) => compare(l, f.Option, x))));
      default: {
        const tag = p.Tags.find((t) => t.Key === f.Key.slice(4));
        if (!tag) return false;
        return f.Values.length === 0 || f.Values.some((x) => compare(tag.Value, f.Option, x));
      }
    }
  });
}
