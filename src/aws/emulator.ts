import { CallLog } from './core/callLog';
import { SimClock } from './core/clock';
import { SeededRandom } from './core/random';
import type { OperationContext, ServiceDefinition, ServiceName } from './core/service';
import { type Connection, type ConnectOptions, connect as connectDatabase } from './db/client';
import { DatabaseRegistry } from './db/registry';
import type { DatabaseState } from './db/state';
import { type AuthorizationRecord, createAuthorizer, type Principal, type PrincipalInput, toPrincipal } from './iam';
import { LambdaRegistry } from './rotation/lambdaRegistry';
import { registerRotationTemplates } from './rotation/templates/register';
import { advanceClockTo } from './scheduler/advanceClock';
import { attachSimulations } from './scheduler/attach';
import { parseDuration } from './scheduler/duration';
import { Scheduler } from './scheduler/scheduler';
import { WorkQueue } from './scheduler/workQueue';
import { services } from './services';

export interface EmulatorOptions {
  /** The account every request acts in unless the caller names another (default 123456789012). */
  accountId?: string;
  /** Region used when a request does not say (default us-east-1). */
  defaultRegion?: string;
  /** Seed of the random source: the same seed gives the same ids, ARNs and passwords. */
  seed?: number;
  /** Start of simulated time, epoch ms (default 2026-01-01T00:00:00Z). */
  startTime?: number;
  /**
   * Register the built-in rotation templates (SecretsManagerRDSPostgreSQLRotationSingleUser, ...)
   * as Lambda functions in this account and default region (default true). See src/aws/rotation/.
   */
  rotationTemplates?: boolean;
}

/** All emulator state: per account, per region, per service. Plain JSON (see ServiceDefinition). */
export type EmulatorSnapshot = {
  version: 1;
  now: number;
  accounts: Record<string, Record<string, Partial<Record<ServiceName, unknown>>>>;
  /** The simulated database servers (src/aws/db/); absent in older snapshots. */
  databases?: DatabaseState;
};

/**
 * The in-memory AWS. Framework-free: it runs unchanged in the sandbox worker, in vitest and behind
 * the local HTTP endpoint. Requests reach it through `handleAwsJson` (src/aws/protocol.ts).
 */
export class Emulator {
  readonly accountId: string;
  readonly defaultRegion: string;
  readonly clock: SimClock;
  readonly random: SeededRandom;
  readonly log = new CallLog();
  readonly services: Record<ServiceName, ServiceDefinition>;
  /** Rotation functions by Lambda ARN: learner handlers and the built-in templates (src/aws/rotation/). */
  readonly lambdas = new LambdaRegistry();
  /** What falls due as simulated time moves (src/aws/scheduler/). */
  readonly scheduler = new Scheduler();
  /** Work started by a request and run after it is answered (a rotation): see `idle()`. */
  readonly work = new WorkQueue();
  /** The simulated database servers (src/aws/db/). */
  readonly databases: DatabaseRegistry;
  /** Bumped by restore() and reset(): caches outside the snapshot (the extension's) drop older entries. */
  epoch = 0;
  #accounts: EmulatorSnapshot['accounts'] = {};
  #principal: Principal | undefined;
  readonly #options: EmulatorOptions;

  constructor(options: EmulatorOptions = {}) {
    this.#options = options;
    this.accountId = options.accountId ?? '123456789012';
    this.defaultRegion = options.defaultRegion ?? 'us-east-1';
    this.clock = new SimClock(options.startTime);
    this.random = new SeededRandom(options.seed);
    this.services = services;
    this.databases = new DatabaseRegistry(this.clock, this.log);
    attachSimulations(this);
    if (options.rotationTemplates ?? true) registerRotationTemplates(this);
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

  /** Every account and region that already has state for `service` (none is created). */
  regionsWith(service: ServiceName): { accountId: string; region: string }[] {
    const out: { accountId: string; region: string }[] = [];
    for (const [accountId, regions] of Object.entries(this.#accounts)) {
      for (const [region, states] of Object.entries(regions)) if (service in states) out.push({ accountId, region });
    }
    return out;
  }

  /**
   * Runs every later request as this principal: each call is authorized against its identity-based
   * policies (and the resource's own policy where AWS consults one). Validates the ARN and the
   * policies first (MalformedPolicyDocumentError).
   */
  setPrincipal(principal: PrincipalInput): void {
    this.#principal = toPrincipal(principal);
  }

  /** Back to no principal: every call is allowed. */
  clearPrincipal(): void {
    this.#principal = undefined;
  }

  get principal(): PrincipalInput | undefined {
    return this.#principal?.input;
  }

  /** The context operations run in, for one account and region (one per request: it collects its decisions). */
  context(region: string = this.defaultRegion, accountId: string = this.accountId): OperationContext {
    const base = { accountId, region, clock: this.clock, random: this.random, log: this.log };
    this.#accounts[accountId] ??= {};
    const regions = this.#accounts[accountId];
    regions[region] ??= {};
    const states = regions[region];
    const decisions: AuthorizationRecord[] = [];
    return {
      ...base,
      state: <S>(service: ServiceName): S => {
        if (!(service in states)) states[service] = this.services[service].initialState(base);
        return states[service] as S;
      },
      authorize: createAuthorizer({
        principal: () => this.#principal,
        accountId,
        region,
        now: () => this.clock.now(),
        decisions,
      }),
      decisions,
    };
  }

  /** Deep copy of all state, for `--state FILE` and lab fixtures. */
  snapshot(): EmulatorSnapshot {
    return JSON.parse(
      JSON.stringify({ version: 1, now: this.clock.now(), accounts: this.#accounts, databases: this.databases.state }),
    );
  }

  /** Replaces all state with a snapshot (the clock moves to the snapshot's time). */
  restore(snapshot: EmulatorSnapshot): void {
    if (snapshot?.version !== 1 || typeof snapshot.accounts !== 'object' || snapshot.accounts === null) {
      throw new Error('Not an emulator snapshot (expected {"version":1,"now":...,"accounts":{...}})');
    }
    this.#accounts = JSON.parse(JSON.stringify(snapshot.accounts));
    this.clock.reset(snapshot.now);
    this.databases.load(snapshot.databases);
    this.work.cancelAll();
    this.epoch++;
  }

  /** Back to an empty account at the start time, with the random source re-seeded and no principal. */
  reset(): void {
    this.#accounts = {};
    this.#principal = undefined;
    this.clock.reset(this.#options.startTime);
    this.random.reseed(this.#options.seed);
    this.log.reset();
    this.work.cancelAll();
    this.lambdas.reset();
    this.databases.reset();
    this.epoch++;
  }
}
