// Load generator for test/bench/emulatorLoad.ts, run as its own process (its options as JSON in
// argv[2], its result as JSON on stdout) so the server's process spends CPU time on the server
// alone: keep-alive connections, `concurrency` requests in flight, bounded by a request count and
// a time limit.
import { Agent, request } from 'node:http';

const workerData = JSON.parse(process.argv[2]);
const { url, target, body, concurrency, maxRequests, maxMs } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const { hostname, port } = new URL(url);
// Signed headers (a key the emulator issued, so it verifies the signature) or a key it did not issue.
const headers = {
  ...(workerData.headers ?? {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': target,
    authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/bench/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
  }),
  'content-length': Buffer.byteLength(body),
};

let sent = 0;
let ok = 0;
let failed = 0;
/** The first refusal's status and body, so a failed run says why. */
let firstFailure;
const started = performance.now();
const deadline = started + maxMs;

function one() {
  return new Promise((resolve) => {
    const req = request({ hostname, port, path: '/', method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.on('data', (d) => {
        if (res.statusCode !== 200 && firstFailure === undefined) text += d;
      });
      res.on('end', () => {
        if (res.statusCode === 200) ok++;
        else {
          failed++;
          firstFailure ??= `${res.statusCode} ${text.slice(0, 300)}`;
        }
        resolve();
      });
    });
    req.on('error', () => {
      failed++;
      resolve();
    });
    req.end(body);
  });
}

async function loop() {
  while (sent < maxRequests && performance.now() < deadline) {
    sent++;
    await one();
  }
}

await Promise.all(Array.from({ length: concurrency }, loop));
const seconds = (performance.now() - started) / 1000;
agent.destroy();
process.stdout.write(JSON.stringify({ ok, failed, seconds, perSecond: ok / seconds, firstFailure }));
