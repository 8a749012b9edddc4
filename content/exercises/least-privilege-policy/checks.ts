import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { DescribeSecretCommand } from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/pettracker-dev-api`;
const POLICY_NAME = 'pettracker-dev-api';
const param = (name: string) => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${name}`;
const VIA_SSM = `ssm.${REGION}.amazonaws.com`;

/** One request the role might make, and whether least privilege allows it. */
interface Case {
  action: string;
  resource: string;
  context?: Record<string, string>;
  allow: boolean;
  /** What to change when the policy decides this case wrongly. */
  advice: string;
}

interface Resources {
  keyArn: string;
  devSecretArn: string;
  prodSecretArn: string;
}

/** ARNs only the emulator knows (the key id, the secrets' random suffixes), read before the role is assumed. */
async function resources(t: CheckContext): Promise<Resources> {
  const key = await t.kms.send(new DescribeKeyCommand({ KeyId: 'alias/pettracker' }));
  const dev = await t.sm.send(new DescribeSecretCommand({ SecretId: 'pettracker/dev/db-credentials' }));
  const prod = await t.sm.send(new DescribeSecretCommand({ SecretId: 'pettracker/prod/db-credentials' }));
  return { keyArn: key.KeyMetadata?.Arn ?? '', devSecretArn: dev.ARN ?? '', prodSecretArn: prod.ARN ?? '' };
}

function policyOf(t: CheckContext): unknown {
  const policy = t.exports.policy;
  if (policy === undefined)
    t.fail("Export the policy document: `export const policy = { Version: '2012-10-17', Statement: [ ... ] };`.");
  return policy;
}

/**
 * Evaluates each case as the role with the learner's policy, through the emulator's IAM evaluator,
 * and fails on the first one decided wrongly, naming the statement that decided it.
 */
async function expectDecisions(t: CheckContext, build: (r: Resources) => Case[]): Promise<void> {
  const cases = build(await resources(t));
  const document = policyOf(t) as object;
  try {
    t.emulator.setPrincipal({ arn: ROLE, policies: [{ name: POLICY_NAME, document }] });
  } catch (e) {
    t.fail(`IAM would reject this policy: ${(e as Error).message}`);
  }
  try {
    const wrong: string[] = [];
    for (const c of cases) {
      const ctx = t.emulator.context(REGION);
      let allowed = true;
      try {
        ctx.authorize(c.action, c.resource, c.context ?? {});
      } catch {
        allowed = false;
      }
      if (allowed === c.allow) continue;
      const record = ctx.decisions.at(-1);
      const via = c.context?.['kms:ViaService']
        ? ` through ${c.context['kms:ViaService']}`
        : c.action.startsWith('kms:')
          ? ' called directly (no kms:ViaService)'
          : '';
      const decided = `should be ${c.allow ? 'allowed' : 'denied'}. ${record?.reason ?? ''}`;
      wrong.push(`${c.action}${via} on ${c.resource} ${decided} ${c.advice}`);
    }
    if (wrong.length)
      t.fail(
        `${wrong[0]}${wrong.length > 1 ? ` (${wrong.length - 1} more request${wrong.length > 2 ? 's' : ''} in this task decided wrongly.)` : ''}`,
      );
  } finally {
    t.emulator.clearPrincipal();
  }
}

const READS =
  'List only the read actions it needs (ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath, secretsmanager:GetSecretValue, kms:Decrypt), not a wildcard like ssm:* or secretsmanager:*.';

export default defineChecks([
  {
    id: 'valid-policy',
    title: 'A valid policy document, Version 2012-10-17',
    run: (t) => {
      const policy = policyOf(t);
      if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) {
        t.fail(
          `policy is ${Array.isArray(policy) ? 'an array' : typeof policy}. Export the document as an object with Version and Statement.`,
        );
      }
      if ((policy as { Version?: unknown }).Version !== '2012-10-17') {
        t.fail(
          `The policy's Version is ${JSON.stringify((policy as { Version?: unknown }).Version)}. Use "2012-10-17", the current policy language (the date is a version name, not a creation date).`,
        );
      }
      try {
        t.emulator.setPrincipal({ arn: ROLE, policies: [{ name: POLICY_NAME, document: policy as object }] });
      } catch (e) {
        t.fail(`IAM would reject this policy: ${(e as Error).message}`);
      } finally {
        t.emulator.clearPrincipal();
      }
    },
  },
  {
    id: 'reads-dev-config',
    title: 'Reads the dev parameters, nested ones and the path',
    run: (t) =>
      expectDecisions(t, () => [
        {
          action: 'ssm:GetParameter',
          resource: param('/pettracker/dev/api-url'),
          allow: true,
          advice: `Allow ssm:GetParameter on ${param('/pettracker/dev/*')}.`,
        },
        {
          action: 'ssm:GetParameters',
          resource: param('/pettracker/dev/db/password'),
          allow: true,
          advice: `Allow ssm:GetParameters on ${param('/pettracker/dev/*')} (the * also matches deeper levels).`,
        },
        {
          action: 'ssm:GetParametersByPath',
          resource: param('/pettracker/dev'),
          allow: true,
          advice: `GetParametersByPath is authorized against the path itself: add ${param('/pettracker/dev')} to the Resource list, next to ${param('/pettracker/dev/*')}.`,
        },
      ]),
  },
  {
    id: 'decrypts-via-ssm-only',
    title: 'kms:Decrypt only through Parameter Store',
    run: (t) =>
      expectDecisions(t, (r) => {
        const encryptionContext = { 'kms:EncryptionContext:PARAMETER_ARN': param('/pettracker/dev/db/password') };
        return [
          {
            action: 'kms:Decrypt',
            resource: r.keyArn,
            context: { 'kms:ViaService': VIA_SSM, ...encryptionContext },
            allow: true,
            advice: `Allow kms:Decrypt on the key (arn:aws:kms:${REGION}:${ACCOUNT}:key/* or its ARN ${r.keyArn}) when kms:ViaService is ${VIA_SSM}.`,
          },
          {
            action: 'kms:Decrypt',
            resource: r.keyArn,
            allow: false,
            advice: `Add Condition: { StringEquals: { 'kms:ViaService': '${VIA_SSM}' } } to the kms:Decrypt statement, so the role can't decrypt ciphertext it found elsewhere.`,
          },
          {
            action: 'kms:Decrypt',
            resource: r.keyArn,
            context: { 'kms:ViaService': `secretsmanager.${REGION}.amazonaws.com` },
            allow: false,
            advice: `Match kms:ViaService exactly: StringEquals with '${VIA_SSM}'.`,
          },
        ];
      }),
  },
  {
    id: 'reads-dev-secret',
    title: 'GetSecretValue on the dev secret only',
    run: (t) =>
      expectDecisions(t, (r) => [
        {
          action: 'secretsmanager:GetSecretValue',
          resource: r.devSecretArn,
          allow: true,
          advice: `A secret's ARN ends in a hyphen and six random characters (this one is ${r.devSecretArn}): end the Resource with -?????? or use secret:pettracker/dev/*.`,
        },
        {
          action: 'secretsmanager:GetSecretValue',
          resource: r.prodSecretArn,
          allow: false,
          advice: 'Name only the dev secrets: secret:pettracker/dev/*.',
        },
      ]),
  },
  {
    id: 'denies-other-environments',
    title: 'Nothing from prod or look-alike paths',
    run: (t) =>
      expectDecisions(t, () => [
        {
          action: 'ssm:GetParameter',
          resource: param('/pettracker/prod/db-password'),
          allow: false,
          advice: `Limit the Resource to ${param('/pettracker/dev/*')}.`,
        },
        {
          action: 'ssm:GetParametersByPath',
          resource: param('/pettracker/prod'),
          allow: false,
          advice: `Limit the Resource to ${param('/pettracker/dev')} and ${param('/pettracker/dev/*')}.`,
        },
        {
          action: 'ssm:GetParameter',
          resource: param('/pettracker/development/api-url'),
          allow: false,
          advice:
            'The pattern needs the slash: parameter/pettracker/dev/* (a pattern like parameter/pettracker/dev* also matches /pettracker/development/).',
        },
      ]),
  },
  {
    id: 'denies-writes',
    title: 'No writes, no listing, no encryption',
    run: (t) =>
      expectDecisions(t, (r) => [
        { action: 'ssm:PutParameter', resource: param('/pettracker/dev/api-url'), allow: false, advice: READS },
        { action: 'ssm:DeleteParameter', resource: param('/pettracker/dev/api-url'), allow: false, advice: READS },
        { action: 'secretsmanager:PutSecretValue', resource: r.devSecretArn, allow: false, advice: READS },
        { action: 'secretsmanager:DeleteSecret', resource: r.devSecretArn, allow: false, advice: READS },
        { action: 'secretsmanager:ListSecrets', resource: '*', allow: false, advice: READS },
        {
          action: 'kms:Encrypt',
          resource: r.keyArn,
          context: { 'kms:ViaService': VIA_SSM },
          allow: false,
          advice: 'Allow kms:Decrypt only; writing a SecureString (kms:Encrypt) is not this function’s job.',
        },
      ]),
  },
]);
