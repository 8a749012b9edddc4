import { type Dict, dict, own } from '../core/dict';
import { dropIndexes, indexInsert, indexRemove, type OrderedIndex, orderedIndex } from '../core/orderedIndex';
import type { OperationContext } from '../core/service';
import { markDue } from '../scheduler/dueIndex';
import type { Tag } from './validate';

/**
 * Secrets Manager state of one account and region: plain JSON (see ServiceDefinition). Dates are
 * epoch milliseconds here; responses convert them to epoch seconds.
 */
export interface SecretVersion {
  VersionId: string;
  CreatedDate: number;
  /** Staging labels on this version; an empty list makes the version "deprecated". */
  VersionStages: string[];
  /** Midnight (UTC) of the day the version was last read, as AWS reports it. */
  LastAccessedDate?: number;
  /** The KMS key id the value is encrypted under (a key id, not an alias). */
  KmsKeyId: string;
  /** Whether the caller stored a SecretString or a SecretBinary. */
  kind: 'string' | 'binary';
  /** The encrypted value (base64 of a KMS ciphertext blob); the plaintext is never stored. */
  ciphertext: string;
  /**
   * A version with an id and labels but no value yet: the AWSPENDING version Secrets Manager
   * creates when a rotation starts, before the function's createSecret step stores its value.
   * GetSecretValue answers ResourceNotFoundException for it; PutSecretValue with its id fills it.
   */
  empty?: true;
}

export interface RotationRules {
  AutomaticallyAfterDays?: number;
  Duration?: string;
  ScheduleExpression?: string;
}

/** What RotateSecret stored; a rotation engine reads and updates it. */
export interface RotationConfig {
  Enabled: boolean;
  LambdaARN?: string;
  Rules?: RotationRules;
  LastRotatedDate?: number;
  NextRotationDate?: number;
  /** Why the last rotation failed (not an AWS field: the inspector shows it); cleared by a successful one. */
  LastError?: RotationError;
}

export interface RotationError {
  /** The step that threw, or where the rotation stopped. */
  Step: string;
  /** The error's name (`ValueError`, `ResourceNotFoundException`, `AuthenticationError`...). */
  ErrorType: string;
  Message: string;
  /** The version the rotation was creating (it keeps AWSPENDING). */
  VersionId: string;
  /** Simulated time of the failure, epoch ms. */
  Time: number;
}

/** One replica of a primary secret, as ReplicationStatus reports it (see replication.ts). */
export interface ReplicaStatus {
  Region: string;
  /** The KmsKeyId the caller gave for the replica (id, ARN or alias); absent means `alias/aws/secretsmanager`. */
  KmsKeyId?: string;
  Status: 'InSync' | 'Failed' | 'InProgress';
  StatusMessage?: string;
}

export interface SecretRecord {
  ARN: string;
  Name: string;
  Description?: string;
  /** The KmsKeyId the caller gave (id, ARN or alias); absent means `alias/aws/secretsmanager`. */
  KmsKeyId?: string;
  /** Absent until tags are first set, so DescribeSecret omits the field as AWS does. */
  Tags?: Tag[];
  CreatedDate: number;
  /** Written only through `touchSecret` (ListSecrets sorts by it once per `listingVersions`). */
  readonly LastChangedDate: number;
  /** Written only through `touchSecret`, like LastChangedDate. */
  readonly LastAccessedDate?: number;
  /** When DeleteSecret was called (DescribeSecret's DeletedDate). */
  DeletedDate?: number;
  /** When the recovery window ends and the secret is removed for good. */
  DeletionDate?: number;
  /** In creation order. */
  versions: SecretVersion[];
  rotation?: RotationConfig;
  ResourcePolicy?: string;
  /** A primary's replicas, in the order they were added (absent when it has none). */
  Replicas?: ReplicaStatus[];
  /** Set on a replica only: the region of its primary (a replica is read-only; see replication.ts). */
  PrimaryRegion?: string;
}

export interface SecretsManagerState {
  /** By secret name (names are unique within an account and region); null-prototype (core/dict.ts). */
  secrets: Dict<SecretRecord>;
}

export function initialSecretsManagerState(): SecretsManagerState {
  return { secrets: dict() };
}

/**
 * The state for this request's account and region. Secrets whose recovery window has ended are
 * removed first: AWS deletes them permanently at the end of the window, so after that a name can
 * be reused and the secret is gone. Each removal is recorded in the call log as an event. The
 * earliest DeletionDate is remembered (`scheduleRemoval` lowers it), so a request looks at every
 * secret only when one may be due, not on every call.
 */
export function smState(ctx: OperationContext): SecretsManagerState {
  const state = ctx.state<SecretsManagerState>('secretsmanager');
  if ((nextRemoval.get(state.secrets) ?? Number.NEGATIVE_INFINITY) > ctx.clock.now()) return state;
  return removeDueSecrets(ctx);
}

/** Removes every secret whose recovery window has ended, looking at all of them (the clock's deletion events call it). */
export function removeDueSecrets(ctx: OperationContext): SecretsManagerState {
  const state = ctx.state<SecretsManagerState>('secretsmanager');
  const now = ctx.clock.now();
  let next = Number.POSITIVE_INFINITY;
  for (const name of Object.keys(state.secrets)) {
    const secret = state.secrets[name] as SecretRecord;
    if (secret.DeletionDate !== undefined && secret.DeletionDate <= now) {
      removeSecret(state, name);
      ctx.log.record({
        time: secret.DeletionDate,
        service: 'secretsmanager',
        operation: 'DeleteSecret',
        params: { SecretId: secret.ARN, reason: 'recovery window ended' },
        outcome: 'ok',
        region: ctx.region,
        source: 'event',
      });
    } else if (secret.DeletionDate !== undefined) next = Math.min(next, secret.DeletionDate);
  }
  nextRemoval.set(state.secrets, next);
  return state;
}

/** By secrets map: no secret is due for removal before this time (absent: not known yet). */
const nextRemoval = new WeakMap<object, number>();

/** A secret's recovery window was set to end at `when` (DeleteSecret): smState removes it then. */
export function scheduleRemoval(state: SecretsManagerState, when: number): void {
  const known = nextRemoval.get(state.secrets);
  if (known !== undefined && when < known) nextRemoval.set(state.secrets, when);
}

/**
 * Counters a ListSecrets order depends on: `membership` moves whenever a secret is stored or
 * removed, `dates` whenever a LastChangedDate or LastAccessedDate is written. ListSecrets sorts by
 * name or by a date once per value of them (listSecrets.ts), not on every page. They count changes
 * in every account and region: a change anywhere only costs the next such listing a sort.
 */
export const listingVersions = { membership: 0, dates: 0 };

/**
 * The secrets by CreatedDate (ascending, or descending for 'desc'), ties in the map's key order
 * (core/orderedIndex.ts): ListSecrets' default order, BatchGetSecretValue's with Filters. The
 * secrets map has only these indexes, so a secret keeps its place unless its CreatedDate changes.
 */
export function byCreatedDate(map: Dict<SecretRecord>, order: 'asc' | 'desc'): OrderedIndex {
  const sign = order === 'asc' ? 1 : -1;
  return orderedIndex(map, `created-${order}`, (s) => sign * s.CreatedDate);
}

/**
 * Stores a secret under its name (`__proto__` is a valid secret name: the map is null-prototype).
 * A record replacing one with the same CreatedDate (a replica synced again) keeps its place in the
 * indexes, as it keeps its place among the map's keys. One with another CreatedDate (a replica
 * overwriting a secret, ForceOverwriteReplicaSecret) also keeps its key's place, so among the
 * secrets of its new instant it lists where its name entered the region's store: the order a
 * rebuilt index gives, and the one after a restart (a snapshot and a journal replay both keep a
 * key's place). AWS cannot show another order: its CreatedDate is a wall-clock millisecond, where
 * two secrets of one region practically never tie, and the order of ties is not documented; ties
 * are common only on the simulated clock. The indexes are dropped then (this happens once per
 * overwrite, and the next listing rebuilds them) rather than placing the key by a walk of the map.
 */
export function storeSecret(state: SecretsManagerState, secret: SecretRecord): void {
  const previous = own(state.secrets, secret.Name);
  state.secrets[secret.Name] = secret;
  if (previous === undefined) indexInsert(state.secrets, secret.Name);
  else if (previous.CreatedDate !== secret.CreatedDate) dropIndexes(state.secrets);
  listingVersions.membership++;
  markDue(state.secrets, secret.Name);
}

/** Removes a secret for good (a forced DeleteSecret, the end of its recovery window). */
export function removeSecret(state: SecretsManagerState, name: string): void {
  if (!Object.hasOwn(state.secrets, name)) return;
  indexRemove(state.secrets, name);
  delete state.secrets[name];
  listingVersions.membership++;
  markDue(state.secrets, name);
}

/** Writes a secret's LastChangedDate or LastAccessedDate: the only way to (the fields are readonly). */
export function touchSecret(secret: SecretRecord, field: 'LastChangedDate' | 'LastAccessedDate', when: number): void {
  if (secret[field] === when) return;
  (secret as { -readonly [F in typeof field]: number })[field] = when;
  listingVersions.dates++;
}

/**
 * A secret's rotation schedule or recovery window changed in a way that may make it due earlier
 * (RotateSecret, a finished rotation's next date, DeleteSecret, RestoreSecret, a promoted replica):
 * the clock's due-time index looks at it again (scheduler/dueIndex.ts).
 */
export function secretDueChanged(ctx: OperationContext, name: string): void {
  markDue(ctx.state<SecretsManagerState>('secretsmanager').secrets, name);
}

/**
 * AWS reports LastAccessedDate at day resolution: midnight UTC of the access. Floor division rather
 * than `%`: epoch milliseconds are not small integers, so `%` was a floating-point modulo (a call
 * into the C library) twice on every secret read. Exact for any time the clock can show.
 */
export function dayOf(ms: number): number {
  return Math.floor(ms / 86_400_000) * 86_400_000;
}
