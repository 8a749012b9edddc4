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

/** `secretsmanager.GetSecretValue` → the service and operation name, or undefined. */
export function resolveTarget(target: string): { service: ServiceDefinition; operation: string } | undefined {
  const dot = target.indexOf('.');
  if (dot < 0) return undefined;
  const service = jsonByPrefix.get(target.slice(0, dot));
  return service ? { service, operation: target.slice(dot + 1) } : undefined;
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
