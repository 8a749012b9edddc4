import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

const ACCOUNT = '123456789012';
const POLICY_NAME = 'read-secrets-of-my-team';

interface Role {
  name: string;
  /** The role's tags: `team` is the attribute the policy compares. */
  tags: Record<string, string>;
}
const REMINDERS: Role = { name: 'pettracker-reminders', tags: { team: 'reminders' } };
const REPORTS: Role = { name: 'pettracker-reports', tags: { team: 'reports' } };
const SUPPORT: Role = { name: 'pettracker-support', tags: {} };

const SMS = 'pettracker/prod/reminders-sms-key';
const PUSH = 'pettracker/prod/reminders-push-key';
const REPORTING = 'pettracker/prod/reporting';
const PLATFORM = 'pettracker/prod/db-credentials';
const NEW_SECRET = 'pettracker/prod/reminders-email-key';

type Action =
  | 'GetSecretValue'
  | 'DescribeSecret'
  | 'PutSecretValue'
  | 'TagResource'
  | 'UntagResource'
  | 'DeleteSecret';

/** One request a team's role makes, and whether tag-based access allows it. */
interface Case {
  role: Role;
  action: Action;
  secret: string;
  allow: boolean;
  /** What to change when the policy decides this case wrongly. */
  advice: string;
}

/** The request, harmless when allowed: the same value, the same tag, a tag key that is not there. */
function command(action: Action, secret: string) {
  switch (action) {
    case 'GetSecretValue':
      return new GetSecretValueCommand({ SecretId: secret });
    case 'DescribeSecret':
      return new DescribeSecretCommand({ SecretId: secret });
    case 'PutSecretValue':
      return new PutSecretValueCommand({ SecretId: secret, SecretString: '{"apiKey":"overwritten"}' });
    case 'TagResource':
      return new TagResourceCommand({ SecretId: secret, Tags: [{ Key: 'team', Value: 'reports' }] });
    case 'UntagResource':
      return new UntagResourceCommand({ SecretId: secret, TagKeys: ['team'] });
    case 'DeleteSecret':
      return new DeleteSecretCommand({ SecretId: secret, RecoveryWindowInDays: 30 });
  }
}

function policyOf(t: CheckContext): object {
  const policy = t.exports.policy;
  if (policy === undefined)
    t.fail("Export the policy document: `export const policy = { Version: '2012-10-17', Statement: [ ... ] };`.");
  return policy as object;
}

const describeTag = (team: string | undefined) => (team ? `tagged team=${team}` : 'no team tag');
const describeRole = (role: Role) =>
  `${role.name} (${role.tags.team ? `team=${role.tags.team}` : 'no team tag'})`;

/**
 * Sends each request through the real SDK as the role, with the learner's policy attached, and
 * fails on the first one decided wrongly, naming the statement that decided (from the call log).
 * What an allowed write changed is put back as the account's administrator.
 */
async function expectDecisions(t: CheckContext, cases: Case[]): Promise<void> {
  const document = policyOf(t);
  const wrong: string[] = [];
  for (const c of cases) {
    const before = t.emulator.log.entries().at(-1)?.seq ?? 0;
    let allowed = true;
    try {
      t.emulator.setPrincipal({
        arn: `arn:aws:iam::${ACCOUNT}:role/${c.role.name}`,
        policies: [{ name: POLICY_NAME, document }],
        tags: c.role.tags,
      });
    } catch (e) {
      t.fail(`IAM would reject this policy: ${(e as Error).message}`);
    }
    try {
      await t.sm.send(command(c.action, c.secret) as GetSecretValueCommand);
    } catch (e) {
      if ((e as Error).name !== 'AccessDeniedException') throw e;
      allowed = false;
    } finally {
      t.emulator.clearPrincipal();
    }
    if (allowed) await undo(t, c);
    if (allowed === c.allow) continue;
    const entry = t.emulator.log.entries().find((e) => e.seq > before && e.operation === c.action);
    const reason = entry?.authorization?.find((a) => a.action === `secretsmanager:${c.action}`)?.reason ?? '';
    wrong.push(
      `secretsmanager:${c.action} by ${describeRole(c.role)} on ${c.secret} (${describeTag(await teamOf(t, c.secret))}) should be ${c.allow ? 'allowed' : 'denied'}. ${reason} ${c.advice}`,
    );
  }
  if (wrong.length)
    t.fail(
      `${wrong[0]}${wrong.length > 1 ? ` (${wrong.length - 1} more request${wrong.length > 2 ? 's' : ''} in this task decided wrongly.)` : ''}`,
    );
}

async function teamOf(t: CheckContext, secret: string): Promise<string | undefined> {
  const { Tags = [] } = await t.sm.send(new DescribeSecretCommand({ SecretId: secret }));
  return Tags.find((tag) => tag.Key === 'team')?.Value;
}

/** Puts back what an allowed write changed, so the next cases see the account as it was. */
async function undo(t: CheckContext, c: Case): Promise<void> {
  if (c.action === 'DeleteSecret') await t.sm.send(new RestoreSecretCommand({ SecretId: c.secret }));
  if (c.action === 'TagResource' || c.action === 'UntagResource') {
    const team = c.secret === REPORTING ? 'reports' : 'reminders';
    await t.sm.send(new TagResourceCommand({ SecretId: c.secret, Tags: [{ Key: 'team', Value: team }] }));
  }
}

const COMPARE =
  "Compare the secret's tag with the caller's: Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }, with Resource '*'.";
const READS_ONLY =
  'Allow only the reads (secretsmanager:GetSecretValue and secretsmanager:DescribeSecret): once tags decide access, a role that may write, tag or untag secrets can change who reads them.';

export default defineChecks([
  {
    id: 'valid-policy',
    title: 'A valid policy document, Version 2012-10-17',
    run: (t) => {
      const policy = policyOf(t) as { Version?: unknown };
      if (typeof policy !== 'object' || policy === null || Array.isArray(policy))
        t.fail('Export the policy document as an object with Version and Statement.');
      if (policy.Version !== '2012-10-17')
        t.fail(
          `The policy's Version is ${JSON.stringify(policy.Version)}. Use "2012-10-17": policy variables such as \${aws:PrincipalTag/team} work only in that version.`,
        );
      try {
        t.emulator.setPrincipal({ arn: `arn:aws:iam::${ACCOUNT}:role/${REMINDERS.name}`, policies: [{ name: POLICY_NAME, document: policy }] });
      } catch (e) {
        t.fail(`IAM would reject this policy: ${(e as Error).message}`);
      } finally {
        t.emulator.clearPrincipal();
      }
    },
  },
  {
    id: 'reads-own-team',
    title: "Each team's role reads its own team's secrets",
    run: (t) =>
      expectDecisions(t, [
        { role: REMINDERS, action: 'GetSecretValue', secret: SMS, allow: true, advice: COMPARE },
        { role: REMINDERS, action: 'DescribeSecret', secret: PUSH, allow: true, advice: `Allow secretsmanager:DescribeSecret too. ${COMPARE}` },
        { role: REMINDERS, action: 'GetSecretValue', secret: PUSH, allow: true, advice: COMPARE },
        {
          role: REPORTS,
          action: 'GetSecretValue',
          secret: REPORTING,
          allow: true,
          advice:
            "The same policy is attached to every team's role: compare the secret's tag with the caller's, '${aws:PrincipalTag/team}', not with one team's name.",
        },
      ]),
  },
  {
    id: 'denies-other-teams',
    title: "No role reads another team's secrets",
    run: (t) =>
      expectDecisions(t, [
        { role: REMINDERS, action: 'GetSecretValue', secret: REPORTING, allow: false, advice: COMPARE },
        { role: REPORTS, action: 'GetSecretValue', secret: SMS, allow: false, advice: COMPARE },
        { role: REPORTS, action: 'DescribeSecret', secret: PUSH, allow: false, advice: COMPARE },
      ]),
  },
  {
    id: 'denies-untagged',
    title: 'A missing tag grants nothing',
    run: (t) =>
      expectDecisions(t, [
        {
          role: REMINDERS,
          action: 'GetSecretValue',
          secret: PLATFORM,
          allow: false,
          advice:
            'A secret without a team tag belongs to no team: use StringEquals, not StringEqualsIfExists (which matches when the key is missing).',
        },
        {
          role: SUPPORT,
          action: 'GetSecretValue',
          secret: SMS,
          allow: false,
          advice: 'A role without a team tag belongs to no team: it must read nothing.',
        },
        {
          role: SUPPORT,
          action: 'GetSecretValue',
          secret: PLATFORM,
          allow: false,
          advice:
            'Neither has a team tag: nothing to compare must mean no access. Use StringEquals on aws:ResourceTag/team, not IfExists or Null tests.',
        },
      ]),
  },
  {
    id: 'new-secret-no-policy-change',
    title: 'A new tagged secret is readable at once, with no policy change',
    run: async (t) => {
      await t.sm.send(
        new CreateSecretCommand({
          Name: NEW_SECRET,
          SecretString: JSON.stringify({ apiKey: 'email-prod-2Jf5Gk8Qs4Vy' }),
          Tags: [{ Key: 'team', Value: 'reminders' }],
        }),
      );
      await expectDecisions(t, [
        {
          role: REMINDERS,
          action: 'GetSecretValue',
          secret: NEW_SECRET,
          allow: true,
          advice: `That is the point of tag-based access: no list of secrets to keep up to date. Use Resource '*' and let the tags decide. ${COMPARE}`,
        },
        { role: REPORTS, action: 'GetSecretValue', secret: NEW_SECRET, allow: false, advice: COMPARE },
      ]);
    },
  },
  {
    id: 'read-only',
    title: 'No writes, and no changing the tags that decide access',
    run: (t) =>
      expectDecisions(t, [
        { role: REMINDERS, action: 'PutSecretValue', secret: SMS, allow: false, advice: READS_ONLY },
        { role: REMINDERS, action: 'TagResource', secret: SMS, allow: false, advice: READS_ONLY },
        { role: REMINDERS, action: 'UntagResource', secret: PUSH, allow: false, advice: READS_ONLY },
        { role: REMINDERS, action: 'DeleteSecret', secret: SMS, allow: false, advice: READS_ONLY },
      ]),
  },
]);
