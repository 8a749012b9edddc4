import { z } from 'zod';

/**
 * The emulator state an exercise starts from (`fixture.yaml` in an exercise folder). Every entry is
 * created through the emulator's own operations, so a fixture obeys the same rules as learner code.
 */
const tags = z.record(z.string(), z.string()).describe('Tags as key: value.');
const account = z
  .string()
  .regex(/^\d{12}$/, 'a 12-digit AWS account id')
  .optional()
  .describe(
    "The AWS account that owns it (default the learner's, 123456789012): another account's for cross-account access.",
  );
/** An IAM policy document written as YAML (Version, Statement...), stored as its JSON. */
const policyDocument = z.record(z.string(), z.unknown());

export const fixtureSchema = z
  .object({
    clock: z
      .string()
      .datetime({ offset: true })
      .optional()
      .describe('Simulated time at the start of the run, ISO 8601 (default 2026-01-01T00:00:00Z).'),
    keys: z
      .array(
        z
          .object({
            alias: z
              .string()
              .regex(/^alias\//)
              .describe('Alias for the new customer managed key, e.g. alias/pettracker.'),
            description: z.string().optional().describe('Key description.'),
            enabled: z.boolean().default(true).describe('false creates the key disabled (to teach DisabledException).'),
            account,
            policy: policyDocument
              .optional()
              .describe(
                'The key policy (default: the policy KMS gives a new key, which lets the account decide with IAM).',
              ),
          })
          .strict(),
      )
      .default([])
      .describe('Customer managed KMS keys to create.'),
    secrets: z
      .array(
        z
          .object({
            name: z.string().describe('Secret name, e.g. pettracker/dev/db-credentials.'),
            value: z
              .union([z.string(), z.record(z.string(), z.unknown())])
              .optional()
              .describe('SecretString: a string, or a mapping stored as JSON.'),
            binary: z.string().optional().describe('SecretBinary as base64 (instead of value).'),
            description: z.string().optional().describe('Secret description.'),
            kmsKeyId: z.string().optional().describe('KMS key id, ARN or alias (default aws/secretsmanager).'),
            tags: tags.optional(),
            account,
            resourcePolicy: policyDocument
              .optional()
              .describe(
                "The secret's resource-based policy (PutResourcePolicy), e.g. to let a role of another account read it.",
              ),
            versions: z
              .array(z.union([z.string(), z.record(z.string(), z.unknown())]))
              .optional()
              .describe('Later values, put in order with PutSecretValue (each becomes AWSCURRENT).'),
            scheduledForDeletion: z
              .boolean()
              .optional()
              .describe('true schedules the secret for deletion (7-day window).'),
            masterSecret: z
              .string()
              .optional()
              .describe(
                "Alternating-users rotation: the name of the superuser secret (listed earlier), whose ARN is added to this secret's JSON value as masterarn, as AWS's multi-user rotation functions expect.",
              ),
          })
          .strict()
          .refine((s) => (s.value === undefined) !== (s.binary === undefined), 'Give exactly one of value or binary')
          .refine(
            (s) => s.masterSecret === undefined || (typeof s.value === 'object' && s.value !== null),
            'masterSecret needs a value given as a mapping (the JSON that gets masterarn)',
          ),
      )
      .default([])
      .describe('Secrets Manager secrets to create.'),
    parameters: z
      .array(
        z
          .object({
            name: z.string().describe('Parameter name, e.g. /pettracker/dev/api-url.'),
            type: z.enum(['String', 'StringList', 'SecureString']).default('String').describe('Parameter type.'),
            value: z.string().describe('The value (for StringList, comma-separated).'),
            keyId: z.string().optional().describe('KMS key for a SecureString (default alias/aws/ssm).'),
            tier: z.enum(['Standard', 'Advanced', 'Intelligent-Tiering']).optional().describe('Parameter tier.'),
            description: z.string().optional().describe('Parameter description.'),
          })
          .strict(),
      )
      .default([])
      .describe('Parameter Store parameters to create.'),
    databases: z
      .array(
        z
          .object({
            host: z
              .string()
              .min(1)
              .describe(
                'Host name the server answers on, e.g. pettracker-dev.cluster-abc123.us-east-1.rds.amazonaws.com.',
              ),
            port: z
              .number()
              .int()
              .min(1)
              .max(65_535)
              .optional()
              .describe('Port (default 5432 for postgres, 3306 for mysql).'),
            engine: z.enum(['postgres', 'mysql']).default('postgres').describe('Database engine.'),
            users: z.record(z.string(), z.string()).default({}).describe('Database users as name: password.'),
            master: z
              .object({
                user: z.string().min(1).describe('User name, e.g. pettracker_admin.'),
                password: z.string().min(1).describe('Its password.'),
              })
              .strict()
              .optional()
              .describe("The master (super)user that may change other users' passwords."),
            databases: z
              .record(
                z.string(),
                z.array(
                  z.object({ id: z.number().int(), name: z.string(), species: z.string(), owner: z.string() }).strict(),
                ),
              )
              .default({})
              .describe('Databases as name: list of pets (id, name, species, owner).'),
          })
          .strict(),
      )
      .default([])
      .describe('Simulated database servers (for rotation exercises), reached from learner code with @pettracker/db.'),
    roles: z
      .array(
        z
          .object({
            name: z.string().min(1).describe('Role name, e.g. pettracker-warehouse-reader.'),
            account,
            trustPolicy: policyDocument.describe(
              'Who may assume the role (its trust policy, AssumeRolePolicyDocument).',
            ),
            policies: z
              .record(z.string(), policyDocument)
              .default({})
              .describe("The role's inline identity policies, as name: policy document."),
          })
          .strict(),
      )
      .default([])
      .describe('IAM roles to create (learner code assumes them with STS AssumeRole).'),
    principal: z
      .object({
        arn: z
          .string()
          .regex(/^arn:aws:iam::\d{12}:(role|user)\/.+$/)
          .describe('The role or user ARN, e.g. arn:aws:iam::123456789012:role/pettracker-api.'),
        policies: z.record(z.string(), policyDocument).describe('Its identity policies, as name: policy document.'),
      })
      .strict()
      .optional()
      .describe(
        "Who the learner code's default credentials are (its calls are authorized against these policies). Without it, the account's administrator, who may do anything.",
      ),
    environment: z
      .record(
        z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'letters, digits and _, starting with a letter (as Lambda allows)'),
        z.union([
          z.string(),
          z
            .object({
              value: z.string().min(1).describe('The plaintext, encrypted when the run starts.'),
              encryptWith: z
                .string()
                .describe('The KMS key (alias, id or ARN) that encrypts it, e.g. alias/pettracker-env.'),
              encryptionContext: z
                .record(z.string(), z.string())
                .optional()
                .describe(
                  "Encryption context, e.g. LambdaFunctionName: <function> as the Lambda console's helpers use.",
                ),
            })
            .strict(),
          z
            .object({
              secretArn: z
                .string()
                .describe(
                  "The name of a secret listed in secrets: the variable holds that secret's full ARN (its random suffix is made when the run starts).",
                ),
            })
            .strict(),
        ]),
      )
      .default({})
      .describe(
        "Extra variables in the learner code's process.env, as a Lambda function's: text, { value, encryptWith, encryptionContext } for a value stored as the base64 of KMS Encrypt's ciphertext (the Lambda console's encryption helpers), or { secretArn: <secret name> } for a secret's full ARN.",
      ),
  })
  .strict();

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureInput = z.input<typeof fixtureSchema>;
