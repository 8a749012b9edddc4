/**
 * `npm run emulator`: the AWS emulator (Secrets Manager, Parameter Store, KMS) on a local endpoint
 * for the AWS CLI, boto3 and SDK code. Flags: --port 4566, --host 127.0.0.1, --state FILE,
 * --account 000000000000, --seed N, --sim-clock (time moves only when told to).
 */
import { parseArgs } from 'node:util';
import { startEmulatorServer } from './startEmulatorServer';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run emulator -- [--port 4566] [--host 127.0.0.1] [--state FILE] [--account 000000000000] [--seed N] [--sim-clock]`,
  );
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      state: { type: 'string' },
      account: { type: 'string', default: '000000000000' },
      seed: { type: 'string' },
      'sim-clock': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}
if (values.help) usage('The AWS emulator on a local HTTP endpoint.');

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port must be 0-65535, got ${values.port}`);
const account = String(values.account);
if (!/^\d{12}$/.test(account)) usage(`--account must be 12 digits, got ${account}`);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && !Number.isInteger(seed)) usage(`--seed must be an integer, got ${values.seed}`);

const server = await startEmulatorServer({
  port,
  host: String(values.host),
  accountId: account,
  ...(seed !== undefined ? { seed } : {}),
  ...(typeof values.state === 'string' ? { statePath: values.state } : {}),
  wallClock: !values['sim-clock'],
  log: (line) => console.log(line),
}).catch((e: unknown) => {
  console.error(`Could not start the emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

const url = server.url;
console.log(`
Secrets Lab AWS emulator listening on ${url} (account ${account}; Secrets Manager, SSM Parameter Store, KMS)
${typeof values.state === 'string' ? `State file: ${values.state}\n` : ''}
AWS CLI:
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
  aws --endpoint-url ${url} secretsmanager list-secrets

boto3:
  boto3.client('secretsmanager', endpoint_url='${url}', region_name='us-east-1',
               aws_access_key_id='test', aws_secret_access_key='test')

AWS SDK for JavaScript v3:
  new SecretsManagerClient({ endpoint: '${url}', region: 'us-east-1',
                             credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })

Each call is logged below. Ctrl+C stops.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
