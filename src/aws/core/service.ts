import type { AuthorizationRecord, AuthorizeFn } from '../iam';
import type { CallLog } from './callLog';
import type { Clock } from './clock';
import type { Random } from './random';

export type ServiceName = 'secretsmanager' | 'ssm' | 'kms';

/**
 * What an operation sees: the caller's account and region, the emulator's clock and random
 * source, and the state of every service in that account and region (SSM reads KMS keys and
 * Secrets Manager secrets; Secrets Manager encrypts with KMS).
 */
export interface OperationContext {
  accountId: string;
  region: string;
  clock: Clock;
  random: Random;
  log: CallLog;
  /** The state of a service in this account and region, created on first use. */
  state<S>(service: ServiceName): S;
  /**
   * Authorizes `action` on `resource` as the emulator's principal (every call is allowed when none is
   * set); throws AccessDeniedException with AWS's message when denied. See src/aws/iam/README.md.
   */
  authorize: AuthorizeFn;
  /** The authorization decisions made so far in this request, in order (the call log records them). */
  readonly decisions: AuthorizationRecord[];
}

/** An operation takes the parsed JSON body and returns the JSON response body (or throws AwsError). */
export type Operation = (ctx: OperationContext, input: Record<string, unknown>) => unknown | Promise<unknown>;

/**
 * One AWS service: its JSON 1.1 target prefix (the part of `X-Amz-Target` before the dot), a
 * factory for its per-region state, and its operations by name.
 *
 * Invariant: state is plain JSON data (objects, arrays, strings, numbers, booleans, null; bytes as
 * base64 strings; no class instances, Maps or Dates), so a snapshot is `JSON.stringify` and the
 * emulator endpoint's `--state FILE` and a lab exercise's fixture are the same format.
 */
export interface ServiceDefinition<S = unknown> {
  name: ServiceName;
  targetPrefix: string;
  initialState(ctx: Omit<OperationContext, 'state' | 'authorize' | 'decisions'>): S;
  operations: Record<string, Operation>;
}
