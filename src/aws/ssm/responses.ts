import { toEpochSeconds } from '../core/clock';
import type { OperationContext } from '../core/service';
import { parameterArn } from './names';
import { policiesResponse } from './policies';
import { decryptParameterValue } from './secureString';
import { latestVersion, type ParameterVersion, type StoredParameter } from './state';

/**
 * A version's value as the caller may see it: SecureString values are the stored base64
 * ciphertext unless WithDecryption is true (as AWS answers), then decrypted with the key.
 */
export function visibleValue(ctx: OperationContext, p: StoredParameter, v: ParameterVersion, decrypt: boolean): string {
  if (v.Type !== 'SecureString' || !decrypt) return v.Value;
  return decryptParameterValue(ctx, v.Value, parameterArn(ctx, p.Name));
}

/** The `Parameter` structure of GetParameter(s) and GetParametersByPath. */
export function parameterResponse(
  ctx: OperationContext,
  p: StoredParameter,
  v: ParameterVersion,
  options: { decrypt: boolean; selector?: string },
) {
  return {
    Name: p.Name,
    Type: v.Type,
    Value: visibleValue(ctx, p, v, options.decrypt),
    Version: v.Version,
    ...(options.selector ? { Selector: options.selector } : {}),
    LastModifiedDate: toEpochSeconds(v.LastModifiedDate),
    ARN: parameterArn(ctx, p.Name),
    DataType: v.DataType,
  };
}

/** DescribeParameters' `ParameterMetadata`: everything but the value, for the latest version. */
export function metadataResponse(ctx: OperationContext, p: StoredParameter) {
  const v = latestVersion(p);
  return {
    Name: p.Name,
    ARN: parameterArn(ctx, p.Name),
    Type: v.Type,
    ...(v.KeyId ? { KeyId: v.KeyId } : {}),
    LastModifiedDate: toEpochSeconds(v.LastModifiedDate),
    LastModifiedUser: v.LastModifiedUser,
    ...(v.Description ? { Description: v.Description } : {}),
    ...(v.AllowedPattern ? { AllowedPattern: v.AllowedPattern } : {}),
    Version: v.Version,
    Tier: v.Tier,
    Policies: policiesResponse(v.Policies),
    DataType: v.DataType,
  };
}

/** GetParameterHistory's `ParameterHistory`, one per version. */
export function historyResponse(ctx: OperationContext, p: StoredParameter, v: ParameterVersion, decrypt: boolean) {
  return {
    Name: p.Name,
    Type: v.Type,
    ...(v.KeyId ? { KeyId: v.KeyId } : {}),
    LastModifiedDate: toEpochSeconds(v.LastModifiedDate),
    LastModifiedUser: v.LastModifiedUser,
    ...(v.Description ? { Description: v.Description } : {}),
    Value: visibleValue(ctx, p, v, decrypt),
    ...(v.AllowedPattern ? { AllowedPattern: v.AllowedPattern } : {}),
    Version: v.Version,
    Labels: [...v.Labels],
    Tier: v.Tier,
    Policies: policiesResponse(v.Policies),
    DataType: v.DataType,
  };
}
