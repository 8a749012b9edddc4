import { CallLog } from './core/callLog';
import { SimClock } from './core/clock';
import { SeededRandom } from './core/random';
import type { OperationContext, ServiceDefinition, ServiceName } from './core/service';
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
}

/** All emulator state: per account, per region, per service. Plain JSON (see ServiceDefinition). */
export type EmulatorSnapshot = {
  version: 1;
  now: number;
  accounts: Record<string, Record<string, Partial<Record<ServiceName, unknown>>>>;
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
  #accounts: EmulatorSnapshot['accounts'] = {};
  readonly #options: EmulatorOptions;

  constructor(options: EmulatorOptions = {}) {
    this.#options = options;
    this.accountId = options.accountId ?? '123456789012';
    this.defaultRegion = options.defaultRegion ?? 'us-east-1';
    this.clock = new SimClock(options.startTime);
    this.random = new SeededRandom(options.seed);
    this.services = services;
  }

  /** The context operations run in, for one account and region. */
  context(region: string = this.defaultRegion, accountId: string = this.accountId): OperationContext {
    const base = { accountId, region, clock: this.clock, random: this.random, log: this.log };
    const regions = (this.#accounts[accountId] ??= {});
    const states = (regions[region] ??= {});
    return {
      ...base,
      state: <S>(service: ServiceName): S => {
        if (!(service in states)) states[service] = this.services[service].initialState(base);
        return states[service] as S;
      },
    };
  }

  /** Deep copy of all state, for `--state FILE` and lab fixtures. */
  snapshot(): EmulatorSnapshot {
    return JSON.parse(JSON.stringify({ version: 1, now: this.clock.now(), accounts: this.#accounts }));
  }

  /** Replaces all state with a snapshot (the clock moves to the snapshot's time). */
  restore(snapshot: EmulatorSnapshot): void {
    if (snapshot?.version !== 1 || typeof snapshot.accounts !== 'object' || snapshot.accounts === null) {
      throw new Error('Not an emulator snapshot (expected {"version":1,"now":...,"accounts":{...}})');
    }
    this.#accounts = JSON.parse(JSON.stringify(snapshot.accounts));
    this.clock.reset(snapshot.now);
  }

  /** Back to an empty account at the start time, with the random source re-seeded. */
  reset(): void {
    this.#accounts = {};
    this.clock.reset(this.#options.startTime);
    this.random.reseed(this.#options.seed);
    this.log.reset();
  }
}
