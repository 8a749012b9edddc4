import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandlers } from '../aws/adapters/awsHandlers';
import { createEmulator, type Emulator, type Preset } from '../aws/emulator';
import { awsRoute } from './awsRoute';
import { formatCallLine } from './callLine';
import { answerControl, CONTROL_PREFIX } from './controlRoute';
import { sendError } from './httpUtil';
import { NodeSha256 } from './nodeSha256';
import { type LoadedState, StateFile } from './stateFile';
import { WallClock } from './wallClock';

export interface EmulatorServerOptions {
  /** Default 4566; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1: the endpoint is for one developer's machine. */
  host?: string;
  /** `--state FILE`: loaded at start (with its journal), each change journalled before its answer. */
  statePath?: string;
  /** The journal size that starts a compaction (default 1 MiB, or the snapshot's size if larger): tests make it small. */
  stateCompactBytes?: number;
  /** Default 123456789012, the account the seed's tutorial and the lessons name. */
  accountId?: string;
  seed?: number;
  /** What a fresh account holds (default `pettracker`). */
  preset?: Preset;
  /** Follow wall-clock time (default true); simulated time can still be moved forward. */
  wallClock?: boolean;
  /** Receives one line per call and the startup reports; silent when absent. */
  log?: (line: string) => void;
  /** Send every request through msw's `getResponse`, even AWS requests at `/` (slower; same answers). */
  viaMsw?: boolean;
  /** `strict`: refuse requests not signed with a key the emulator issued (default: they act as the administrator). */
  iam?: 'admin' | 'strict';
}

export interface EmulatorServer {
  url: string;
  emulator: Emulator;
  server: Server;
  state: LoadedState | undefined;
  /** `--state FILE`'s snapshot and journal (undefined without it). */
  stateFile: StateFile | undefined;
  close(): Promise<void>;
}

/**
 * The emulator on a local HTTP endpoint: a `node:http` adapter in front of the same emulator and
 * MSW handlers vitest and the sandbox use. What the emulator holds at start, how it is re-seeded
 * and reset, is the emulator's own business (createEmulator); this file only carries requests,
 * saves state and logs. Bad input of any kind gets an AWS-shaped error, never a crash.
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const log = options.log ?? (() => {});
  const wallClock = options.wallClock ?? true;
  const emulator = createEmulator({
    accountId: options.accountId ?? '123456789012',
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(wallClock ? { startTime: Date.now() } : {}),
    preset: options.preset ?? 'pettracker',
    iam: options.iam ?? 'admin',
    sha256: NodeSha256,
    onInternalError: (where, e) =>
      log(`Internal error in ${where}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  });
  const stateFile = options.statePath ? new StateFile(options.statePath, log, options.stateCompactBytes) : undefined;
  const state = stateFile?.load(emulator);
  // Formatting a line per call costs time on every request: only when someone reads the log.
  if (options.log) emulator.log.subscribe((entry) => log(formatCallLine(entry)));

  let origin = '';
  let hostname = '';
  let handlers: ReturnType<typeof createHandlers> = [];
  const clock = wallClock ? new WallClock(emulator) : undefined;
  const aws = awsRoute({
    emulator,
    wallClock: clock,
    viaMsw: options.viaMsw ?? false,
    handlers: () => handlers,
    origin: () => origin,
    hostname: () => hostname,
    journal: stateFile,
    log,
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // A control call may schedule or run anything (a clock move, a reset): the wall clock asks again.
    const answer = path.startsWith(CONTROL_PREFIX)
      ? answerControl(req, res, emulator, stateFile).finally(() => clock?.changed())
      : aws(req, res);
    answer.catch((e: unknown) => {
      log(`Internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      sendError(res, 'InternalFailure', 'The request processing has failed because of an unknown error.', 500);
    });
  });
  // Requests that are not even HTTP get a 400 in AWS's JSON shape rather than a dropped socket.
  server.on('clientError', (_err, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ __type: 'SerializationException', message: 'Malformed HTTP request' });
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4566, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  hostname = address.address;
  handlers = createHandlers(emulator, { origins: [origin] });

  return {
    url: origin,
    emulator,
    server,
    state,
    stateFile,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await stateFile?.close();
    },
  };
}
