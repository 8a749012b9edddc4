import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { type CheckContext, defineChecks } from '@lab/checks';

const SECRET_ID = 'pettracker/dev/db-credentials';
const PARAMETER = '/pettracker/dev/maps-api-key';

type Handler = (event: unknown, context?: unknown) => Promise<unknown>;

const context = { functionName: 'pettracker-dev-api', awsRequestId: 'lab-invocation' };
const extensionCalls = (t: CheckContext, operation: string) => t.calls('extension', operation);
/** SDK calls the learner made directly: every AWS call minus those the extension made on a cache miss. */
const directCalls = (t: CheckContext, service: 'secretsmanager' | 'ssm', operation: string) =>
  t.calls(service, operation).length - extensionCalls(t, operation).filter((c) => c.params.cache === 'miss').length;

/** One invocation; resolves to the parsed body, or fails naming what the handler did. */
async function invoke(t: CheckContext): Promise<Record<string, unknown>> {
  const handler = t.exports.handler;
  if (typeof handler !== 'function') t.fail('Export the handler: `export const handler = async (event) => { ... }`.');
  let result: unknown;
  try {
    result = await (handler as Handler)({ httpMethod: 'GET', path: '/pets' }, context);
  } catch (e) {
    const refused = extensionCalls(t, 'GetSecretValue')
      .concat(extensionCalls(t, 'GetParameter'))
      .some((c) => c.outcome === 'Forbidden');
    t.fail(
      refused
        ? `The handler threw ${(e as Error)?.name}: ${(e as Error)?.message}. The extension answered 403 Bad Token: send the header X-Aws-Parameters-Secrets-Token with the value of process.env.AWS_SESSION_TOKEN.`
        : `The handler threw ${(e as Error)?.name}: ${(e as Error)?.message}.`,
    );
  }
  const body = (result as { body?: unknown } | undefined)?.body;
  if (typeof body !== 'string')
    t.fail('The handler should resolve to { statusCode: 200, body: JSON.stringify({ dbUser, mapsKeyLast4 }) }.');
  try {
    return JSON.parse(body as string) as Record<string, unknown>;
  } catch {
    return t.fail('The response body is not JSON: use body: JSON.stringify({ dbUser, mapsKeyLast4 }).');
  }
}

export default defineChecks([
  {
    id: 'reads-through-extension',
    title: 'Reads both values through localhost:2773',
    run: async (t) => {
      const direct = {
        secrets: directCalls(t, 'secretsmanager', 'GetSecretValue'),
        ssm: directCalls(t, 'ssm', 'GetParameter'),
      };
      await invoke(t);
      const sdkSecrets = directCalls(t, 'secretsmanager', 'GetSecretValue') - direct.secrets;
      const sdkParameters = directCalls(t, 'ssm', 'GetParameter') - direct.ssm;
      if (sdkSecrets > 0 || sdkParameters > 0) {
        t.fail(
          `One invocation called ${sdkSecrets > 0 ? 'GetSecretValue' : 'GetParameter'} with the SDK. Ask the extension instead: fetch('http://localhost:2773/${sdkSecrets > 0 ? 'secretsmanager/get?secretId=...' : 'systemsmanager/parameters/get?name=...&withDecryption=true'}').`,
        );
      }
      if (!extensionCalls(t, 'GetSecretValue').some((c) => c.params.SecretId === SECRET_ID)) {
        t.fail(
          `The extension was never asked for ${SECRET_ID}: GET /secretsmanager/get?secretId=${encodeURIComponent(SECRET_ID)}.`,
        );
      }
      if (!extensionCalls(t, 'GetParameter').some((c) => String(c.params.Name) === PARAMETER)) {
        t.fail(
          `The extension was never asked for ${PARAMETER}: GET /systemsmanager/parameters/get?name=${encodeURIComponent(PARAMETER)}&withDecryption=true.`,
        );
      }
    },
  },
  {
    id: 'sends-token',
    title: 'Sends X-Aws-Parameters-Secrets-Token',
    run: async (t) => {
      await invoke(t).catch(() => undefined);
      const refused = extensionCalls(t, 'GetSecretValue')
        .concat(extensionCalls(t, 'GetParameter'))
        .filter((c) => c.outcome === 'Forbidden');
      if (refused.length) {
        t.fail(
          `The extension refused ${refused.length} request${refused.length === 1 ? '' : 's'} with 403 Bad Token. Send the header X-Aws-Parameters-Secrets-Token: process.env.AWS_SESSION_TOKEN on every request.`,
        );
      }
    },
  },
  {
    id: 'parses-secret',
    title: "dbUser is the secret's username",
    run: async (t) => {
      const body = await invoke(t);
      if (body.dbUser !== 'pettracker_app') {
        t.fail(
          `dbUser is ${JSON.stringify(body.dbUser)}. The extension answers with GetSecretValue's JSON: parse its SecretString (a JSON string) and take username from that.`,
        );
      }
    },
  },
  {
    id: 'decrypts-parameter',
    title: 'The SecureString is decrypted',
    run: async (t) => {
      const body = await invoke(t);
      const { Parameter } = await t.ssm.send(new GetParameterCommand({ Name: PARAMETER, WithDecryption: true }));
      const expected = (Parameter?.Value ?? '').slice(-4);
      if (body.mapsKeyLast4 === expected) return;
      const decrypted = extensionCalls(t, 'GetParameter').some((c) => c.params.WithDecryption === true);
      t.fail(
        decrypted
          ? `mapsKeyLast4 is ${JSON.stringify(body.mapsKeyLast4)}: take the last four characters of Parameter.Value from the extension's answer.`
          : `mapsKeyLast4 is ${JSON.stringify(body.mapsKeyLast4)}, the end of the encrypted value. ${PARAMETER} is a SecureString: add &withDecryption=true to the extension URL.`,
      );
    },
  },
  {
    id: 'cache-absorbs-repeats',
    title: "The extension's cache absorbs repeated reads",
    run: async (t) => {
      await t.advance('6 minutes');
      const start = t.emulator.clock.now();
      const since = <T extends { time: number }>(list: readonly T[]) => list.filter((c) => c.time >= start);
      const directBefore = directCalls(t, 'secretsmanager', 'GetSecretValue') + directCalls(t, 'ssm', 'GetParameter');
      for (let i = 0; i < 20; i++) {
        await invoke(t);
        await t.advance('10 seconds');
      }
      const direct =
        directCalls(t, 'secretsmanager', 'GetSecretValue') + directCalls(t, 'ssm', 'GetParameter') - directBefore;
      const asked = since(extensionCalls(t, 'GetSecretValue')).length;
      const toAws = since(t.calls('secretsmanager', 'GetSecretValue')).length;
      const parametersToAws = since(t.calls('ssm', 'GetParameter')).length;
      if (direct > 0) {
        t.fail(
          `20 invocations made ${direct} SDK calls straight to AWS, which no cache absorbs. Read both values through the extension on localhost:2773.`,
        );
      }
      if (asked < 20) {
        t.fail(
          `20 invocations asked the extension for the secret ${asked} times. Ask the extension on every invocation instead of keeping your own copy: its cache (SECRETS_MANAGER_TTL) decides when AWS is asked again, so a rotated password arrives within the TTL.`,
        );
      }
      if (toAws > 1 || parametersToAws > 1) {
        t.fail(
          `In 200 seconds, 20 invocations made ${toAws} GetSecretValue and ${parametersToAws} GetParameter calls to AWS. Within the 300-second TTL the extension should answer repeats from its cache: send exactly the same request each time.`,
        );
      }
    },
  },
]);
