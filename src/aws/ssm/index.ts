import type { ServiceDefinition } from '../core/service';
import { deleteParameter, deleteParameters } from './operations/deleteParameter';
import { describeParameters } from './operations/describeParameters';
import { getParameter, getParameters } from './operations/getParameter';
import { getParameterHistory } from './operations/getParameterHistory';
import { getParametersByPath } from './operations/getParametersByPath';
import { labelParameterVersion, unlabelParameterVersion } from './operations/labels';
import { putParameter } from './operations/putParameter';
import { addTagsToResource, listTagsForResource, removeTagsFromResource } from './operations/tags';
import { initialSsmState, type SsmState } from './state';

/** AWS Systems Manager Parameter Store (`X-Amz-Target: AmazonSSM.<Operation>`). See README.md. */
export const ssm: ServiceDefinition<SsmState> = {
  name: 'ssm',
  protocol: 'json',
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
