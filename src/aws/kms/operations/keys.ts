import { toEpochSeconds } from '../../core/clock';
import { indexPage, orderedIndex } from '../../core/orderedIndex';
import type { OperationContext } from '../../core/service';
import { ASYMMETRIC_SPECS, type AsymmetricSpec, generateKeyPair } from '../asymmetric';
import { authorizeKey } from '../authorize';
import { kmsErrors } from '../errors';
import { customerKey, resolveKey } from '../keyIds';
import { keyMetadata } from '../responses';
import { createKeyRecord, kmsState, removeKey, scheduleDeletion } from '../state';
import { optionalBoolean, optionalEnum, optionalInteger, optionalString, parseTags, requiredKeyId } from '../validate';
import { checkKeyPolicy, lockoutCheck } from './keyPolicies';

type Input = Record<string, unknown>;

const DAY_MS = 86_400_000;
const KEY_USAGES = ['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT'] as const;
const KEY_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'SYMMETRIC_DEFAULT',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
] as const;
const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;

export async function createKey(ctx: OperationContext, input: Input) {
  const description = optionalString(input, 'Description', { max: 8192 }) ?? '';
  const usage = optionalEnum(input, 'KeyUsage', KEY_USAGES) ?? 'ENCRYPT_DECRYPT';
  const spec = optionalEnum(input, 'KeySpec', KEY_SPECS) ?? optionalEnum(input, 'CustomerMasterKeySpec', KEY_SPECS);
  const origin = optionalEnum(input, 'Origin', ORIGINS) ?? 'AWS_KMS';
  const policy = optionalString(input, 'Policy', { min: 1, max: 32_768 });
  const bypass = optionalBoolean(input, 'BypassPolicyLockoutSafetyCheck') ?? false;
  const multiRegion = optionalBoolean(input, 'MultiRegion') ?? false;
  const tags = parseTags(input, 'Tags') ?? [];
  // CreateKey has no key to name yet: IAM authorizes it on "*".
  ctx.authorize('kms:CreateKey', '*');
  // Symmetric encryption keys and asymmetric signing keys (RSA, NIST curves) are modelled; other
  // kinds are refused rather than faked.
  const signing = usage === 'SIGN_VERIFY' && (ASYMMETRIC_SPECS as readonly string[]).includes(spec ?? '');
  const symmetric = usage === 'ENCRYPT_DECRYPT' && (spec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT';
  if (!signing && !symmetric) {
    throw kmsErrors.unsupported(
      `This emulator supports symmetric encryption keys (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT) and signing keys (${ASYMMETRIC_SPECS.join(', ')} with SIGN_VERIFY), not ${spec ?? 'SYMMETRIC_DEFAULT'} with ${usage}.`,
    );
  }
  if (origin !== 'AWS_KMS')
    throw kmsErrors.unsupported(`This emulator supports only keys with Origin AWS_KMS, not ${origin}.`);
  if (multiRegion) throw kmsErrors.unsupported('This emulator does not support multi-Region keys.');
  if (policy !== undefined) checkKeyPolicy(policy);
  const pair = signing ? await generateKeyPair(spec as AsymmetricSpec) : undefined;
  const state = kmsState(ctx);
  const key = createKeyRecord(ctx, state, {
    description,
    tags,
    ...(pair ? { signing: { spec: spec as AsymmetricSpec, ...pair } } : {}),
  });
  if (policy !== undefined) {
    try {
      lockoutCheck(ctx, key.Arn, policy, bypass);
    } catch (refused) {
      removeKey(state, key.KeyId);
      throw refused;
    }
    key.Policy = policy;
  }
  return { KeyMetadata: keyMetadata(ctx, key) };
}

export function describeKey(ctx: OperationContext, input: Input) {
  const key = resolveKey(ctx, requiredKeyId(input));
  authorizeKey(ctx, 'DescribeKey', key);
  return { KeyMetadata: keyMetadata(ctx, key) };
}

export function listKeys(ctx: OperationContext, input: Input) {
  const limit = optionalInteger(input, 'Limit', 1, 1000) ?? 100;
  const marker = optionalString(input, 'Marker', { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
  ctx.authorize('kms:ListKeys', '*');
  const map = kmsState(ctx).keys;
  // A page walks the keys in creation order from its position (the index kept by createKeyRecord / removeKey).
  const { items: page, next } = indexPage(
    map,
    () => orderedIndex(map, 'created', () => 0),
    { limit, token: marker, scope: 'ListKeys', invalid: kmsErrors.invalidMarker },
    () => true,
  );
  const items = page.map((k) => ({ KeyId: k.KeyId, KeyArn: k.Arn }));
  return { Keys: items, Truncated: next !== undefined, ...(next !== undefined ? { NextMarker: next } : {}) };
}

export function enableKey(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'EnableKey');
  if (key.KeyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.Arn);
  key.KeyState = 'Enabled';
  return {};
}

export function disableKey(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'DisableKey');
  if (key.KeyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.Arn);
  key.KeyState = 'Disabled';
  return {};
}

/** The waiting period is 7–30 days (default 30); the key cannot be used meanwhile, and can be rescued. */
export function scheduleKeyDeletion(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'ScheduleKeyDeletion');
  const days = optionalInteger(input, 'PendingWindowInDays', 7, 30) ?? 30;
  if (key.KeyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.Arn);
  const deletionDate = ctx.clock.now() + days * DAY_MS;
  scheduleDeletion(ctx, key, deletionDate, days);
  return {
    KeyId: key.Arn,
    DeletionDate: toEpochSeconds(deletionDate),
    KeyState: key.KeyState,
    PendingWindowInDays: days,
  };
}

/** A rescued key comes back Disabled, not Enabled: the caller must enable it deliberately. */
export function cancelKeyDeletion(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'CancelKeyDeletion');
  if (key.KeyState !== 'PendingDeletion') throw kmsErrors.notPendingDeletion(key.Arn);
  key.KeyState = 'Disabled';
  delete key.DeletionDate;
  delete key.PendingDeletionWindowInDays;
  return { KeyId: key.Arn };
}
