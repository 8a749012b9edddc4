import type { CallLog } from '../core/callLog';
import type { ChangeTracker } from '../core/changeTracker';
import type { Clock } from '../core/clock';
import { type Dict, dict, ensure, fromJson, own } from '../core/dict';
import type { Random } from '../core/random';
import type {
  Caller,
  OperationContext,
  RotationHooks,
  ServiceDefinition,
  ServiceName,
  StateContext,
  StateHost,
} from '../core/service';
import { rootArn } from '../iam/arns';
import { type IdentityStore, type IssuedKey, lookupAccessKey } from '../iam/credentials';
import { type AuthorizationRecord, createAuthorizer, type Principal } from '../policy';

/** The region key under which a global service (IAM, STS) keeps its one state per account. */
export const GLOBAL_REGION = 'aws-global';

// Empty maps, made only when missing: one function each rather than closures made per request.
const newRegions = (): Dict<Partial<Record<ServiceName, unknown>>> => dict();
const newStates = (): Partial<Record<ServiceName, unknown>> => dict();

/** A change is journalled per `accounts.<account>.<region>.<service>.<field>.<key>`: one secret, one parameter. */
const ACCOUNT_ENTRY_DEPTH = 6;

/** Account → region → service → that service's state (plain JSON, null-prototype maps). */
export type AccountsState = Dict<Dict<Partial<Record<ServiceName, unknown>>>>;

export interface AccountStoreOptions {
  accountId: string;
  defaultRegion: string;
  clock: Clock;
  random: Random;
  log: CallLog;
  services: Record<ServiceName, ServiceDefinition>;
  /** Who requests run as when they carry no key the emulator issued (undefined: the account's administrator). */
  principal: () => Principal | undefined;
  rotation: RotationHooks;
  onInternalError: (where: string, error: unknown) => void;
}

/**
 * The emulator's state, per account and region, and the contexts operations run in. This is the
 * `RequestHost` the simulations receive (the rotation engine, the extension, the clock's event
 * sources): what they need to run a request, and nothing else of the emulator.
 */
export class AccountStore implements StateHost, IdentityStore {
  readonly accountId: string;
  readonly defaultRegion: string;
  readonly clock: Clock;
  readonly log: CallLog;
  /** The state itself (what snapshots read) and the view every request changes it through. */
  #raw: AccountsState = dict();
  #accounts: AccountsState = this.#raw;
  #tracker: ChangeTracker | undefined;
  readonly #options: AccountStoreOptions;

  constructor(options: AccountStoreOptions) {
    this.#options = options;
    this.accountId = options.accountId;
    this.defaultRegion = options.defaultRegion;
    this.clock = options.clock;
    this.log = options.log;
  }

  /**
   * The context operations run in, for one account and region (one per request: it collects its
   * decisions). Without `caller`, the request runs as the default caller: the principal a lab set,
   * else the account's administrator.
   */
  context(region: string = this.defaultRegion, accountId: string = this.accountId, caller?: Caller): OperationContext {
    const { clock, random, log, services, rotation } = this.#options;
    const base: StateContext = { accountId, region, clock, random, log };
    const regions = ensure(this.#accounts, accountId, newRegions);
    const states = ensure(regions, region, newStates);
    const decisions: AuthorizationRecord[] = [];
    const who = caller ?? this.defaultCaller(accountId);
    const store = this;
    // Every field written out: an object literal that starts by spreading another (`{ ...base, state }`)
    // costs V8 (Node 20, Chromium) ~1-2 µs per property after the spread, and this runs per request.
    // Functions as methods, not arrow properties: tsx (the endpoint) names each arrow property
    // with a defineProperty call every time the object is built.
    return {
      accountId,
      region,
      clock,
      random,
      log,
      state<S>(service: ServiceName): S {
        const definition = services[service];
        const home = definition.global ? ensure(regions, GLOBAL_REGION, newStates) : states;
        return ensure(home, service, () => definition.initialState(base)) as S;
      },
      authorize: createAuthorizer({ caller: who, accountId, region, clock, decisions }),
      decisions,
      rotation,
      caller: who,
      inRegion(other, as = 'caller') {
        return store.context(other, accountId, as === 'service' ? store.administrator(accountId) : who);
      },
    };
  }

  /** The account's administrator (the root): nothing is evaluated for it. */
  administrator(accountId: string = this.accountId): Caller {
    return { arn: rootArn(accountId), accountId, userId: accountId };
  }

  /** The principal a lab set, or the account's administrator (the root: nothing is evaluated). */
  defaultCaller(accountId: string = this.accountId): Caller {
    const principal = this.#options.principal();
    if (principal) {
      return { arn: principal.callerArn, accountId: principal.accountId, userId: principal.accountId, principal };
    }
    return this.administrator(accountId);
  }

  /** The key, secret and identity behind an access key the emulator issued (IAM users, STS sessions). */
  issuedKey(accessKeyId: string): IssuedKey | undefined {
    return lookupAccessKey(this, accessKeyId, this.clock.now());
  }

  accountIds(): string[] {
    return Object.keys(this.#accounts);
  }

  /** A global service's state in an account, if it has any (none is created). */
  globalState<S>(accountId: string, service: 'iam' | 'sts'): S | undefined {
    const regions = own(this.#accounts, accountId);
    const states = regions ? own(regions, GLOBAL_REGION) : undefined;
    return states ? (own(states, service) as S | undefined) : undefined;
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
    return this.#raw;
  }

  /** From now on every change is marked in `tracker`, per entry (account, region, service, field, key). */
  track(tracker: ChangeTracker): void {
    this.#tracker = tracker;
    this.#replace(this.#raw);
  }

  /** Replaces all state with a parsed copy (every map null-prototype again). */
  load(accounts: unknown): void {
    this.#replace(fromJson(accounts as AccountsState));
  }

  clear(): void {
    this.#replace(dict());
  }

  #replace(raw: AccountsState): void {
    this.#raw = raw;
    this.#accounts = this.#tracker ? this.#tracker.wrap(raw, ['accounts'], ACCOUNT_ENTRY_DEPTH) : raw;
    this.#tracker?.mark(['accounts']);
  }
}
