import type { HashConstructor } from '@smithy/types';
import type { CallLog } from '../core/callLog';
import type { ChangeTracker } from '../core/changeTracker';
import type { SimClock } from '../core/clock';
import type { SeededRandom } from '../core/random';
import type { Caller, OperationContext, ServiceName, StateHost } from '../core/service';
import { type Connection, type ConnectOptions, connect as connectDatabase } from '../db/client';
import type { DatabaseRegistry } from '../db/registry';
import type { LambdaExtension } from '../extension/extension';
import type { IssuedKey } from '../iam/credentials';
import { type Principal, type PrincipalInput, toPrincipal } from '../policy';
import type { AuthHost } from '../protocol/authenticate';
import type { LambdaRegistry } from '../rotation/lambdaRegistry';
import { advanceClockTo } from '../scheduler/advanceClock';
import { parseDuration } from '../scheduler/duration';
import type { Scheduler } from '../scheduler/scheduler';
import type { WorkQueue } from '../scheduler/workQueue';
import type { AccountStore } from './accounts';
import type { Prepared } from './presets';
import { checkSnapshot, type EmulatorSnapshot } from './snapshot';

/** Everything `createEmulator` built and wired; the Emulator only exposes and coordinates it. */
export interface EmulatorParts {
  seed: number | undefined;
  /** Requests with keys the emulator did not issue: the account's administrator, or refused (`strict`). */
  iamMode: 'admin' | 'strict';
  /** SHA-256 for checking signatures (a pure-JS default; the endpoint passes Node's). */
  sha256: HashConstructor;
  startTime: number | undefined;
  clock: SimClock;
  random: SeededRandom;
  log: CallLog;
  accounts: AccountStore;
  lambdas: LambdaRegistry;
  scheduler: Scheduler;
  work: WorkQueue;
  databases: DatabaseRegistry;
  extension: LambdaExtension;
  /** Who `setPrincipal` made every request run as. */
  principal: { current: Principal | undefined };
  /** What a fresh emulator holds beyond empty state (the preset): run at creation and after `reset()`. */
  prepare(): Prepared;
}

/**
 * The in-memory AWS, as `createEmulator(options)` (./createEmulator.ts) assembles it: framework-free,
 * it runs unchanged in the sandbox worker, in vitest and behind the local HTTP endpoint. Requests
 * reach it through the protocol layer (src/aws/protocol/); this object is the handle tests, the lab
 * and the endpoint hold: time, state, the call log, the principal.
 */
export class Emulator implements StateHost, AuthHost {
  readonly accountId: string;
  readonly defaultRegion: string;
  readonly iamMode: 'admin' | 'strict';
  readonly sha256: HashConstructor;
  readonly clock: SimClock;
  readonly random: SeededRandom;
  readonly log: CallLog;
  /** Rotation functions by Lambda ARN: learner handlers and the built-in templates (src/aws/rotation/). */
  readonly lambdas: LambdaRegistry;
  /** What falls due as simulated time moves (src/aws/scheduler/). */
  readonly scheduler: Scheduler;
  /** Work started by a request and run after it is answered (a rotation): see `idle()`. */
  readonly work: WorkQueue;
  /** The simulated database servers (src/aws/db/). */
  readonly databases: DatabaseRegistry;
  /** The Parameters and Secrets Lambda Extension's cache (src/aws/extension/). */
  readonly extension: LambdaExtension;
  readonly #parts: EmulatorParts;
  #prepared: Prepared;

  constructor(parts: EmulatorParts) {
    this.#parts = parts;
    this.accountId = parts.accounts.accountId;
    this.defaultRegion = parts.accounts.defaultRegion;
    this.iamMode = parts.iamMode;
    this.sha256 = parts.sha256;
    this.clock = parts.clock;
    this.random = parts.random;
    this.log = parts.log;
    this.lambdas = parts.lambdas;
    this.scheduler = parts.scheduler;
    this.work = parts.work;
    this.databases = parts.databases;
    this.extension = parts.extension;
    this.#prepared = parts.prepare();
  }

  /** What the preset put in the fresh account, one line each (the endpoint prints them at start). */
  get preloaded(): readonly string[] {
    return this.#prepared.lines;
  }

  /** A strict emulator's first IAM user's keys (`admin`, AdministratorAccess); undefined otherwise. */
  get adminCredentials(): { accessKeyId: string; secretAccessKey: string } | undefined {
    return this.#prepared.adminCredentials;
  }

  /**
   * Moves simulated time forward ("30 days", "6 minutes" or ms), running everything that falls due
   * on the way in order: scheduled rotations, ends of recovery windows, parameter policies,
   * extension cache expiry. Resolves when all of it (and any work it started) has finished.
   */
  async advance(duration: number | string): Promise<void> {
    await this.work.idle();
    await advanceClockTo(this, this.clock.now() + parseDuration(duration));
  }

  /** Moves simulated time to an absolute time (epoch ms, or ISO text), as `advance` does. Never backwards. */
  async setTime(time: number | string): Promise<void> {
    const ms = typeof time === 'string' ? Date.parse(time) : time;
    if (Number.isNaN(ms)) throw new RangeError(`Invalid time: ${time}`);
    await advanceClockTo(this, ms);
  }

  /** Resolves when the work requests started (a rotation after RotateSecret) has finished. */
  idle(): Promise<void> {
    return this.work.idle();
  }

  /** Connects to a simulated database server as learner code would (`@pettracker/db`). */
  connectDatabase(options: ConnectOptions): Promise<Connection> {
    return connectDatabase(this.databases, options);
  }

  context(region?: string, accountId?: string, caller?: Caller): OperationContext {
    return this.#parts.accounts.context(region, accountId, caller);
  }

  /** The identity behind an access key the emulator issued (an IAM user's, or an AssumeRole session's). */
  issuedKey(accessKeyId: string): IssuedKey | undefined {
    return this.#parts.accounts.issuedKey(accessKeyId);
  }

  regionsWith(service: ServiceName): { accountId: string; region: string }[] {
    return this.#parts.accounts.regionsWith(service);
  }

  reportInternalError(where: string, error: unknown): void {
    this.#parts.accounts.reportInternalError(where, error);
  }

  /**
   * Runs every later request as this principal: each call is authorized against its identity-based
   * policies (and the resource's own policy where AWS consults one). Validates the ARN and the
   * policies first (MalformedPolicyDocumentError).
   */
  setPrincipal(principal: PrincipalInput): void {
    this.#parts.principal.current = toPrincipal(principal);
  }

  /** Back to no principal: every call is allowed. */
  clearPrincipal(): void {
    this.#parts.principal.current = undefined;
  }

  get principal(): PrincipalInput | undefined {
    return this.#parts.principal.current?.input;
  }

  /** Deep copy of all state, for `--state FILE` and lab fixtures. */
  snapshot(): EmulatorSnapshot {
    return JSON.parse(this.serialize());
  }

  /** The snapshot as JSON text (one serialisation, no copy), with `extra` fields first. */
  serialize(extra: Record<string, unknown> = {}): string {
    return JSON.stringify({
      version: 1,
      ...extra,
      now: this.clock.now(),
      random: this.random.position,
      accounts: this.#parts.accounts.state,
      databases: this.databases.raw,
    });
  }

  /** The state at `path` (`accounts.…` or `databases.…`), uncopied: read it, never change it. */
  stateAt(path: readonly string[]): unknown {
    let node: unknown = { accounts: this.#parts.accounts.state, databases: this.databases.raw };
    for (const key of path) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  /**
   * Marks every later change of state in `tracker`, per entry (one secret, one parameter, one
   * database server): the local endpoint journals them (src/server/journal/). A reset or a restore
   * marks everything.
   */
  trackChanges(tracker: ChangeTracker): void {
    this.#parts.accounts.track(tracker);
    this.databases.track(tracker);
  }

  /**
   * Replaces all state with a snapshot: the clock moves to the snapshot's time and the random
   * source to where it was (an older snapshot without that position gets one drawn from its
   * content, so new ids do not repeat the saved ones). Queued work and the extension's cache,
   * which belonged to the replaced state, are dropped.
   */
  restore(snapshot: EmulatorSnapshot): void {
    checkSnapshot(snapshot);
    this.#parts.accounts.load(snapshot.accounts);
    this.clock.reset(snapshot.now);
    this.random.reseed(snapshot.random ?? hash32(JSON.stringify(snapshot.accounts)) ^ (this.#parts.seed ?? 0));
    this.databases.load(snapshot.databases);
    this.work.cancelAll();
    this.extension.clear();
  }

  /** Back to a fresh emulator: empty state (plus the preset), the start time, the seed again, no principal. */
  reset(): void {
    this.#parts.accounts.clear();
    this.#parts.principal.current = undefined;
    this.clock.reset(this.#parts.startTime);
    this.random.reseed(this.#parts.seed);
    this.log.reset();
    this.work.cancelAll();
    this.lambdas.reset();
    this.databases.reset();
    this.extension.clear();
    this.#prepared = this.#parts.prepare();
  }
}

/** A stable 32-bit FNV-1a hash. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
