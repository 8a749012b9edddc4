import { own } from '../core/dict';
import { indexInsert, indexRemove, type OrderedIndex, orderedIndex } from '../core/orderedIndex';
import type { OperationContext } from '../core/service';
import { markDue } from '../scheduler/dueIndex';
import { accessDeniedReservedName, hierarchyLevelLimitExceeded, validationError } from './errors';
import type { SsmState, StoredParameter } from './state';
import { checkStringLength } from './validate';

/** Parameter names: `a-zA-Z0-9_.-` plus `/` between hierarchy levels (AWS naming constraints). */
const NAME_CHARS = /^[a-zA-Z0-9_.\-/]+$/;
/** "Parameter hierarchies are limited to a maximum depth of fifteen levels." */
export const MAX_HIERARCHY_LEVELS = 15;
/** The name a caller creates, counted with the ARN prefix before it, is at most 1011 characters. */
export const MAX_NAME_WITH_ARN = 1011;

const INVALID_NAME =
  'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';
const RESERVED_PLAIN = 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).';
const RESERVED_SSM_PATH =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

/** `arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>`. */
export function parameterArn(ctx: OperationContext, name: string): string {
  return `arn:aws:ssm:${ctx.region}:${ctx.accountId}:parameter/${name.replace(/^\//, '')}`;
}

export const isSecretReference = (name: string) => name.startsWith('/aws/reference/secretsmanager/');

/**
 * The rules PutParameter applies to a new name. Reserved prefixes first, as AWS does: `/aws...`
 * paths are AWS's own namespace (AccessDeniedException), other `aws`/`ssm` prefixes are
 * ValidationExceptions whose wording depends on whether the name is a path.
 */
export function validateNewName(ctx: OperationContext, name: string): void {
  checkStringLength(name, 'Name', 1, 2048);
  const lower = name.toLowerCase();
  const bare = lower.replace(/^\//, '');
  if (bare.startsWith('aws') || bare.startsWith('ssm')) {
    const isPath = (name.match(/\//g)?.length ?? 0) > 1;
    if (lower.startsWith('/aws') && isPath) throw accessDeniedReservedName(name);
    throw validationError(isPath ? RESERVED_SSM_PATH : RESERVED_PLAIN);
  }
  if (
    !NAME_CHARS.test(name) ||
    name.includes('//') ||
    (name.includes('/') && !name.startsWith('/')) ||
    name.endsWith('/')
  ) {
    throw validationError(INVALID_NAME);
  }
  if ((name.match(/\//g)?.length ?? 0) > MAX_HIERARCHY_LEVELS) throw hierarchyLevelLimitExceeded();
  const arn = parameterArn(ctx, name);
  if (arn.length > MAX_NAME_WITH_ARN) {
    throw validationError(
      `Parameter name: ${name.length} characters is too long. The maximum length of a parameter name, including the ARN prefix ${arn.slice(0, arn.length - name.replace(/^\//, '').length)}, is ${MAX_NAME_WITH_ARN} characters.`,
    );
  }
}

export interface ParsedReference {
  /** The name (an ARN is turned back into the stored name). */
  name: string;
  /** `:3` or `:label`, as GetParameter echoes it in `Selector`. */
  selector?: string;
  version?: number;
  label?: string;
}

const BAD_SELECTOR =
  'Invalid parameter name. Please use correct syntax for referencing a version/label  <name>:<version/label>';

/**
 * Splits `name`, `name:version`, `name:label` or a parameter ARN (optionally with a selector).
 * More than one selector, or an empty one, is AWS's "correct syntax" ValidationException.
 */
export function parseReference(_state: SsmState, raw: string): ParsedReference {
  let body = raw;
  let fromArn = false;
  const arn = raw.match(/^arn:aws[a-z-]*:ssm:[^:]*:[^:]*:parameter\/(.*)$/);
  if (arn) {
    body = arn[1] ?? '';
    fromArn = true;
  }
  const parts = body.split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw validationError(BAD_SELECTOR);
  let name = parts[0] ?? '';
  // An ARN names `a/b` for `/a/b`; a top-level `name` and `/name` are one parameter anyway.
  if (fromArn && name.includes('/')) name = `/${name}`;
  const sel = parts[1];
  if (sel === undefined) return { name };
  if (/^\d+$/.test(sel)) return { name, selector: `:${sel}`, version: Number(sel) };
  return { name, selector: `:${sel}`, label: sel };
}

/**
 * The key a parameter is stored under: a top-level name with a leading slash is the same
 * parameter as the name without it (`/name` and `name`), as Parameter Store treats them, for
 * every operation. Deeper names always start with a slash and are their own key.
 */
export function parameterKey(name: string): string {
  return name.startsWith('/') && name.indexOf('/', 1) < 0 ? name.slice(1) : name;
}

export function findParameter(state: SsmState, name: string): StoredParameter | undefined {
  return own(state.parameters, parameterKey(name));
}

/** Every parameter enters and leaves the map here, which keeps its list index (core/orderedIndex.ts) true. */
export function storeParameter(state: SsmState, parameter: StoredParameter): void {
  const key = parameterKey(parameter.Name);
  if (Object.hasOwn(state.parameters, key)) indexRemove(state.parameters, key);
  state.parameters[key] = parameter;
  indexInsert(state.parameters, key);
  markDue(state.parameters, key);
}

export function removeParameter(state: SsmState, name: string): void {
  const key = parameterKey(name);
  if (!Object.hasOwn(state.parameters, key)) return;
  indexRemove(state.parameters, key);
  delete state.parameters[key];
  markDue(state.parameters, key);
}

/** The parameters' keys in name order (DescribeParameters, GetParametersByPath), kept as they change. */
export function byName(state: SsmState): OrderedIndex {
  return orderedIndex(state.parameters, 'name', (p) => p.Name);
}

/** Resolves a Name or ARN (no selector) given to DeleteParameter, GetParameterHistory, tags... */
export function nameFromNameOrArn(state: SsmState, raw: string): string {
  return raw.startsWith('arn:') ? parseReference(state, raw).name : raw;
}
