import type { ServiceDefinition } from '../core/service';
import { assumeRole } from './operations/assumeRole';
import { getCallerIdentity } from './operations/getCallerIdentity';
import { initialStsState, type StsState } from './state';

/** AWS Security Token Service over the query protocol (`Version=2011-06-15`). See README.md. */
export const sts: ServiceDefinition<StsState> = {
  name: 'sts',
  protocol: 'query',
  targetPrefix: 'sts',
  version: '2011-06-15',
  namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  global: true,
  initialState: initialStsState,
  operations: {
    AssumeRole: assumeRole,
    GetCallerIdentity: getCallerIdentity,
  },
};
