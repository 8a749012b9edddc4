import type { ServiceDefinition } from '../core/service';
import { createAccessKey, deleteAccessKey, listAccessKeys, updateAccessKey } from './operations/accessKeys';
import {
  addUserToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroupsForUser,
  removeUserFromGroup,
} from './operations/groups';
import { inlinePolicyOperations } from './operations/inlinePolicies';
import {
  attachmentOperations,
  createPolicy,
  deletePolicy,
  getPolicy,
  listPolicies,
} from './operations/managedPolicies';
import {
  createPolicyVersion,
  deletePolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
  setDefaultPolicyVersion,
} from './operations/policyVersions';
import { createRole, deleteRole, getRole, listRoles, updateAssumeRolePolicy } from './operations/roles';
import { createUser, deleteUser, getUser, listUsers } from './operations/users';
import { type IamState, initialIamState } from './state';

/** AWS Identity and Access Management over the query protocol (`Version=2010-05-08`). See README.md. */
export const iam: ServiceDefinition<IamState> = {
  name: 'iam',
  protocol: 'query',
  targetPrefix: 'iam',
  version: '2010-05-08',
  namespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  global: true,
  initialState: initialIamState,
  operations: {
    CreateUser: createUser,
    GetUser: getUser,
    ListUsers: listUsers,
    DeleteUser: deleteUser,
    CreateAccessKey: createAccessKey,
    UpdateAccessKey: updateAccessKey,
    DeleteAccessKey: deleteAccessKey,
    ListAccessKeys: listAccessKeys,
    CreatePolicy: createPolicy,
    GetPolicy: getPolicy,
    CreatePolicyVersion: createPolicyVersion,
    GetPolicyVersion: getPolicyVersion,
    ListPolicyVersions: listPolicyVersions,
    SetDefaultPolicyVersion: setDefaultPolicyVersion,
    DeletePolicyVersion: deletePolicyVersion,
    DeletePolicy: deletePolicy,
    ListPolicies: listPolicies,
    CreateRole: createRole,
    GetRole: getRole,
    ListRoles: listRoles,
    UpdateAssumeRolePolicy: updateAssumeRolePolicy,
    DeleteRole: deleteRole,
    CreateGroup: createGroup,
    GetGroup: getGroup,
    DeleteGroup: deleteGroup,
    AddUserToGroup: addUserToGroup,
    RemoveUserFromGroup: removeUserFromGroup,
    ListGroupsForUser: listGroupsForUser,
    ...inlinePolicyOperations('user'),
    ...inlinePolicyOperations('role'),
    ...inlinePolicyOperations('group'),
    ...attachmentOperations('user'),
    ...attachmentOperations('role'),
    ...attachmentOperations('group'),
  },
};
