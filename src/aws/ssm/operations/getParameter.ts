import { AwsError } from '../../core/errors';
import type { OperationContext } from '../../core/service';
import { authorizeParameter } from '../authorize';
import { parameterNotFound, parameterVersionNotFound } from '../errors';
import { findParameter, isSecretReference, parseReference } from '../names';
import { parameterResponse } from '../responses';
import { getSecretReference } from '../secretReference';
import { latestVersion, ssmState } from '../state';
import { checkListLength, checkStringLength, optionalBoolean, requiredString, stringList } from '../validate';

/**
 * One name as GetParameter reads it: `name`, `name:version`, `name:label` or an ARN.
 * A missing version is ParameterVersionNotFound; a label no version carries, ParameterNotFound.
 */
function readOne(ctx: OperationContext, raw: string, decrypt: boolean, operation: 'GetParameter' | 'GetParameters') {
  const state = ssmState(ctx);
  const ref = parseReference(state, raw);
  authorizeParameter(ctx, operation, ref.name);
  if (isSecretReference(ref.name)) return getSecretReference(ctx, ref, decrypt);
  const parameter = findParameter(state, ref.name);
  if (!parameter) throw parameterNotFound(raw);
  let version = latestVersion(parameter);
  if (ref.version !== undefined) {
    const found = parameter.history.find((v) => v.Version === ref.version);
    if (!found) throw parameterVersionNotFound(ref.version, ref.name);
    version = found;
  } else if (ref.label !== undefined) {
    const found = parameter.history.find((v) => v.Labels.includes(ref.label as string));
    if (!found) throw parameterNotFound(raw);
    version = found;
  }
  return parameterResponse(ctx, parameter, version, { decrypt, selector: ref.selector });
}

export function getParameter(ctx: OperationContext, input: Record<string, unknown>) {
  const name = requiredString(input, 'Name');
  checkStringLength(name, 'Name', 1, 2048);
  const decrypt = optionalBoolean(input, 'WithDecryption') ?? false;
  return { Parameter: readOne(ctx, name, decrypt, 'GetParameter') };
}

/** Errors that make GetParameters list a name under InvalidParameters instead of failing the call. */
const INVALID_NAME_ERRORS = new Set(['ParameterNotFound', 'ParameterVersionNotFound', 'ValidationException']);

/** At most 10 names; the ones that cannot be read come back in InvalidParameters. */
export function getParameters(ctx: OperationContext, input: Record<string, unknown>) {
  const names = stringList(input, 'Names', true) ?? [];
  checkListLength(names, 'Names', 1, 10);
  const decrypt = optionalBoolean(input, 'WithDecryption') ?? false;
  const Parameters: ReturnType<typeof readOne>[] = [];
  const InvalidParameters: string[] = [];
  for (const name of new Set(names)) {
    try {
      // A name the caller may not read fails the whole call (AccessDeniedException), not InvalidParameters.
      Parameters.push(readOne(ctx, name, decrypt, 'GetParameters'));
    } catch (e) {
      if (e instanceof AwsError && INVALID_NAME_ERRORS.has(e.type)) InvalidParameters.push(name);
      else throw e;
    }
  }
  return { Parameters, InvalidParameters };
}
