/**
 * The emulator's figures that depend on how much it holds (issue 14): the latency of one list page
 * (ListSecrets, GetParametersByPath) with 100, 1k and 10k items stored, and of one acknowledged
 * write with `--state FILE` at 1k and 10k secrets. Plus GetSecretValue over HTTP signed with a
 * key the emulator issued (SigV4 recomputed and checked on every request).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { createEmulator, type Emulator } from '../../src/aws/emulator';
import { handleAwsJson } from '../../src/aws/protocol/json';
import { startEmulatorServer } from '../../src/server/startEmulatorServer';
import { signJsonCall } from '../support/signJsonCall';

const call = (emulator: Emulator, target: string, body: object) =>
  handleAwsJson(emulator, { method: 'POST', target, body: JSON.stringify(body), region: 'us-east-1' });

async function fill(emulator: Emulator, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const made = await Promise.all([
      call(emulator, 'secretsmanager.CreateSecret', {
        Name: `bench/app-${i}`,
        SecretString: `{"n":${i}}`,
        ClientRequestToken: randomUUID(),
      }),
      call(emulator, 'AmazonSSM.PutParameter', { Name: `/bench/app-${i}`, Type: 'String', Value: `v${i}` }),
    ]);
    for (const r of made) if (r.status !== 200) throw new Error(`filling the store failed: ${r.body}`);
  }
}

async function msPerCall(times: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await run();
  const started = performance.now();
  for (let i = 0; i < times; i++) await run();
  return (performance.now() - started) / times;
}

/** One ListSecrets page of 100 and one GetParametersByPath page of 10 (its maximum), at each store size. */
export async function listPageMs(): Promise<Record<string, number>> {
  const emulator = createEmulator({ seed: 1 });
  const out: Record<string, number> = {};
  let stored = 0;
  for (const size of [100, 1_000, 10_000]) {
    await fill(emulator, stored, size);
    stored = size;
    out[`emulator.list.ListSecrets.page100.at${size}.ms`] = await msPerCall(20, () =>
      call(emulator, 'secretsmanager.ListSecrets', { MaxResults: 100 }),
    );
    out[`emulator.list.GetParametersByPath.page10.at${size}.ms`] = await msPerCall(20, () =>
      call(emulator, 'AmazonSSM.GetParametersByPath', { Path: '/bench', MaxResults: 10 }),
    );
  }
  return out;
}

/**
 * One request on a fresh connection (no keep-alive: the fill between runs outlasts the server's idle
 * timeout), resolved when the answer is complete; a refusal throws.
 */
function post(url: string, target: string, body: object): Promise<void> {
  const text = JSON.stringify(body);
  const { hostname, port } = new URL(url);
  const headers = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': target,
    'content-length': Buffer.byteLength(text),
    authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  };
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: '/', method: 'POST', headers, agent: false }, (res) => {
      let answer = '';
      res.on('data', (d) => {
        answer += d;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode} ${answer}`))));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/**
 * Sequential acknowledged writes (CreateSecret over HTTP, each fsync'd in the journal before its
 * answer) while `--state FILE` holds 1k, then 10k secrets (and as many parameters); `bytes` is the
 * snapshot's size. In wall-clock mode (the default) each write also makes the next request ask
 * the clock's event sources what is due next; `simClock` names the figure without that (`--sim-clock`).
 */
export async function writeLatencyMs(wallClock = true): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-state-'));
  const path = join(dir, 'state.json');
  const server = await startEmulatorServer({ port: 0, seed: 1, statePath: path, preset: 'empty', wallClock });
  const mode = wallClock ? '' : '.simClock';
  const out: Record<string, number> = {};
  try {
    let stored = 0;
    let n = 0;
    for (const size of [1_000, 10_000]) {
      await fill(server.emulator, stored, size);
      stored = size;
      // The filled store becomes the snapshot; the timed writes are then journal records beside it.
      server.stateFile?.commit();
      await server.stateFile?.compact();
      const write = () =>
        post(server.url, 'secretsmanager.CreateSecret', {
          Name: `bench/write-${n++}`,
          SecretString: 'x',
          ClientRequestToken: randomUUID(),
        });
      out[`emulator.write.stateFile.at${size}${mode}.ms`] = await msPerCall(30, write);
      if (wallClock) out[`emulator.write.stateFile.at${size}.bytes`] = statSync(path).size;
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * Headers of one request signed with a key the emulator issued (a user allowed to read secrets and
 * parameters), for the load generator to replay: the endpoint recomputes and checks the signature
 * each time. `target` is the X-Amz-Target (GetSecretValue by default).
 */
export async function signedHeaders(
  url: string,
  body: string,
  target = 'secretsmanager.GetSecretValue',
  userName = 'bench',
): Promise<Record<string, string>> {
  const admin = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' };
  const iam = new IAMClient({ region: 'us-east-1', endpoint: url, credentials: admin, maxAttempts: 1 });
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'read',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'ssm:GetParameter'], Resource: '*' }],
      }),
    }),
  );
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  const key = { accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' };
  return signJsonCall(url, key, target, body);
}
