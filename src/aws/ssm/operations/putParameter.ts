import type { OperationContext } from '../../core/service';
import { markDue } from '../../scheduler/dueIndex';
import { authorizeParameter } from '../authorize';
import {
  invalidAllowedPattern,
  parameterAlreadyExists,
  parameterLimitExceeded,
  parameterMaxVersionLimitExceeded,
  parameterPatternMismatch,
  validationError,
} from '../errors';
import { findParameter, parameterArn, parameterKey, storeParameter, validateNewName } from '../names';
import { parsePolicies } from '../policies';
import { DEFAULT_SSM_KEY, encryptParameterValue } from '../secureString';
import { callerArn, latestVersion, type ParameterType, type ParameterVersion, type SsmState, ssmState } from '../state';
import { mergeTags, parseTags } from '../tags';
import { type RequestedTier, resolveTier, STANDARD_PARAMETER_LIMIT } from '../tiers';
import { checkEnum, checkStringLength, optionalBoolean, optionalString, requiredString } from '../validate';

/** Parameter Store keeps the 100 most recent versions of a parameter. */
export const MAX_VERSIONS = 100;
const TYPES = ['String', 'StringList', 'SecureString'] as const;
const TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'] as const;
const DATA_TYPES = ['text', 'aws:ec2:image', 'aws:ssm:integration'];
/** An AMI id: `ami-` and 8 or 17 lowercase hex digits. */
const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * AllowedPattern must match the whole value (AWS's check is a Java full match). Java's leading
 * `(?i)` becomes the `i` flag; no `u` flag, so Java-tolerated escapes like `\_` stay valid.
 */
function checkPattern(pattern: string, value: string): void {
  let re: RegExp;
  const caseless = pattern.startsWith('(?i)');
  try {
    re = new RegExp(`^(?:${caseless ? pattern.slice(4) : pattern})$`, caseless ? 'i' : '');
  } catch {
    throw invalidAllowedPattern(pattern);
  }
  if (!re.test(value)) throw parameterPatternMismatch(pattern);
}

function checkDataType(dataType: string, type: ParameterType, value: string): void {
  if (!DATA_TYPES.includes(dataType)) {
    throw validationError(`The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);
  }
  if (dataType === 'aws:ec2:image') {
    if (type !== 'String')
      throw validationError('The data type aws:ec2:image is supported only for the String parameter type.');
    if (!AMI_ID.test(value)) {
      throw validationError(
        `Parameter value, ${value}, is not a valid image ID. An image ID has the format ami-12345678 or ami-1234567890abcdef0.`,
      );
    }
  }
  if (dataType === 'aws:ssm:integration' && type !== 'SecureString') {
    throw validationError('The data type aws:ssm:integration is supported only for the SecureString parameter type.');
  }
}

const standardCount = (state: SsmState) =>
  Object.values(state.parameters).filter((p) => latestVersion(p).Tier === 'Standard').length;

export function putParameter(ctx: OperationContext, input: Record<string, unknown>) {
  const state = ssmState(ctx);
  const name = requiredString(input, 'Name');
  const value = requiredString(input, 'Value');
  const typeIn = optionalString(input, 'Type');
  const type = typeIn === undefined ? undefined : checkEnum(typeIn, 'Type', TYPES);
  const description = optionalString(input, 'Description');
  if (description !== undefined) checkStringLength(description, 'Description', 0, 1024);
  const keyId = optionalString(input, 'KeyId');
  if (keyId !== undefined) checkStringLength(keyId, 'KeyId', 1, 256);
  const overwrite = optionalBoolean(input, 'Overwrite') ?? false;
  const patternIn = optionalString(input, 'AllowedPattern');
  if (patternIn !== undefined) checkStringLength(patternIn, 'AllowedPattern', 0, 1024);
  const tierIn = optionalString(input, 'Tier');
  const tier = tierIn === undefined ? undefined : (checkEnum(tierIn, 'Tier', TIERS) as RequestedTier);
  const policiesIn = optionalString(input, 'Policies');
  const dataTypeIn = optionalString(input, 'DataType');
  if (dataTypeIn !== undefined) checkStringLength(dataTypeIn, 'DataType', 0, 128);
  const tags = parseTags(input);

  if (value.length === 0) {
    throw validationError(
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  // "tags and overwrite can't be used together": tags change only through Add/RemoveTagsFromResource.
  if (overwrite && tags.length > 0) {
    throw validationError(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  validateNewName(ctx, name);
  authorizeParameter(ctx, 'PutParameter', name);
  // Creating a parameter with tags also needs ssm:AddTagsToResource.
  if (tags.length > 0) authorizeParameter(ctx, 'AddTagsToResource', name);

  const existing = findParameter(state, name);
  if (existing && !overwrite) throw parameterAlreadyExists();
  const current = existing ? latestVersion(existing) : undefined;
  const effectiveType = type ?? current?.Type;
  if (!effectiveType) throw validationError('A parameter type is required when you create a parameter.');
  if (keyId !== undefined && effectiveType !== 'SecureString') {
    throw validationError('KeyId is required for SecureString type parameter only.');
  }
  const dataType = dataTypeIn || current?.DataType || 'text';
  checkDataType(dataType, effectiveType, value);
  // An overwrite without AllowedPattern is still held to the pattern the parameter already has.
  const allowedPattern = patternIn ?? current?.AllowedPattern;
  if (allowedPattern) checkPattern(allowedPattern, value);
  const policies = policiesIn === undefined ? (current?.Policies ?? []) : parsePolicies(ctx, policiesIn);

  const standardLimitReached = !existing && standardCount(state) >= STANDARD_PARAMETER_LIMIT;
  const resolvedTier = resolveTier({
    requested: tier,
    current: current?.Tier,
    valueLength: [...value].length,
    hasPolicies: policies.length > 0,
    standardLimitReached,
  });
  if (resolvedTier === 'Standard' && standardLimitReached) throw parameterLimitExceeded();

  const history = existing?.history ?? [];
  const oldest = history[0];
  if (history.length >= MAX_VERSIONS && oldest && oldest.Labels.length > 0) {
    throw parameterMaxVersionLimitExceeded(name, oldest.Version);
  }

  const arn = parameterArn(ctx, name);
  let stored = value;
  let storedKey: string | undefined;
  if (effectiveType === 'SecureString') {
    // Without KeyId an overwrite keeps the key the SecureString already uses; a new one gets aws/ssm.
    storedKey = keyId ?? (current?.Type === 'SecureString' ? current.KeyId : undefined) ?? DEFAULT_SSM_KEY;
    // Standard SecureStrings are encrypted by KMS directly (kms:Encrypt); Advanced ones with
    // envelope encryption under a data key (kms:GenerateDataKey).
    stored = encryptParameterValue(
      ctx,
      storedKey,
      value,
      arn,
      resolvedTier === 'Advanced' ? 'GenerateDataKey' : 'Encrypt',
    );
  }
  const description_ = description ?? current?.Description;
  const version: ParameterVersion = {
    Version: (current?.Version ?? 0) + 1,
    Type: effectiveType,
    Value: stored,
    ...(storedKey ? { KeyId: storedKey } : {}),
    ...(description_ ? { Description: description_ } : {}),
    ...(allowedPattern ? { AllowedPattern: allowedPattern } : {}),
    Tier: resolvedTier,
    Policies: policies,
    DataType: dataType,
    Labels: [],
    LastModifiedDate: ctx.clock.now(),
    LastModifiedUser: callerArn(ctx),
  };
  if (existing) {
    if (history.length >= MAX_VERSIONS) existing.history.shift();
    existing.history.push(version);
    // Its policies are the new version's: the clock's due-time index looks at it again.
    markDue(state.parameters, parameterKey(name));
  } else {
    storeParameter(state, { Name: name, history: [version], Tags: mergeTags([], tags) });
  }
  return { Version: version.Version, Tier: resolvedTier };
}
