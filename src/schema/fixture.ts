import { z } from 'zod';

/**
 * The emulator state an exercise starts from (`fixture.yaml` in an exercise folder). Every entry is
 * created through the emulator's own operations, so a fixture obeys the same rules as learner code.
 */
const tags = z.record(z.string(), z.string()).describe('Tags as key: value.');

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
        ]),
      )
      .default({})
      .describe(
        "Extra variables in the learner code's process.env, as a Lambda function's: text, or { value, encryptWith, encryptionContext } for a value stored as the base64 of KMS Encrypt's ciphertext (the Lambda console's encryption helpers).",
      ),
  })
  .strict();

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureInput = z.input<typeof fixtureSchema>;
