import { DescribeKeyCommand, DisableKeyCommand, EnableKeyCommand } from '@aws-sdk/client-kms';
import { type CheckContext, defineChecks } from '@lab/checks';

/** The plaintext that fixture.yaml encrypts into SMS_API_KEY. */
const SMS_API_KEY = 'sms_live_5Rk9Tq2Wx7Lm3Vb8';
const FUNCTION_NAME = 'pettracker-reminders';
const KEY_ALIAS = 'alias/pettracker-env';
const INVOCATIONS = 10;

type Handler = (event: unknown, context?: unknown) => Promise<unknown>;

interface Invocation {
  result?: Record<string, unknown>;
  error?: Error;
  /** Decrypt calls made during this invocation. */
  decrypts: number;
}

/** What the checks saw: a first invocation while KMS refused the key, then warm ones. */
interface Scenario {
  refused: Invocation;
  warm: Invocation[];
}

const decrypts = (t: CheckContext) => t.calls('kms', 'Decrypt');
const lambdaContext = { functionName: FUNCTION_NAME, awsRequestId: 'lab-invocation' };

async function invoke(t: CheckContext, petId: string): Promise<Invocation> {
  const handler = t.exports.handler;
  if (typeof handler !== 'function')
    t.fail('Export the handler: `export const handler = async (event: { petId: string }) => { ... }`.');
  const before = decrypts(t).length;
  const out: Invocation = { decrypts: 0 };
  try {
    const result = await (handler as Handler)({ petId }, lambdaContext);
    out.result = typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : { value: result };
  } catch (e) {
    out.error = e as Error;
  }
  out.decrypts = decrypts(t).length - before;
  return out;
}

// One scenario per run, shared by the tasks (keyed by the run's emulator): the first invocation
// finds the key disabled (KMS answers DisabledException), then the key is enabled again and the
// function is invoked as a warm environment would be.
const scenarios = new WeakMap<object, Promise<Scenario>>();

function scenario(t: CheckContext): Promise<Scenario> {
  let run = scenarios.get(t.emulator);
  if (!run) {
    run = (async () => {
      // DisableKey and EnableKey take the key's id or ARN, not an alias.
      const { KeyMetadata } = await t.kms.send(new DescribeKeyCommand({ KeyId: KEY_ALIAS }));
      const KeyId = KeyMetadata?.KeyId;
      await t.kms.send(new DisableKeyCommand({ KeyId }));
      const refused = await invoke(t, 'rex-042').finally(() => t.kms.send(new EnableKeyCommand({ KeyId })));
      const warm: Invocation[] = [];
      for (let i = 0; i < INVOCATIONS; i++) warm.push(await invoke(t, `pet-${i + 1}`));
      return { refused, warm };
    })();
    scenarios.set(t.emulator, run);
  }
  return run;
}

/** Why Decrypt failed, in words that say what to change. */
function decryptAdvice(t: CheckContext, error: Error): string {
  const last = decrypts(t).at(-1);
  const context = last?.params.EncryptionContext as Record<string, unknown> | undefined;
  if (error.name === 'InvalidCiphertextException') {
    if (!context || !('LambdaFunctionName' in context))
      return `KMS answered InvalidCiphertextException: the console's helpers encrypt with the encryption context LambdaFunctionName = the function's name, and Decrypt needs exactly the same. Pass EncryptionContext: { LambdaFunctionName: process.env.AWS_LAMBDA_FUNCTION_NAME }.`;
    if (context.LambdaFunctionName !== FUNCTION_NAME)
      return `KMS answered InvalidCiphertextException: the encryption context said LambdaFunctionName = ${JSON.stringify(context.LambdaFunctionName)}, but this function is ${FUNCTION_NAME}. Read it from process.env.AWS_LAMBDA_FUNCTION_NAME.`;
    return 'KMS answered InvalidCiphertextException although the encryption context is right: CiphertextBlob must be the bytes the base64 text stands for, Uint8Array.from(atob(value), (c) => c.charCodeAt(0)), not the bytes of the text itself (TextEncoder).';
  }
  return `The handler threw ${error.name}: ${error.message.replace(/\.+$/, '')}.`;
}

const shows = (text: string) => text.includes(SMS_API_KEY);

/** The tasks about how often Decrypt runs can only be judged once it works. */
function requireDecrypting(t: CheckContext, warm: Invocation[], then: string): void {
  if (warm.at(-1)?.result?.keyLast4 !== SMS_API_KEY.slice(-4))
    t.fail(`The handler does not return the decrypted key yet (see the first task). Once it does, ${then}`);
}

export default defineChecks([
  {
    id: 'decrypts-key',
    title: 'The handler gets the plaintext of SMS_API_KEY',
    run: async (t) => {
      const { warm } = await scenario(t);
      const last = warm.at(-1) as Invocation;
      if (last.error) {
        if (last.decrypts === 0 && decrypts(t).length > 0 && warm.every((w) => w.error?.name === last.error?.name))
          t.fail(
            `Every invocation threw ${last.error.name} without calling Decrypt: a failed Decrypt from an earlier invocation was kept. See the task about failed decrypts.`,
          );
        t.fail(decryptAdvice(t, last.error));
      }
      const keyLast4 = last.result?.keyLast4;
      if (keyLast4 === SMS_API_KEY.slice(-4)) return;
      if (decrypts(t).length === 0)
        t.fail(
          `keyLast4 is ${JSON.stringify(keyLast4)}, the end of the encrypted value: with the console's helpers, process.env.SMS_API_KEY holds base64 ciphertext. Send it to KMS Decrypt.`,
        );
      t.fail(
        typeof keyLast4 === 'string' && /^\d*,?\d*$/.test(keyLast4)
          ? `keyLast4 is ${JSON.stringify(keyLast4)}: digits of a list of byte values. Decode Decrypt's Plaintext (a Uint8Array) as text: new TextDecoder().decode(Plaintext).`
          : `keyLast4 is ${JSON.stringify(keyLast4)}. Return { sent: true, petId, keyLast4 }, with the last four characters of the decrypted key.`,
      );
    },
  },
  {
    id: 'once-per-environment',
    title: 'Decrypt runs once per execution environment',
    run: async (t) => {
      const { warm } = await scenario(t);
      requireDecrypting(t, warm, `the ${INVOCATIONS} warm invocations must make at most one Decrypt call.`);
      const made = warm.reduce((n, w) => n + w.decrypts, 0);
      if (made > 1)
        t.fail(
          `${INVOCATIONS} invocations of one execution environment made ${made} Decrypt calls. Keep the decrypted key (or its promise) in a variable at module scope, outside the handler: each call costs latency and counts against the account's KMS request quota.`,
        );
      const succeeded = decrypts(t).filter((c) => c.outcome === 'ok').length;
      if (succeeded > 1)
        t.fail(`Decrypt succeeded ${succeeded} times in one execution environment. Once is enough: keep the plaintext.`);
    },
  },
  {
    id: 'retries-after-failure',
    title: 'A failed Decrypt is tried again on the next invocation',
    run: async (t) => {
      const { refused, warm } = await scenario(t);
      const next = warm[0] as Invocation;
      if (!(refused.error && next.error && next.decrypts === 0))
        requireDecrypting(t, warm, 'an invocation after a failed Decrypt must try Decrypt again.');
      if (refused.error && next.error && next.decrypts === 0)
        t.fail(
          `The checks disabled ${KEY_ALIAS} for the first invocation (KMS answered ${refused.error.name}), then enabled it again. The next invocation threw ${next.error.name} without calling Decrypt: the rejected promise stayed at module scope, and this environment would fail until Lambda recycles it. Forget the promise when it rejects, so the next invocation tries again.`,
        );
    },
  },
  {
    id: 'key-not-exposed',
    title: 'The key is neither logged nor returned',
    run: async (t) => {
      const { warm } = await scenario(t);
      const index = t.output.findIndex((line) => shows(line.text));
      if (index >= 0)
        t.fail(
          `Console line ${index + 1} contains the SMS API key. Lambda sends console output to CloudWatch Logs, which more people can read than can use the key: log the pet, never the key.`,
        );
      const returned = warm.find((w) => w.result && shows(JSON.stringify(w.result)));
      if (returned) t.fail('The handler returned the whole key. Return only its last four characters, as keyLast4.');
    },
  },
]);
