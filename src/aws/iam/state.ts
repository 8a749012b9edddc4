import { type Dict, dict } from '../core/dict';
import type { OperationContext } from '../core/service';

/**
 * IAM state of one account (IAM is global: one per account, whatever region a request names).
 * Plain JSON, null-prototype maps keyed by name (users, roles, groups), ARN (managed policies) or
 * access key id. Dates are epoch ms; responses write ISO 8601.
 */
export interface InlinePolicies {
  /** Policy name → the document as given (JSON text). */
  inline: Dict<string>;
  /** ARNs of the managed policies attached, in attachment order (written only by attachments.ts). */
  readonly attached: readonly string[];
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface IamUser extends InlinePolicies {
  UserName: string;
  UserId: string;
  Arn: string;
  Path: string;
  CreateDate: number;
  Tags: Tag[];
}

export interface IamRole extends InlinePolicies {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  CreateDate: number;
  /** The trust policy (JSON text). */
  AssumeRolePolicyDocument: string;
  Description?: string;
  /** Seconds, 3600–43200 (default 3600): the longest AssumeRole session. */
  MaxSessionDuration: number;
  Tags: Tag[];
}

export interface IamGroup extends InlinePolicies {
  GroupName: string;
  GroupId: string;
  Arn: string;
  Path: string;
  CreateDate: number;
  /** Member user names. */
  users: string[];
}

export interface PolicyVersion {
  VersionId: string;
  Document: string;
  CreateDate: number;
}

export interface ManagedPolicy {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  Description?: string;
  CreateDate: number;
  UpdateDate: number;
  /** The version in effect (see versions.ts). */
  DefaultVersionId: string;
  /** Oldest first, at most five. */
  versions: PolicyVersion[];
  /** The number of the next version made (ids are never reused); absent in states saved before it. */
  nextVersion?: number;
  Tags: Tag[];
}

export interface AccessKey {
  AccessKeyId: string;
  SecretAccessKey: string;
  UserName: string;
  Status: 'Active' | 'Inactive';
  CreateDate: number;
}

export interface IamState {
  users: Dict<IamUser>;
  roles: Dict<IamRole>;
  groups: Dict<IamGroup>;
  /** Customer managed policies, by ARN. */
  policies: Dict<ManagedPolicy>;
  /** By AccessKeyId. */
  accessKeys: Dict<AccessKey>;
  /**
   * Keys DeleteAccessKey removed (id → the user it was), so requests signed with one are refused
   * rather than taken for a key the emulator never issued. Absent until a key is first deleted.
   */
  deletedAccessKeys?: Dict<string>;
  /**
   * Bumped by every change, so identities built from this state (credentials.ts) know when to
   * rebuild; test/aws/iam/revision.test.ts runs every operation of index.ts and holds each write to it.
   */
  revision: number;
}

export function initialIamState(): IamState {
  return { users: dict(), roles: dict(), groups: dict(), policies: dict(), accessKeys: dict(), revision: 0 };
}

export function iamState(ctx: OperationContext): IamState {
  return ctx.state<IamState>('iam');
}

/** Marks the state changed (every write operation calls it). */
export function changed(state: IamState): void {
  state.revision++;
}
