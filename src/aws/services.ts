import type { ServiceDefinition, ServiceName } from './core/service';
import { kms } from './kms';
import { secretsManager } from './secretsmanager';
import { ssm } from './ssm';

/** Every emulated service, by name. Adding a service is adding a folder and a line here. */
export const services: Record<ServiceName, ServiceDefinition> = {
  secretsmanager: secretsManager as ServiceDefinition,
  ssm: ssm as ServiceDefinition,
  kms: kms as ServiceDefinition,
};

const byPrefix = new Map(Object.values(services).map((s) => [s.targetPrefix, s]));

/** `secretsmanager.GetSecretValue` → the service and operation name, or undefined. */
export function resolveTarget(target: string): { service: ServiceDefinition; operation: string } | undefined {
  const dot = target.indexOf('.');
  if (dot < 0) return undefined;
  const service = byPrefix.get(target.slice(0, dot));
  return service ? { service, operation: target.slice(dot + 1) } : undefined;
}
