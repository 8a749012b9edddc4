/**
 * `npm run emulator`: the AWS emulator (Secrets Manager, Parameter Store, KMS, IAM, STS) on a local
 * endpoint for the AWS CLI, boto3 and SDK code. Flags: --port 4566, --host 127.0.0.1, --state FILE,
 * --account 123456789012, --seed N, --sim-clock, --empty, --iam strict. See src/server/README.md.
 */
import { parseArgs } from 'node:util';
import { banner } from './banner';
import { LineBatch } from './lineBatch';
import { startEmulatorServer } from './startEmulatorServer';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE =
  'Usage: npm run emulator -- [--port 4566] [--host 127.0.0.1] [--state FILE] [--account 123456789012] [--seed N] [--sim-clock] [--empty] [--iam admin|strict]';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      state: { type: 'string' },
      account: { type: 'string', default: '123456789012' },
      seed: { type: 'string' },
      'sim-clock': { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
      iam: { type: 'string', default: 'admin' },
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
const iam = String(values.iam);
if (iam !== 'admin' && iam !== 'strict') usage(`--iam must be admin or strict, got ${iam}`);

// One line per call, written a turn of the event loop at a time (lineBatch.ts), and all of it at exit.
const out = new LineBatch((text) => process.stdout.write(text));
process.on('exit', () => out.flush());

const server = await startEmulatorServer({
  port,
  host: String(values.host),
  accountId: account,
  ...(seed !== undefined ? { seed } : {}),
  ...(typeof values.state === 'string' ? { statePath: values.state } : {}),
  wallClock: !values['sim-clock'],
  preset: values.empty ? 'empty' : 'pettracker',
  iam,
  log: (line) => out.push(line),
}).catch((e: unknown) => {
  console.error(`Could not start the emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

out.push(banner(server, { account, statePath: typeof values.state === 'string' ? values.state : undefined, iam }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
