import type { ServiceDefinition } from '../core/service';
import { initialKmsState } from './crypto';

// Placeholder: the KMS operations are being built (issue 3).
export const kms: ServiceDefinition = {
  name: 'kms',
  targetPrefix: 'TrentService',
  initialState: initialKmsState,
  operations: {},
};
