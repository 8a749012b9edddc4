import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { awsCliV2 } from './awsCli';
import { type CliEmulator, startCliEmulator } from './cliProcess';
import { cliEnv } from './server';

/**
 * The seed's tutorial, its AWS CLI commands copied verbatim, against a fresh `npm run emulator`
 * (the real command, as a child process): no setup step. The key `alias/pettracker`, the rotation
 * function `SecretsManagerRotation` and the database its secret points at are there from the start.
 * The endpoint is added by a shell function named `aws` (as a user's alias would), so the command
 * lines are the seed's own (AWS_ENDPOINT_URL would do too, but not in the aws-cli 2.9 Debian ships).
 */
const run = promisify(execFile);
let emulator: CliEmulator;
beforeAll(async () => {
  emulator = await startCliEmulator();
}, 120_000);
afterAll(() => emulator?.stop());

// Each block below is copied from the seed, unchanged; blocks that do not depend on each other run side by side.
const SEED_SECRETS = `
# Create a database credential secret
aws secretsmanager create-secret \\
    --name pettracker/prod/db-credentials \\
    --description "Production database credentials" \\
    --secret-string '{
        "username": "pettracker_app",
        "password": "SuperSecureP@ssw0rd!",
        "host": "pettracker-db.cluster-xxx.us-east-1.rds.amazonaws.com",
        "port": 5432,
        "dbname": "pettracker"
    }'

# Or from a file
aws secretsmanager create-secret \\
    --name pettracker/prod/api-key \\
    --secret-string file://api-key.json
`;
const SEED_ROTATION = `
# Enable rotation for RDS credentials
aws secretsmanager rotate-secret \\
    --secret-id pettracker/prod/db-credentials \\
    --rotation-lambda-arn arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRotation \\
    --rotation-rules '{
        "AutomaticallyAfterDays": 30
    }'
`;
const SEED_PARAMETERS = `
# Plain text parameter
aws ssm put-parameter \\
    --name "/pettracker/prod/api-url" \\
    --type "String" \\
    --value "https://api.pettracker.com"

# Secure parameter (encrypted)
aws ssm put-parameter \\
    --name "/pettracker/prod/db-password" \\
    --type "SecureString" \\
    --value "SuperSecureP@ssw0rd!"

# With specific KMS key
aws ssm put-parameter \\
    --name "/pettracker/prod/api-key" \\
    --type "SecureString" \\
    --key-id "alias/pettracker" \\
    --value "sk_live_xxx"
`;

test("the seed's CLI tutorial runs verbatim on a fresh npm run emulator", { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  writeFileSync(join(dir, 'api-key.json'), '{"api_key": "sk_live_xxx"}\n');
  // aws-cli 1.x fetches a --value that starts with https:// unless told not to (2.x does not).
  writeFileSync(join(dir, 'config'), '[default]\ncli_follow_urlparam = false\n');
  const env = { ...cliEnv, AWS_CONFIG_FILE: join(dir, 'config') };
  const cli = awsCliV2();
  const alias = `aws() { command '${cli}' --endpoint-url '${emulator.url}' "$@"; }\n`;
  const bash = (script: string) => run('bash', ['-e', '-c', alias + script], { cwd: dir, env, timeout: 200_000 });
  const aws = async (...args: string[]) =>
    JSON.parse(
      (await run(cli, ['--endpoint-url', emulator.url, '--output', 'json', ...args], { env, timeout: 120_000 })).stdout,
    );

  await Promise.all([bash(SEED_SECRETS).then(() => bash(SEED_ROTATION)), bash(SEED_PARAMETERS)]);
  const [current, previous, parameters] = await Promise.all([
    aws('secretsmanager', 'get-secret-value', '--secret-id', 'pettracker/prod/db-credentials'),
    aws(
      'secretsmanager',
      'get-secret-value',
      '--secret-id',
      'pettracker/prod/db-credentials',
      '--version-stage',
      'AWSPREVIOUS',
    ),
    aws('ssm', 'get-parameters-by-path', '--path', '/pettracker/prod/', '--with-decryption'),
  ]);

  expect(emulator.output).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/KMS key alias\/pettracker \(customer managed\): arn:aws:kms:us-east-1:123456789012:key\//),
      expect.stringMatching(/PostgreSQL pettracker-db/),
      expect.stringMatching(/arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRotation/),
    ]),
  );
  // The rotation really ran: a new password is current, the seed's one is previous.
  expect(JSON.parse(previous.SecretString).password).toBe('SuperSecureP@ssw0rd!');
  expect(JSON.parse(current.SecretString).password).not.toBe('SuperSecureP@ssw0rd!');
  expect(
    Object.fromEntries(parameters.Parameters.map((p: { Name: string; Value: string }) => [p.Name, p.Value])),
  ).toEqual({
    '/pettracker/prod/api-url': 'https://api.pettracker.com',
    '/pettracker/prod/db-password': 'SuperSecureP@ssw0rd!',
    '/pettracker/prod/api-key': 'sk_live_xxx',
  });
});
