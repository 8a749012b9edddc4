import type { ServiceDefinition } from '../core/service';
import { deleteParameter, deleteParameters } from './deleteParameter';
import { describeParameters } from './describeParameters';
import { getParameter, getParameters } from './getParameter';
import { getParameterHistory } from './getParameterHistory';
import { getParametersByPath } from './getParametersByPath';
import { labelParameterVersion, unlabelParameterVersion } from './labels';
import { putParameter } from './putParameter';
import { initialSsmState, type SsmState } from './state';
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from './tags';

/** AWS Systems Manager Parameter Store (`X-Amz-Target: AmazonSSM.<Operation>`). See README.md. */
export const ssm: ServiceDefinition<SsmState> = {
  name: 'ssm',
  targetPrefix: 'AmazonSSM',
  initialState: initialSsmState,
  operations: {
    PutParameter: putParameter,
    GetParameter: getParameter,
    GetParameters: getParameters,
    GetParametersByPath: getParametersByPath,
    GetParameterHistory: getParameterHistory,
    DescribeParameters: describeParameters,
    DeleteParameter: deleteParameter,
    DeleteParameters: deleteParameters,
    LabelParameterVersion: labelParameterVersion,
    UnlabelParameterVersion: unlabelParameterVersion,
    AddTagsToResource: addTagsToResource,
    RemoveTagsFromResource: removeTagsFromResource,
    ListTagsForResource: listTagsForResource,
  },
};
