import { afterAll, beforeAll } from 'vitest';
import {
  type EmulatorServer,
  type EmulatorServerOptions,
  startEmulatorServer,
} from '../../src/server/startEmulatorServer';

/** Dummy credentials, as the emulator's banner tells the AWS CLI and boto3 to use. */
export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
export const cliEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
};

/**
 * One emulator endpoint on a free loopback port for a test file. Prepare: `const s = serveEmulator()`;
 * Act: point a client at `s.url`; Assess: responses, or `s.server.emulator.log`.
 */
export function serveEmulator(options: EmulatorServerOptions = {}) {
  const holder = {} as { server: EmulatorServer; url: string; lines: string[] };
  holder.lines = [];
  beforeAll(async () => {
    holder.server = await startEmulatorServer({ port: 0, seed: 7, log: (l) => holder.lines.push(l), ...options });
    holder.url = holder.server.url;
  });
  afterAll(() => holder.server?.close());
  return holder;
}

/** POSTs raw bytes to the endpoint, as a misbehaving client would. */
export async function post(url: string, target: string | null, body: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
  if (target !== null) headers['x-amz-target'] = target;
  const res = await fetch(url, { method: 'POST', headers, body, ...init });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    })(),
  };
}
