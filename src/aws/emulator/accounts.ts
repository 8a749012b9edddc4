import type { CallLog } from '../core/callLog';
import type { Clock } from '../core/clock';
import { type Dict, dict, ensure, fromJson, own } from '../core/dict';
import type { Random } from '../core/random';
import type {
  OperationContext,
  RotationHooks,
  ServiceDefinition,
  ServiceName,
  StateContext,
  StateHost,
} from '../core/service';
import { type AuthorizationRecord, createAuthorizer, type Principal } from '../iam';

/** Account → region → service → that service's state (plain JSON, null-prototype maps). */
export type AccountsState = Dict<Dict<Partial<Record<ServiceName, unknown>>>>;

export interface AccountStoreOptions {
  accountId: string;
  defaultRegion: string;
  clock: Clock;
  random: Random;
  log: CallLog;
  services: Record<ServiceName, ServiceDefinition>;
  /** Who the requests run as (undefined: the account's administrator, every call allowed). */
  principal: () => Principal | undefined;
  rotation: RotationHooks;
  onInternalError: (where: string, error: unknown) => void;
}

/**
 * The emulator's state, per account and region, and the contexts operations run in. This is the
 * `RequestHost` the simulations receive (the rotation engine, the extension, the clock's event
 * sources): what they need to run a request, and nothing else of the emulator.
 */
export class AccountStore implements StateHost {
  readonly accountId: string;
  readonly defaultRegion: string;
  readonly clock: Clock;
  readonly log: CallLog;
  #accounts: AccountsState = dict();
  readonly #options: AccountStoreOptions;

  constructor(options: AccountStoreOptions) {
    this.#options = options;
    this.accountId = options.accountId;
    this.defaultRegion = options.defaultRegion;
    this.clock = options.clock;
    this.log = options.log;
  }

  /** The context operations run in, for one account and region (one per request: it collects its decisions). */
  context(region: string = this.defaultRegion, accountId: string = this.accountId): OperationContext {
    const { clock, random, log, services, rotation } = this.#options;
    const base: StateContext = { accountId, region, clock, random, log };
    const regions = ensure(this.#accounts, accountId, () => dict());
    const states = ensure(regions, region, () => dict());
    const decisions: AuthorizationRecord[] = [];
    return {
      ...base,
      state: <S>(service: ServiceName): S => ensure(states, service, () => services[service].initialState(base)) as S,
      authorize: createAuthorizer({
        principal: this.#options.principal,
        accountId,
        region,
        now: () => clock.now(),
        decisions,
      }),
      decisions,
      rotation,
    };
  }

  /** Every account and region that already has state for `service` (none is created). */
  regionsWith(service: ServiceName): { accountId: string; region: string }[] {
    const out: { accountId: string; region: string }[] = [];
    for (const accountId of Object.keys(this.#accounts)) {
      const regions = this.#accounts[accountId] ?? dict();
      for (const region of Object.keys(regions))
        if (own(regions[region] ?? dict(), service)) out.push({ accountId, region });
    }
    return out;
  }

  reportInternalError(where: string, error: unknown): void {
    this.log.record({
      time: this.clock.now(),
      service: 'emulator',
      operation: 'InternalError',
      params: { where },
      outcome: 'InternalFailure',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      source: 'event',
    });
    this.#options.onInternalError(where, error);
  }

  /** The live state (callers copy it: the snapshot is `JSON.stringify` of it). */
  get state(): AccountsState {
    return this.#accounts;
  }

  /** Replaces all state with a parsed copy (every map null-prototype again). */
  load(accounts: unknown): void {
    this.#accounts = fromJson(accounts as AccountsState);
  }

  clear(): void {
    this.#accounts = dict();
  }
}
