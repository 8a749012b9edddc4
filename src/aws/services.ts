import type { ServiceDefinition, ServiceName } from './core/service';
import { iam } from './iam';
import { kms } from './kms';
import { secretsManager } from './secretsmanager';
import { ssm } from './ssm';
import { sts } from './sts';

/** Every emulated service, by name. Adding a service is adding a folder and a line here. */
export const services: Record<ServiceName, ServiceDefinition> = {
  secretsmanager: secretsManager as ServiceDefinition,
  ssm: ssm as ServiceDefinition,
  kms: kms as ServiceDefinition,
  iam: iam as ServiceDefinition,
  sts: sts as ServiceDefinition,
};

const jsonByPrefix = new Map(
  Object.values(services)
    .filter((s) => s.protocol === 'json')
    .map((s) => [s.targetPrefix, s]),
);
const queryServices = Object.values(services).filter((s) => s.protocol === 'query');

/**
 * The targets of operations that exist, resolved once: `X-Amz-Target` arrives as a new string on
 * every request, and the operation name cut from it was a new string too, which every lookup by it
 * (the operation, the call log entry that keeps it) hashed or copied again. Bounded by the
 * operations there are: a target naming none is resolved per call and not kept.
 */
const resolvedTargets = new Map<string, Readonly<{ service: ServiceDefinition; operation: string }>>();

/** `secretsmanager.GetSecretValue` → the service and operation name, or undefined. */
export function resolveTarget(target: string): { service: ServiceDefinition; operation: string } | undefined {
  const known = resolvedTargets.get(target);
  if (known) return known;
  const dot = target.indexOf('.');
  if (dot < 0) return undefined;
  const service = jsonByPrefix.get(target.slice(0, dot));
  if (!service) return undefined;
  const operation = target.slice(dot + 1);
  if (!Object.hasOwn(service.operations, operation)) return { service, operation };
  // The name as the service spells it (an internalized key of its table), kept with the target.
  const name = Object.keys(service.operations).find((o) => o === operation) as string;
  const resolved = Object.freeze({ service, operation: name });
  resolvedTargets.set(target, resolved);
  return resolved;
}

/**
 * The query-protocol service a request is for: by its `Version` (IAM 2010-05-08, STS 2011-06-15),
 * else by the service its signature was scoped to (`iam`, `sts`).
 */
export function resolveQueryService(version: string | undefined, signingName: string | undefined) {
  return (
    queryServices.find((s) => s.version === version) ??
    (version === undefined ? queryServices.find((s) => s.targetPrefix === signingName) : undefined)
  );
}
