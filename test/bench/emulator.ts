/**
 * Emulator speed: GetSecretValue and GetParameter calls per second through the local HTTP endpoint
 * (a keep-alive load generator on loopback, in its own process: emulatorLoad.ts), beside a bare
 * node:http server, and the in-process SDK round trip (real client → msw/node → emulator) against
 * a replay of the same response (emulatorInProcess.ts); GetSecretValue signed with an issued key (SigV4 checked); list pages and
 * --state writes by store size (emulatorScale.ts). `npm run bench -- emulator` prints the JSON.
 */

import { closeSync, openSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Emulator } from '../../src/aws/emulator';
import { handleAwsJson } from '../../src/aws/protocol/json';
import { LineBatch } from '../../src/server/lineBatch';
import { startEmulatorServer } from '../../src/server/startEmulatorServer';
import { benchInProcess } from './emulatorInProcess';
import { bestOfRounds, load } from './emulatorLoad';
import { listPageMs, signedHeaders, writeLatencyMs } from './emulatorScale';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SECRET = JSON.stringify({ username: 'pettracker_app', password: 'SuperSecureP@ssw0rd!', port: 5432 });

async function seed(emulator: Emulator): Promise<void> {
  const call = (target: string, body: object) =>
    handleAwsJson(emulator, { method: 'POST', target, body: JSON.stringify(body), region: 'us-east-1' });
  await call('secretsmanager.CreateSecret', {
    Name: 'pettracker/prod/db-credentials',
    SecretString: SECRET,
    ClientRequestToken: '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  });
  await call('AmazonSSM.PutParameter', {
    Name: '/pettracker/prod/api-url',
    Type: 'String',
    Value: 'https://api.pettracker.com',
  });
  await call('AmazonSSM.PutParameter', {
    Name: '/pettracker/prod/db-password',
    Type: 'SecureString',
    Value: 'SuperSecureP@ssw0rd!',
  });
}

const gsvBody = { SecretId: 'pettracker/prod/db-credentials' };

/**
 * The endpoint's calls and the bare server (bareServer), each run `rounds` times in turn (best round
 * kept: emulatorLoad.ts); the msw path once, on its own server.
 */
async function httpThroughput(rounds: number, maxMs: number) {
  const server = await startEmulatorServer({ port: 0, seed: 1 });
  // As `npm run emulator` runs: a line per call, batched per turn (cli.ts), written to /dev/null.
  const sink = openSync('/dev/null', 'w');
  const lines = new LineBatch((text) => writeSync(sink, text));
  const logged = await startEmulatorServer({ port: 0, seed: 1, log: (line) => lines.push(line) });
  const bare = await bareServer();
  try {
    await seed(server.emulator);
    await seed(logged.emulator);
    await load(server.url, 'secretsmanager.GetSecretValue', gsvBody, 2000, 2000);
    const gpBody = { Name: '/pettracker/prod/api-url' };
    const gpdBody = { Name: '/pettracker/prod/db-password', WithDecryption: true };
    const headers = await signedHeaders(server.url, JSON.stringify(gsvBody));
    const gpHeaders = await signedHeaders(server.url, JSON.stringify(gpBody), 'AmazonSSM.GetParameter', 'bench-ssm');
    const loggedHeaders = await signedHeaders(logged.url, JSON.stringify(gsvBody));
    const call = (target: string, body: object, signed?: Record<string, string>) => () =>
      load(server.url, target, body, 1e9, maxMs, signed);
    const best = await bestOfRounds(
      {
        bare: () => load(bare.url, 'secretsmanager.GetSecretValue', {}, 1e9, maxMs),
        gsv: call('secretsmanager.GetSecretValue', gsvBody),
        gsvSigned: call('secretsmanager.GetSecretValue', gsvBody, headers),
        gsvSignedLogged: () => load(logged.url, 'secretsmanager.GetSecretValue', gsvBody, 1e9, maxMs, loggedHeaders),
        gp: call('AmazonSSM.GetParameter', gpBody),
        gpSigned: call('AmazonSSM.GetParameter', gpBody, gpHeaders),
        gpd: call('AmazonSSM.GetParameter', gpdBody),
      },
      rounds,
    );
    const viaMsw = await startEmulatorServer({ port: 0, seed: 1, viaMsw: true });
    await seed(viaMsw.emulator);
    const gsvMsw = await load(viaMsw.url, 'secretsmanager.GetSecretValue', gsvBody, 1e9, maxMs).finally(() =>
      viaMsw.close(),
    );
    if (gsvMsw.failed > 0) throw new Error(`${gsvMsw.failed} requests failed via msw, first: ${gsvMsw.firstFailure}`);
    return { ...best, gsvMsw };
  } finally {
    await bare.close();
    await server.close();
    await logged.close();
    lines.flush();
    closeSync(sink);
  }
}

/**
 * A bare `node:http` server that answers a fixed body: the ceiling this machine (and its current
 * load) allows, to read the emulator's figures against.
 */
async function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const body = JSON.stringify({ Name: 'x', SecretString: SECRET });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

/**
 * Bounded: 4 rounds of 1.5 s per HTTP case, 7 cases (best round kept), 5 s via msw, 15 interleaved batches
 * of 100 in-process calls per handler. The bare node:http server measures the machine, so the
 * emulator's own figures can be read against it on a loaded box (in-process: emulatorInProcess.ts).
 */
export async function benchEmulator(options: { scale?: boolean } = {}): Promise<Record<string, number>> {
  const { bare, gsv, gp, gpd, gsvMsw, gsvSigned, gpSigned, gsvSignedLogged } = await httpThroughput(4, 1_500);
  return {
    'emulator.http.bareNodeServer.perSecond': round(bare.perSecond),
    'emulator.http.GetSecretValue.perSecond': round(gsv.perSecond),
    'emulator.http.GetSecretValue.sigv4IssuedKey.perSecond': round(gsvSigned.perSecond),
    'emulator.http.GetParameter.perSecond': round(gp.perSecond),
    'emulator.http.GetParameter.sigv4IssuedKey.perSecond': round(gpSigned.perSecond),
    // The same signed read with the call log on, written as `npm run emulator` writes it (cli.ts).
    'emulator.http.GetSecretValue.sigv4IssuedKey.withCallLog.perSecond': round(gsvSignedLogged.perSecond),
    // Server CPU time per request (µs; the load generator runs in another process): the same comparison, less swayed by the load.
    'emulator.http.bareNodeServer.serverUsPerRequest': round(bare.serverUs, 1),
    'emulator.http.GetSecretValue.serverUsPerRequest': round(gsv.serverUs, 1),
    'emulator.http.GetSecretValue.sigv4IssuedKey.serverUsPerRequest': round(gsvSigned.serverUs, 1),
    'emulator.http.GetParameter.serverUsPerRequest': round(gp.serverUs, 1),
    'emulator.http.GetParameter.sigv4IssuedKey.serverUsPerRequest': round(gpSigned.serverUs, 1),
    'emulator.http.GetSecretValue.sigv4IssuedKey.withCallLog.serverUsPerRequest': round(gsvSignedLogged.serverUs, 1),
    // How many times the bare server's cost a call is (the bar for signed reads: 2).
    'emulator.http.GetSecretValue.sigv4IssuedKey.timesBare': round(bare.perSecond / gsvSigned.perSecond, 2),
    'emulator.http.GetParameter.sigv4IssuedKey.timesBare': round(bare.perSecond / gpSigned.perSecond, 2),
    'emulator.http.GetSecretValue.sigv4IssuedKey.serverCpuTimesBare': round(gsvSigned.serverUs / bare.serverUs, 2),
    'emulator.http.GetParameter.sigv4IssuedKey.serverCpuTimesBare': round(gpSigned.serverUs / bare.serverUs, 2),
    'emulator.http.GetParameterWithDecryption.perSecond': round(gpd.perSecond),
    'emulator.http.viaMsw.GetSecretValue.perSecond': round(gsvMsw.perSecond),
    // In-process: the emulator's route against a replay of its own response (emulatorInProcess.ts).
    ...(await benchInProcess()),
    ...(options.scale === false ? {} : await scaleFigures()),
  };
}

/** List pages and --state writes by store size (emulatorScale.ts): minutes on a loaded machine. */
async function scaleFigures(): Promise<Record<string, number>> {
  return {
    ...Object.fromEntries(Object.entries(await listPageMs()).map(([k, v]) => [k, round(v, 3)])),
    ...Object.fromEntries(Object.entries(await writeLatencyMs()).map(([k, v]) => [k, round(v, 2)])),
    ...Object.fromEntries(Object.entries(await writeLatencyMs(false)).map(([k, v]) => [k, round(v, 2)])),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchEmulator(), null, 2));
}
