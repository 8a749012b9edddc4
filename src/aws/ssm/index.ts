import type { ServiceDefinition } from '../core/service';

// Placeholder: the Parameter Store operations are being built (issue 3).
export const ssm: ServiceDefinition = {
  name: 'ssm',
  targetPrefix: 'AmazonSSM',
  initialState: () => ({}),
  operations: {},
};
