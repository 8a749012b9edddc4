import type { OperationContext } from '../core/service';
import { incompatiblePolicy, invalidPolicyAttribute, invalidPolicyType, policiesLimitExceeded } from './errors';
import { findParameter, removeParameter } from './names';
import type { ParameterPolicy, ParameterVersion, SsmState } from './state';

const TYPES = ['Expiration', 'ExpirationNotification', 'NoChangeNotification'] as const;
/** "You can assign up to 10 policies to a parameter" is the API's limit; one of each type in practice. */
const MAX_POLICIES = 10;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses PutParameter's `Policies`: a JSON array of `{Type, Version: "1.0", Attributes}` documents.
 * - Expiration: `Attributes.Timestamp`, an ISO 8601 time in the future.
 * - ExpirationNotification: `Before` (a positive whole number) and `Unit` (Days | Hours).
 * - NoChangeNotification: `After` (a positive whole number) and `Unit` (Days | Hours).
 * Each type at most once (two Expiration policies conflict). `[]` removes all policies.
 */
export function parsePolicies(ctx: OperationContext, text: string): ParameterPolicy[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidPolicyAttribute('The policies are not valid JSON.');
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  if (docs.length > MAX_POLICIES) throw policiesLimitExceeded();
  const seen = new Set<string>();
  return docs.map((doc) => {
    if (!isObject(doc)) throw invalidPolicyAttribute('Each policy must be a JSON object.');
    const type = doc.Type;
    if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) throw invalidPolicyType(String(type));
    if (seen.has(type)) throw incompatiblePolicy();
    seen.add(type);
    if (doc.Version !== undefined && doc.Version !== '1.0') throw invalidPolicyAttribute('Version must be 1.0.');
    const attrs = isObject(doc.Attributes) ? doc.Attributes : {};
    checkAttributes(ctx, type as ParameterPolicy['PolicyType'], attrs);
    return {
      PolicyText: JSON.stringify(doc),
      PolicyType: type as ParameterPolicy['PolicyType'],
      PolicyStatus: 'Pending',
    };
  });
}

function checkAttributes(
  ctx: OperationContext,
  type: ParameterPolicy['PolicyType'],
  attrs: Record<string, unknown>,
): void {
  if (type === 'Expiration') {
    const ts = attrs.Timestamp;
    const when = typeof ts === 'string' ? Date.parse(ts) : Number.NaN;
    if (Number.isNaN(when)) throw invalidPolicyAttribute('Expiration needs a Timestamp in ISO 8601 format.');
    if (when <= ctx.clock.now()) throw invalidPolicyAttribute('The Expiration Timestamp must be in the future.');
    return;
  }
  const amountKey = type === 'ExpirationNotification' ? 'Before' : 'After';
  const amount = attrs[amountKey];
  if (typeof amount !== 'string' || !/^[1-9]\d*$/.test(amount)) {
    throw invalidPolicyAttribute(`${type} needs ${amountKey} as a positive whole number in a string.`);
  }
  if (attrs.Unit !== 'Days' && attrs.Unit !== 'Hours')
    throw invalidPolicyAttribute(`${type} needs Unit Days or Hours.`);
}

export function policiesResponse(policies: ParameterPolicy[]) {
  return policies.map((p) => ({ PolicyText: p.PolicyText, PolicyType: p.PolicyType, PolicyStatus: p.PolicyStatus }));
}

const UNIT_MS = { Hours: 3_600_000, Days: 86_400_000 } as const;

/** A parameter policy that falls due at `time` on the simulated clock. */
export interface DuePolicy {
  time: number;
  name: string;
  policy: ParameterPolicy;
}

function attributes(policy: ParameterPolicy): Record<string, unknown> {
  const doc = JSON.parse(policy.PolicyText) as { Attributes?: Record<string, unknown> };
  return isObject(doc.Attributes) ? doc.Attributes : {};
}

function amountMs(attrs: Record<string, unknown>, key: 'Before' | 'After'): number {
  return Number(attrs[key]) * UNIT_MS[attrs.Unit === 'Hours' ? 'Hours' : 'Days'];
}

/**
 * When each pending policy of a parameter's latest version falls due:
 * - Expiration: at its Timestamp (the parameter is deleted);
 * - ExpirationNotification: `Before` hours/days ahead of the Expiration policy's Timestamp;
 * - NoChangeNotification: `After` hours/days since the parameter last changed.
 * (AWS sends the notifications to EventBridge; the emulator records them in the call log.)
 */
export function duePolicies(name: string, latest: ParameterVersion): DuePolicy[] {
  const expiration = latest.Policies.find((p) => p.PolicyType === 'Expiration');
  const expiresAt = expiration ? Date.parse(String(attributes(expiration).Timestamp)) : undefined;
  const out: DuePolicy[] = [];
  for (const policy of latest.Policies) {
    if (policy.PolicyStatus !== 'Pending') continue;
    const attrs = attributes(policy);
    if (policy.PolicyType === 'Expiration' && expiresAt !== undefined) out.push({ time: expiresAt, name, policy });
    if (policy.PolicyType === 'ExpirationNotification' && expiresAt !== undefined) {
      out.push({ time: expiresAt - amountMs(attrs, 'Before'), name, policy });
    }
    if (policy.PolicyType === 'NoChangeNotification') {
      out.push({ time: latest.LastModifiedDate + amountMs(attrs, 'After'), name, policy });
    }
  }
  return out;
}

/**
 * Runs a due policy: Expiration deletes the parameter (all versions, labels and tags, as
 * DeleteParameter does); a notification is recorded and its status becomes Finished. Each is a
 * call-log event at the policy's due time.
 */
export function runPolicy(ctx: OperationContext, state: SsmState, due: DuePolicy): void {
  const parameter = findParameter(state, due.name);
  if (!parameter) return;
  const { PolicyType } = due.policy;
  if (PolicyType === 'Expiration') removeParameter(state, due.name);
  else due.policy.PolicyStatus = 'Finished';
  ctx.log.record({
    time: due.time,
    service: 'ssm',
    operation: PolicyType === 'Expiration' ? 'DeleteParameter' : PolicyType,
    params: { Name: due.name, reason: `${PolicyType} policy`, PolicyText: due.policy.PolicyText },
    outcome: 'ok',
    region: ctx.region,
    source: 'event',
  });
}
