import type { AuthorizationRecord, AuthorizeFn, Principal } from '../policy';
import type { CallLog } from './callLog';
import type { Clock } from './clock';
import type { Random } from './random';

export type ServiceName = 'secretsmanager' | 'ssm' | 'kms' | 'iam' | 'sts';

/** A rotation RotateSecret asks for: the secret (by name, in its account and region) and the version token. */
export interface RotationRequest {
  accountId: string;
  region: string;
  name: string;
  token: string;
}

/**
 * What Secrets Manager needs from the rotation simulation, wired by `createEmulator`: every
 * context has it, so no operation can run where rotation silently does not happen.
 */
export interface RotationHooks {
  /** Runs the rotation after the current request has been answered (AWS rotates asynchronously). */
  request(rotation: RotationRequest): void;
  /** Whether Secrets Manager could invoke this function: RotateSecret checks it at call time. */
  canInvoke(functionArn: string): boolean;
}

/**
 * Who a request runs as: an IAM user or a role session (keys the emulator issued), the principal a
 * lab set (`emulator.setPrincipal`), or the account's administrator (the root: everything allowed).
 */
export interface Caller {
  /** The ARN AWS names the caller by: `…:user/alice`, `arn:aws:sts::…:assumed-role/role/session`, `…:root`. */
  arn: string;
  accountId: string;
  /** GetCallerIdentity's UserId: the user id, `<role id>:<session>`, or the account id for the root. */
  userId: string;
  /** The policies evaluated for every request; absent for the account's administrator (nothing is evaluated). */
  principal?: Principal;
  /** The access key the request was signed with, when the emulator issued it. */
  accessKeyId?: string;
}

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
   * Authorizes `action` on `resource` as the caller (every call is allowed for the account's
   * administrator); throws AccessDeniedException with AWS's message when denied. See src/aws/policy/README.md.
   */
  authorize: AuthorizeFn;
  /** The authorization decisions made so far in this request, in order (the call log records them). */
  readonly decisions: AuthorizationRecord[];
  /** The rotation simulation (src/aws/rotation/). */
  rotation: RotationHooks;
  /** Who made the request (its policies are what `authorize` evaluates). */
  caller: Caller;
  /**
   * A context for another region of this account (Secrets Manager replication), as the same caller,
   * or as the service itself (`'service'`: nothing is evaluated, as when Secrets Manager copies a
   * change of a primary secret to its replicas after the request that made it).
   */
  inRegion(region: string, as?: 'caller' | 'service'): OperationContext;
}

/** What building a service's empty state may read. */
export type StateContext = Pick<OperationContext, 'accountId' | 'region' | 'clock' | 'random' | 'log'>;

/** An operation takes the parsed request and returns the response body (or throws AwsError). */
export type Operation = (ctx: OperationContext, input: Record<string, unknown>) => unknown | Promise<unknown>;

/**
 * One AWS service: its wire protocol (AWS JSON 1.1: dispatch on `X-Amz-Target`, whose part before
 * the dot is `targetPrefix`; the query protocol: `Action` and `Version` in a form, XML in
 * `namespace`, `targetPrefix` being the signing name), a factory for its state (per region, or per
 * account for a `global` service such as IAM), and its operations by name.
 *
 * Invariant: state is plain JSON data (objects, arrays, strings, numbers, booleans, null; bytes as
 * base64 strings; no class instances, Maps or Dates), so a snapshot is `JSON.stringify` and the
 * emulator endpoint's `--state FILE` and a lab exercise's fixture are the same format. Maps keyed by
 * outside input are null-prototype objects (core/dict.ts).
 */
export interface ServiceDefinition<S = unknown> {
  name: ServiceName;
  protocol: 'json' | 'query';
  targetPrefix: string;
  /** The query protocol's API version (`2010-05-08` for IAM). */
  version?: string;
  /** The query protocol's XML namespace. */
  namespace?: string;
  /** State per account rather than per region (IAM, STS). */
  global?: boolean;
  initialState(ctx: StateContext): S;
  operations: Record<string, Operation>;
}

/**
 * What answering a request needs from the emulator: a context per account and region, the call
 * log and the clock. The rotation engine, the extension and the rotation templates receive this
 * (plus what else they use), never the whole emulator.
 */
export interface RequestHost {
  readonly accountId: string;
  readonly defaultRegion: string;
  readonly clock: Clock;
  readonly log: CallLog;
  /** A context for one request; without `caller`, the request runs as the default caller (see Caller). */
  context(region?: string, accountId?: string, caller?: Caller): OperationContext;
  /** Unexpected errors (bugs): recorded in the call log and reported to the host (server log, console). */
  reportInternalError(where: string, error: unknown): void;
}

/** A RequestHost that can also walk every account and region holding a service's state (clock events). */
export interface StateHost extends RequestHost {
  regionsWith(service: ServiceName): { accountId: string; region: string }[];
}
