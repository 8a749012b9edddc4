import { encodeDocument } from './documents';
import type { IamGroup, IamRole, IamUser, ManagedPolicy, Tag } from './state';

/** IAM's response shapes: ISO 8601 dates, documents URL-encoded, empty tag lists left out. */
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const tagsField = (tags: Tag[]) => (tags.length ? { Tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })) } : {});

export const userShape = (u: IamUser) => ({
  Path: u.Path,
  UserName: u.UserName,
  UserId: u.UserId,
  Arn: u.Arn,
  CreateDate: iso(u.CreateDate),
  ...tagsField(u.Tags),
});

export const roleShape = (r: IamRole) => ({
  Path: r.Path,
  RoleName: r.RoleName,
  RoleId: r.RoleId,
  Arn: r.Arn,
  CreateDate: iso(r.CreateDate),
  AssumeRolePolicyDocument: encodeDocument(r.AssumeRolePolicyDocument),
  ...(r.Description !== undefined ? { Description: r.Description } : {}),
  MaxSessionDuration: r.MaxSessionDuration,
  ...tagsField(r.Tags),
});

export const groupShape = (g: IamGroup) => ({
  Path: g.Path,
  GroupName: g.GroupName,
  GroupId: g.GroupId,
  Arn: g.Arn,
  CreateDate: iso(g.CreateDate),
});

export const policyShape = (p: ManagedPolicy, attachmentCount: number) => ({
  PolicyName: p.PolicyName,
  PolicyId: p.PolicyId,
  Arn: p.Arn,
  Path: p.Path,
  DefaultVersionId: p.DefaultVersionId,
  AttachmentCount: attachmentCount,
  PermissionsBoundaryUsageCount: 0,
  IsAttachable: true,
  ...(p.Description !== undefined ? { Description: p.Description } : {}),
  CreateDate: iso(p.CreateDate),
  UpdateDate: iso(p.UpdateDate),
  ...tagsField(p.Tags),
});
