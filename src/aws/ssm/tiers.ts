import { validationError } from './errors';
import type { ParameterTier } from './state';

export const STANDARD_MAX_VALUE = 4096;
export const ADVANCED_MAX_VALUE = 8192;
/** Standard parameters per account and region (advanced ones: 100,000). */
export const STANDARD_PARAMETER_LIMIT = 10_000;

export type RequestedTier = ParameterTier | 'Intelligent-Tiering';

export interface TierInput {
  requested: RequestedTier | undefined;
  /** The tier of the current version when overwriting. */
  current: ParameterTier | undefined;
  valueLength: number;
  hasPolicies: boolean;
  /** True when this would be a new standard parameter past the 10,000 limit. */
  standardLimitReached: boolean;
}

/**
 * The tier a PutParameter writes:
 * - no Tier: the current tier when overwriting, else the default tier (Standard);
 * - Intelligent-Tiering: Advanced when the value is over 4 KB, policies are attached, the parameter
 *   is already Advanced or the standard limit is reached; Standard otherwise;
 * - an Advanced parameter never goes back to Standard.
 */
export function resolveTier(input: TierInput): ParameterTier {
  const { requested, current, valueLength, hasPolicies } = input;
  let tier: ParameterTier;
  if (requested === 'Intelligent-Tiering') {
    const needsAdvanced =
      current === 'Advanced' ||
      valueLength > STANDARD_MAX_VALUE ||
      hasPolicies ||
      (current === undefined && input.standardLimitReached);
    tier = needsAdvanced ? 'Advanced' : 'Standard';
  } else {
    tier = requested ?? current ?? 'Standard';
  }
  if (tier === 'Standard' && current === 'Advanced') {
    throw validationError(
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
    );
  }
  if (tier === 'Standard' && valueLength > STANDARD_MAX_VALUE) {
    throw validationError(
      `Standard tier parameters support a maximum parameter value of ${STANDARD_MAX_VALUE} characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html`,
    );
  }
  if (valueLength > ADVANCED_MAX_VALUE) {
    throw validationError(
      `Advanced tier parameters support a maximum parameter value of ${ADVANCED_MAX_VALUE} characters.`,
    );
  }
  if (tier === 'Standard' && hasPolicies) {
    throw validationError(
      'Parameter policies are supported only for parameters in the advanced-parameter tier. To use parameter policies, upgrade the parameter to use the advanced-parameter tier or use Intelligent-Tiering.',
    );
  }
  return tier;
}
