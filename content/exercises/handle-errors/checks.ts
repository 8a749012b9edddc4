import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { type CheckContext, defineChecks } from '@lab/checks';

type Outcome = { value: unknown } | { error: unknown };

/** Calls the learner's readSecret(secretId) and reports what came back or what was thrown. */
async function readSecret(t: CheckContext, secretId: string): Promise<Outcome> {
  const fn = t.exports.readSecret;
  if (typeof fn !== 'function') {
    t.fail('Export the function: `export async function readSecret(secretId: string) { ... }`.');
  }
  try {
    return { value: await (fn as (id: string) => Promise<unknown>)(secretId) };
  } catch (error) {
    return { error };
  }
}

const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** The value a learner's readSecret must return, or a failure naming the error it threw. */
async function expectValue(t: CheckContext, secretId: string): Promise<unknown> {
  const r = await readSecret(t, secretId);
  if ('error' in r)
    t.fail(
      `readSecret('${secretId}') threw ${describeError(r.error)}. This secret exists and is readable: return its text.`,
    );
  return (r as { value: unknown }).value;
}

export default defineChecks([
  {
    id: 'string-secret',
    title: 'Returns the text of a string secret',
    run: async (t) => {
      const id = 'pettracker/dev/db-credentials';
      const stored = await t.sm.send(new GetSecretValueCommand({ SecretId: id }));
      const value = await expectValue(t, id);
      if (value !== stored.SecretString) {
        t.fail(
          `readSecret('${id}') returned ${typeof value === 'string' ? 'different text' : typeof value}. Return response.SecretString unchanged.`,
        );
      }
    },
  },
  {
    id: 'binary-secret',
    title: 'Decodes a binary secret to text',
    run: async (t) => {
      const id = 'pettracker/dev/payments-webhook-key';
      const stored = await t.sm.send(new GetSecretValueCommand({ SecretId: id }));
      const expected = new TextDecoder().decode(stored.SecretBinary);
      const value = await expectValue(t, id);
      if (value === undefined) {
        t.fail(
          `readSecret('${id}') returned undefined: this secret has no SecretString because it is binary. Read response.SecretBinary (a Uint8Array) and decode it with new TextDecoder().decode(...).`,
        );
      }
      if (value instanceof Uint8Array) {
        t.fail(
          `readSecret('${id}') returned a Uint8Array of ${value.length} bytes. Decode it to text: new TextDecoder().decode(response.SecretBinary).`,
        );
      }
      if (typeof value === 'string' && /^\d+(,\d+)+$/.test(value)) {
        t.fail(
          `readSecret('${id}') returned "${value.slice(0, 24)}…", a list of byte values: that is what String(bytes) or bytes.toString() gives. Decode with new TextDecoder().decode(response.SecretBinary).`,
        );
      }
      if (typeof value === 'string' && value === btoa(String.fromCharCode(...(stored.SecretBinary ?? [])))) {
        t.fail(
          `readSecret('${id}') returned base64 text. The SDK has already decoded the base64 of the wire format: decode the Uint8Array's bytes as UTF-8 with TextDecoder.`,
        );
      }
      if (value !== expected)
        t.fail(
          `readSecret('${id}') returned ${JSON.stringify(value)}; decode SecretBinary's bytes as UTF-8 text with TextDecoder.`,
        );
    },
  },
  {
    id: 'missing-secret',
    title: 'Returns undefined for a missing secret',
    run: async (t) => {
      const id = 'pettracker/dev/feature-flags';
      const r = await readSecret(t, id);
      if ('error' in r) {
        const name = r.error instanceof Error ? r.error.name : '';
        t.fail(
          name === 'ResourceNotFoundException'
            ? `readSecret('${id}') threw ResourceNotFoundException. This secret is optional: catch the error when its name is 'ResourceNotFoundException' (check the name, not the message) and return undefined.`
            : `readSecret('${id}') threw ${describeError(r.error)}. GetSecretValue answered ResourceNotFoundException: return undefined for it.`,
        );
      }
      const { value } = r as { value: unknown };
      if (value !== undefined)
        t.fail(
          `readSecret('${id}') returned ${JSON.stringify(value)}. A secret that does not exist should give undefined.`,
        );
    },
  },
  {
    id: 'scheduled-for-deletion',
    title: 'Explains a secret scheduled for deletion',
    run: async (t) => {
      const id = 'pettracker/dev/legacy-api-key';
      const r = await readSecret(t, id);
      if (!('error' in r)) {
        t.fail(
          `readSecret('${id}') returned ${r.value === undefined ? 'undefined' : JSON.stringify(r.value)}. This secret is not missing: it is scheduled for deletion, and GetSecretValue answered InvalidRequestException. Throw new SecretUnavailableError(secretId, { cause: err }) so the caller learns why.`,
        );
      }
      const err = (r as { error: unknown }).error as Error & { cause?: unknown };
      if (err?.name === 'InvalidRequestException') {
        t.fail(
          `readSecret('${id}') threw the SDK's InvalidRequestException as it came. Wrap it: throw new SecretUnavailableError(secretId, { cause: err }), which says the secret is scheduled for deletion.`,
        );
      }
      if (err?.name !== 'SecretUnavailableError')
        t.fail(
          `readSecret('${id}') threw ${describeError(err)}. Throw a SecretUnavailableError (the class in the starter).`,
        );
      if (!String(err.message).includes(id))
        t.fail(`The SecretUnavailableError's message should name the secret "${id}"; it says: ${err.message}`);
      const cause = err.cause as Error | undefined;
      if (cause?.name !== 'InvalidRequestException') {
        t.fail(
          `The SecretUnavailableError has ${cause ? `a cause named ${cause.name}` : 'no cause'}. Pass the SDK's error along: new SecretUnavailableError(secretId, { cause: err }).`,
        );
      }
    },
  },
]);
