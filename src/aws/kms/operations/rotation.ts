import { toEpochSeconds } from '../../core/clock';
import { AwsError } from '../../core/errors';
import { paginate } from '../../core/paginate';
import type { OperationContext } from '../../core/service';
import { authorizeKey } from '../authorize';
import { kmsErrors } from '../errors';
import { customerKey, resolveKey, usable } from '../keyIds';
import { type KmsKey, rotateKey, scheduleRotation } from '../state';

const DAY_MS = 86_400_000;

import { optionalInteger, optionalString, requiredKeyId } from '../validate';

type Input = Record<string, unknown>;

/** KMS rotates symmetric encryption keys only; an asymmetric key's material never changes. */
function symmetricOnly(key: KmsKey): void {
  if (key.KeySpec !== 'SYMMETRIC_DEFAULT')
    throw kmsErrors.unsupported(`${key.Arn} key spec is ${key.KeySpec}, which does not support key rotation.`);
}

/** Automatic rotation every RotationPeriodInDays (90–2560, default 365) from now, on the emulator's clock. */
export function enableKeyRotation(ctx: OperationContext, input: Input) {
  const days = optionalInteger(input, 'RotationPeriodInDays', 90, 2560) ?? 365;
  const key = customerKey(ctx, input, 'EnableKeyRotation');
  usable(key);
  symmetricOnly(key);
  scheduleRotation(ctx, key, ctx.clock.now() + days * DAY_MS, days);
  return {};
}

export function disableKeyRotation(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'DisableKeyRotation');
  usable(key);
  delete key.RotationPeriodInDays;
  delete key.NextRotationDate;
  return {};
}

/** AWS managed keys rotate every year, always; a customer managed key when EnableKeyRotation turned it on. */
export function getKeyRotationStatus(ctx: OperationContext, input: Input) {
  const key = resolveKey(ctx, requiredKeyId(input));
  authorizeKey(ctx, 'GetKeyRotationStatus', key);
  if (key.KeyManager === 'AWS') return { KeyRotationEnabled: true, KeyId: key.Arn, RotationPeriodInDays: 365 };
  const on = key.NextRotationDate !== undefined && key.RotationPeriodInDays !== undefined;
  return {
    KeyRotationEnabled: on,
    KeyId: key.Arn,
    ...(on
      ? { RotationPeriodInDays: key.RotationPeriodInDays, NextRotationDate: toEpochSeconds(key.NextRotationDate ?? 0) }
      : {}),
  };
}

/** Rotates now, whether or not automatic rotation is on (its schedule is unchanged). */
export function rotateKeyOnDemand(ctx: OperationContext, input: Input) {
  const key = customerKey(ctx, input, 'RotateKeyOnDemand');
  usable(key);
  symmetricOnly(key);
  const onDemand = (key.Rotations ?? []).filter((r) => r.RotationType === 'ON_DEMAND').length;
  // KMS allows 25 on-demand rotations per key (AWS KMS quotas).
  if (onDemand >= 25)
    throw new AwsError(
      'LimitExceededException',
      `The on-demand rotations limit has been reached for the given key: ${key.Arn}`,
    );
  rotateKey(ctx, key, ctx.clock.now(), 'ON_DEMAND');
  return { KeyId: key.KeyId };
}

export function listKeyRotations(ctx: OperationContext, input: Input) {
  const limit = optionalInteger(input, 'Limit', 1, 1000) ?? 100;
  const marker = optionalString(input, 'Marker', { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
  const key = resolveKey(ctx, requiredKeyId(input));
  authorizeKey(ctx, 'ListKeyRotations', key);
  const rotations = (key.Rotations ?? []).map((r) => ({
    KeyId: key.KeyId,
    RotationDate: toEpochSeconds(r.RotationDate),
    RotationType: r.RotationType,
  }));
  const { items, next } = paginate(rotations, {
    limit,
    token: marker,
    scope: `ListKeyRotations:${key.KeyId}`,
    invalid: kmsErrors.invalidMarker,
  });
  return { Rotations: items, Truncated: next !== undefined, ...(next !== undefined ? { NextMarker: next } : {}) };
}
