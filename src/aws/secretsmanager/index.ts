import type { ServiceDefinition } from '../core/service';

// Placeholder: the Secrets Manager operations are being built (issue 3).
export const secretsManager: ServiceDefinition = {
  name: 'secretsmanager',
  targetPrefix: 'secretsmanager',
  initialState: () => ({}),
  operations: {},
};
