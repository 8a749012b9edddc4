import { own } from '../../core/dict';
import type { OperationContext } from '../../core/service';
import { checkDocument } from '../../iam/documents';
import { accessKeyId, secretAccessKey, sessionToken } from '../../iam/ids';
import { iso } from '../../iam/responses';
import { iamState } from '../../iam/state';
import { type Input, optInt, optList, optString, reqString } from '../../iam/validate';
import { stsErrors } from '../errors';
import { dropExpired, stsState } from '../state';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007e]*\/)?([\w+=,.@-]+)$/;

/**
 * AssumeRole: temporary credentials for a session of a role, valid for DurationSeconds (900 s up to
 * the role's MaxSessionDuration, default 3600) on the emulator's clock. Two sides must agree, as in
 * AWS: the caller's identity policies allow `sts:AssumeRole` on the role (unless the trust policy
 * names the caller itself), and the role's trust policy allows the caller. The account's root cannot
 * assume roles. Requests signed with the credentials act with the role's policies, bounded by the
 * session policies when the call passed any (`Policy`, up to 10 `PolicyArns`): the session may do
 * only what both allow.
 */
export function assumeRole(ctx: OperationContext, input: Input) {
  const roleArn = reqString(input, 'RoleArn', { min: 20, max: 2048 });
  const sessionName = reqString(input, 'RoleSessionName', {
    min: 2,
    max: 64,
    pattern: /^[\w+=,.@-]*$/,
    patternText: '[\\w+=,.@-]*',
  });
  const duration = optInt(input, 'DurationSeconds', 900, 43_200) ?? 3600;
  const externalId = optString(input, 'ExternalId', { min: 2, max: 1224 });
  const sessionPolicy = optString(input, 'Policy', { min: 1, max: 2048 });
  const policyArns = sessionPolicyArns(input);
  if (sessionPolicy !== undefined) checkDocument('session policy', sessionPolicy);
  if (ctx.caller.principal === undefined && ctx.caller.arn.endsWith(':root')) throw stsErrors.rootCannotAssume();
  const m = roleArn.match(ROLE_ARN);
  const role = m && m[1] === ctx.accountId ? own(iamState(ctx).roles, m[2] as string) : undefined;
  // A role that does not exist is refused like one whose trust policy names someone else.
  if (!role) throw stsErrors.notAuthorized(ctx.caller.arn, roleArn);
  ctx.authorize(
    'sts:AssumeRole',
    roleArn,
    { 'sts:RoleSessionName': sessionName, ...(externalId !== undefined ? { 'sts:ExternalId': externalId } : {}) },
    {
      resourcePolicy: {
        name: `trust policy of role ${role.RoleName}`,
        document: role.AssumeRolePolicyDocument,
        trust: true,
      },
    },
  );
  if (duration > role.MaxSessionDuration) throw stsErrors.durationTooLong(duration, role.MaxSessionDuration);
  const state = stsState(ctx);
  const now = ctx.clock.now();
  dropExpired(state, now);
  const session = {
    AccessKeyId: accessKeyId(ctx.random, 'ASIA'),
    SecretAccessKey: secretAccessKey(ctx.random),
    SessionToken: sessionToken(ctx.random),
    Expiration: now + duration * 1000,
    RoleName: role.RoleName,
    RoleArn: role.Arn,
    RoleSessionName: sessionName,
    AssumedRoleId: `${role.RoleId}:${sessionName}`,
    Arn: `arn:aws:sts::${ctx.accountId}:assumed-role/${role.RoleName}/${sessionName}`,
    ...(sessionPolicy !== undefined ? { SessionPolicy: sessionPolicy } : {}),
    ...(policyArns.length > 0 ? { SessionPolicyArns: policyArns } : {}),
  };
  state.sessions[session.AccessKeyId] = session;
  return {
    Credentials: {
      AccessKeyId: session.AccessKeyId,
      SecretAccessKey: session.SecretAccessKey,
      SessionToken: session.SessionToken,
      Expiration: iso(session.Expiration),
    },
    AssumedRoleUser: { AssumedRoleId: session.AssumedRoleId, Arn: session.Arn },
  };
}

/** `PolicyArns.member.N.arn`: at most 10 managed policies (customer or AWS) as session policies. */
function sessionPolicyArns(input: Input): string[] {
  const list = optList(input, 'PolicyArns') ?? [];
  if (list.length > 10)
    throw stsErrors.validation(
      "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
  return list.map((entry) => {
    const arn = typeof entry === 'object' && entry !== null ? (entry as Input).arn : undefined;
    if (typeof arn !== 'string' || arn.length < 20 || arn.length > 2048)
      throw stsErrors.validation(
        "1 validation error detected: Value at 'policyArns.member.arn' failed to satisfy constraint: Member must have length greater than or equal to 20",
      );
    return arn;
  });
}
