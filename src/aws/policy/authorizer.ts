import { AwsError } from '../core/errors';
import { type AuthorizationRecord, authorizeRequest, type GrantAllowance, type ResourcePolicyInput } from './authorize';
import { globalKeys } from './conditionKeys';
import { type Principal, principalContext } from './principal';
import {
  LayeredContext,
  type NormalizedContext,
  normalizeContext,
  normalizeOnce,
  type PendingContext,
} from './requestContext';
import type { RequestContext } from './types';

export interface AuthorizeOptions {
  /** The resource's own policy (a secret's resource policy, a KMS key policy), if it has one. */
  resourcePolicy?: ResourcePolicyInput;
  /** How AWS's message names the resource when it differs from the ARN evaluated. */
  messageResource?: string;
  /** KMS: the grant, if any, that allows this request to the principal (see authorize.ts). */
  grant?: (principal: Principal) => GrantAllowance | undefined;
}

/**
 * `ctx.authorize(action, resource, context?, options?)`: evaluates the request as the emulator's
 * principal, records the decision for the call log, and throws AccessDeniedException with AWS's
 * message when it is not allowed. Returns the record when allowed.
 *
 * `context` and `options` may be given as functions: they are called only when there is something
 * to evaluate (a principal), so a request as the account's administrator, which nothing is evaluated
 * for, does not build condition keys, key policies or grant lookups it would never read.
 */
export type AuthorizeFn = (
  action: string,
  resource: string,
  context?: Lazy<RequestContext>,
  options?: Lazy<AuthorizeOptions>,
) => AuthorizationRecord;

export type Lazy<T> = T | (() => T);

const force = <T extends object>(value: Lazy<T>): T => (typeof value === 'function' ? value() : value);

/** With no principal set the emulator allows everything, as an account's root user can. */
const NO_PRINCIPAL = 'No principal is set, so the emulator allows every call.';

export function createAuthorizer(args: {
  /** Who the request runs as: `principal` is evaluated, none means the account's administrator. */
  caller: { readonly principal?: Principal | undefined };
  accountId: string;
  region: string;
  clock: { now(): number };
  /** Where the decisions of this request are collected for the call log. */
  decisions: AuthorizationRecord[];
}): AuthorizeFn {
  return (action, resource, lazyContext = {}, lazyOptions = {}) => {
    const principal = args.caller.principal;
    if (!principal) return { action, resource, decision: 'Allow', reason: NO_PRINCIPAL };
    const options = force(lazyOptions);
    const { record, denialMessage } = authorizeRequest({
      principal,
      resourceAccount: args.accountId,
      request: { action, resource },
      context: new RequestKeys(principal, args.clock.now(), args.region, lazyContext),
      resourcePolicy: options.resourcePolicy,
      messageResource: options.messageResource,
      grant: options.grant,
    });
    args.decisions.push(record);
    if (denialMessage !== undefined) throw new AwsError('AccessDeniedException', denialMessage);
    return record;
  };
}

/** The caller's condition keys, normalized once per principal (a Principal is never changed). */
const principalKeys = new WeakMap<Principal, NormalizedContext>();

/**
 * The request's condition keys: the global ones, the caller's, the request's own (later ones win),
 * read as layers (requestContext.ts LayeredContext) without copying any per request, and only when a statement
 * reads them (evaluate.ts): a request decided by statements without conditions or policy
 * variables (the usual identity policy) builds none, not even the service's own keys (`context`
 * is called then, if it is a function).
 */
class RequestKeys implements PendingContext {
  #built: NormalizedContext | undefined;
  readonly #principal: Principal;
  readonly #now: number;
  readonly #region: string;
  readonly #context: Lazy<RequestContext>;

  constructor(principal: Principal, now: number, region: string, context: Lazy<RequestContext>) {
    this.#principal = principal;
    this.#now = now;
    this.#region = region;
    this.#context = context;
  }

  resolve(): NormalizedContext {
    if (this.#built) return this.#built;
    let caller = principalKeys.get(this.#principal);
    if (!caller) {
      caller = normalizeContext(principalContext(this.#principal));
      principalKeys.set(this.#principal, caller);
    }
    const own = normalizeOnce(force(this.#context));
    // An anonymous function: tsx names a named closure each time one is made.
    this.#built = new LayeredContext([own, caller], () => globalKeysAt(this.#now, this.#region));
    return this.#built;
  }
}

/** The last global keys built: a request's authorizations (often two) share one instant and region. */
let lastGlobal: { now: number; region: string; keys: NormalizedContext } | undefined;
function globalKeysAt(now: number, region: string): NormalizedContext {
  if (lastGlobal?.now !== now || lastGlobal.region !== region) {
    lastGlobal = { now, region, keys: normalizeContext(globalKeys(now, region)) };
  }
  return lastGlobal.keys;
}
