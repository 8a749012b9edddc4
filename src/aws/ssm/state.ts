/** Parameter Store state of one account and region: plain JSON (see ServiceDefinition). */
import { type Dict, dict } from '../core/dict';
import type { OperationContext } from '../core/service';

export type ParameterType = 'String' | 'StringList' | 'SecureString';
export type ParameterTier = 'Standard' | 'Advanced';

export interface Tag {
  Key: string;
  Value: string;
}

/** One parameter policy (Expiration, ExpirationNotification, NoChangeNotification). */
export interface ParameterPolicy {
  /** The policy document exactly as given, as JSON text. */
  PolicyText: string;
  PolicyType: 'Expiration' | 'ExpirationNotification' | 'NoChangeNotification';
  /** Pending until it runs, then Finished (or Failed). */
  PolicyStatus: 'Pending' | 'Finished' | 'InProgress' | 'Failed';
}

/** One version of a parameter, as GetParameterHistory reports it. */
export interface ParameterVersion {
  Version: number;
  Type: ParameterType;
  /** The plaintext for String and StringList; for SecureString only the base64 KMS ciphertext. */
  Value: string;
  /** SecureString only: the KeyId as the caller gave it (default `alias/aws/ssm`). */
  KeyId?: string;
  Description?: string;
  AllowedPattern?: string;
  /** The tier the parameter had when this version was written (Intelligent-Tiering is resolved). */
  Tier: ParameterTier;
  /** Parameter policies as stored and reported; a later issue runs them on the simulated clock. */
  Policies: ParameterPolicy[];
  DataType: string;
  /** A label names at most one version of a parameter. */
  Labels: string[];
  /** Epoch milliseconds. */
  LastModifiedDate: number;
  LastModifiedUser: string;
}

export interface StoredParameter {
  Name: string;
  /** Oldest first; at most 100 versions are kept. */
  history: ParameterVersion[];
  Tags: Tag[];
}

export interface SsmState {
  /** By name (case sensitive), a top-level name without its leading slash: see `parameterKey` in names.ts. */
  parameters: Dict<StoredParameter>;
}

export function initialSsmState(): SsmState {
  return { parameters: dict() };
}

export function latestVersion(parameter: StoredParameter): ParameterVersion {
  const latest = parameter.history[parameter.history.length - 1];
  if (!latest) throw new Error(`Parameter ${parameter.Name} has no versions`);
  return latest;
}

export function ssmState(ctx: OperationContext): SsmState {
  return ctx.state<SsmState>('ssm');
}

/** Who AWS records as LastModifiedUser; the emulator has one caller per account. */
export function callerArn(ctx: OperationContext): string {
  return `arn:aws:iam::${ctx.accountId}:root`;
}
