import type { OperationContext } from '../../core/service';
import { requireSecret } from '../arn';
import { malformedPolicy, publicPolicy } from '../errors';
import { arnAndName } from '../responses';
import { touchSecret } from '../state';
import { type Input, optBool, optString, reqString, secretId } from '../validate';

const MAX_POLICY_CHARS = 20_480;

/**
 * A resource policy must be a JSON policy document: an object whose Statement (one or a list)
 * has statements with Effect Allow or Deny. Returns the problem, or undefined when it is sound.
 */
function policyProblem(text: string): string | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'This resource policy contains a syntax error.';
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return 'This resource policy contains a syntax error.';
  const statement = (doc as Record<string, unknown>).Statement;
  const statements = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  if (statements.length === 0) return 'This resource policy contains a syntax error: a policy needs a Statement.';
  for (const s of statements) {
    if (typeof s !== 'object' || s === null) return 'This resource policy contains a syntax error.';
    const effect = (s as Record<string, unknown>).Effect;
    if (effect !== 'Allow' && effect !== 'Deny')
      return 'This resource policy contains a syntax error: Effect must be Allow or Deny.';
  }
  return undefined;
}

/** Broad access: an Allow statement for Principal "*" (or AWS: "*") without any Condition. */
function isPublic(text: string): boolean {
  const doc = JSON.parse(text) as { Statement?: unknown };
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return statements.some((s) => {
    const st = s as { Effect?: unknown; Principal?: unknown; Condition?: unknown };
    if (st.Effect !== 'Allow' || st.Condition !== undefined) return false;
    const p = st.Principal;
    const aws = typeof p === 'object' && p !== null ? (p as Record<string, unknown>).AWS : undefined;
    return p === '*' || aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  });
}

function policyParam(input: Input): string {
  return reqString(input, 'ResourcePolicy', { min: 1, max: MAX_POLICY_CHARS });
}

/** PutResourcePolicy: stores a valid policy; with BlockPublicPolicy, a public one is refused. */
export function putResourcePolicy(ctx: OperationContext, input: Input) {
  const id = secretId(input);
  const policy = policyParam(input);
  const block = optBool(input, 'BlockPublicPolicy') ?? false;
  const secret = requireSecret(ctx, id, { authorize: 'PutResourcePolicy' });
  const problem = policyProblem(policy);
  if (problem) throw malformedPolicy(problem);
  if (block && isPublic(policy)) throw publicPolicy();
  secret.ResourcePolicy = policy;
  touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  return arnAndName(secret);
}

export function getResourcePolicy(ctx: OperationContext, input: Input) {
  const secret = requireSecret(ctx, secretId(input), { allowDeleted: true, authorize: 'GetResourcePolicy' });
  return { ...arnAndName(secret), ResourcePolicy: secret.ResourcePolicy };
}

export function deleteResourcePolicy(ctx: OperationContext, input: Input) {
  const secret = requireSecret(ctx, secretId(input), { authorize: 'DeleteResourcePolicy' });
  if (secret.ResourcePolicy !== undefined) {
    secret.ResourcePolicy = undefined;
    touchSecret(secret, 'LastChangedDate', ctx.clock.now());
  }
  return arnAndName(secret);
}

/** ValidateResourcePolicy: syntax and public-access checks, reported instead of thrown. */
export function validateResourcePolicy(ctx: OperationContext, input: Input) {
  const id = optString(input, 'SecretId', { min: 1, max: 2048 });
  const policy = policyParam(input);
  if (id !== undefined) requireSecret(ctx, secretId(input), { authorize: 'ValidateResourcePolicy' });
  else ctx.authorize('secretsmanager:ValidateResourcePolicy', '*');
  const problem = policyProblem(policy);
  const errors = problem
    ? [{ CheckName: 'SYNTAX_CHECK', ErrorMessage: problem }]
    : isPublic(policy)
      ? [{ CheckName: 'PUBLIC_ACCESS_CHECK', ErrorMessage: 'This resource policy grants public access to the secret.' }]
      : [];
  return { PolicyValidationPassed: errors.length === 0, ValidationErrors: errors };
}
