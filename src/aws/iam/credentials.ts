import { own } from '../core/dict';
import type { Caller } from '../core/service';
import { type PolicyInput, toPrincipal } from '../policy';
import type { RoleSession, StsState } from '../sts/state';
import { managedDocument } from './managed';
import type { IamRole, IamState, IamUser, InlinePolicies } from './state';

/**
 * The access keys the emulator issued, and who they stand for. A long-term key (`AKIA…`,
 * CreateAccessKey) is an IAM user; temporary credentials (`ASIA…`, AssumeRole) are a role session.
 * The caller's policies are what IAM would evaluate: the user's inline and attached policies and
 * those of its groups, or the role's. Built identities are cached per key until IAM changes.
 */
export type IssuedKey = LiveKey | DeletedKey;

/**
 * A key DeleteAccessKey removed: refused as AWS refuses it (InvalidClientTokenId). It must not fall
 * back to "a key the emulator did not issue", which would let it in as the account's administrator.
 */
export interface DeletedKey {
  state: 'deleted';
}

export interface LiveKey {
  secretAccessKey: string;
  /** Temporary credentials only: the token every request must carry (`X-Amz-Security-Token`). */
  sessionToken?: string;
  /** An Inactive key, or a session past its Expiration, is refused (each with AWS's error). */
  state: 'active' | 'inactive' | 'expired';
  caller: Caller;
}

/** What looking keys up needs: the accounts that exist and their IAM and STS state. */
export interface IdentityStore {
  accountIds(): string[];
  globalState<S>(accountId: string, service: 'iam' | 'sts'): S | undefined;
}

const cache = new WeakMap<IamState, Map<string, { revision: number; caller: Caller }>>();

export function lookupAccessKey(store: IdentityStore, accessKeyId: string, now: number): IssuedKey | undefined {
  for (const accountId of store.accountIds()) {
    const iam = store.globalState<IamState>(accountId, 'iam');
    const key = iam ? own(iam.accessKeys, accessKeyId) : undefined;
    if (iam && key) {
      const user = own(iam.users, key.UserName);
      if (!user) return undefined;
      const caller = cached(iam, accessKeyId, () => userCaller(iam, user, accountId, accessKeyId));
      return { secretAccessKey: key.SecretAccessKey, state: key.Status === 'Active' ? 'active' : 'inactive', caller };
    }
    if (iam?.deletedAccessKeys && own(iam.deletedAccessKeys, accessKeyId)) return { state: 'deleted' };
    const session = own(store.globalState<StsState>(accountId, 'sts')?.sessions ?? {}, accessKeyId);
    if (session) {
      const state = iam ?? undefined;
      // Built (policies gathered and parsed) only when IAM changed since the last request with this key.
      const build = (): Caller => {
        const role = state ? own(state.roles, session.RoleName) : undefined;
        const sessionPolicies = state ? sessionPoliciesOf(state, session) : undefined;
        return {
          arn: session.Arn,
          accountId,
          userId: session.AssumedRoleId,
          accessKeyId,
          principal: toPrincipal({
            arn: session.Arn,
            policies: role && state ? policiesOf(state, role, []) : [],
            tags: role ? tagMap(role.Tags) : {},
            ...(sessionPolicies ? { sessionPolicies } : {}),
          }),
        };
      };
      return {
        secretAccessKey: session.SecretAccessKey,
        sessionToken: session.SessionToken,
        state: session.Expiration <= now ? 'expired' : 'active',
        caller: state ? cached(state, accessKeyId, build) : build(),
      };
    }
  }
  return undefined;
}

function cached(iam: IamState, keyId: string, build: () => Caller): Caller {
  let entries = cache.get(iam);
  if (!entries) {
    entries = new Map();
    cache.set(iam, entries);
  }
  const hit = entries.get(keyId);
  if (hit && hit.revision === iam.revision) return hit.caller;
  const caller = build();
  entries.set(keyId, { revision: iam.revision, caller });
  return caller;
}

function userCaller(iam: IamState, user: IamUser, accountId: string, accessKeyId: string): Caller {
  const groups = Object.values(iam.groups).filter((g) => g.users.includes(user.UserName));
  return {
    arn: user.Arn,
    accountId,
    userId: user.UserId,
    accessKeyId,
    principal: toPrincipal({ arn: user.Arn, policies: policiesOf(iam, user, groups), tags: tagMap(user.Tags) }),
  };
}

/** The identity-based policies of a user (with its groups') or a role, named as IAM names them. */
export function policiesOf(iam: IamState, entity: IamUser | IamRole, groups: InlinePolicies[]): PolicyInput[] {
  const out: PolicyInput[] = [];
  for (const holder of [entity, ...groups]) {
    for (const [name, document] of Object.entries(holder.inline)) out.push({ name, document });
    for (const arn of holder.attached) {
      const managed = managedDocument(iam, arn);
      if (managed) out.push({ name: managed.name, document: managed.document });
    }
  }
  return out;
}

/**
 * A session's session policies, or undefined when AssumeRole was given none. A managed policy ARN
 * that names no policy allows nothing (the session can only be narrowed, never widened).
 */
function sessionPoliciesOf(iam: IamState, session: RoleSession): PolicyInput[] | undefined {
  if (session.SessionPolicy === undefined && session.SessionPolicyArns === undefined) return undefined;
  const nothing = JSON.stringify({ Version: '2012-10-17', Statement: [] });
  return [
    ...(session.SessionPolicy !== undefined ? [{ name: 'session policy', document: session.SessionPolicy }] : []),
    ...(session.SessionPolicyArns ?? []).map((arn) => managedDocument(iam, arn) ?? { name: arn, document: nothing }),
  ];
}

const tagMap = (tags: { Key: string; Value: string }[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
