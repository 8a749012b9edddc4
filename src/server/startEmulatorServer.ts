import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { preparePetTracker } from '../aws/control/petTracker';
import { Emulator } from '../aws/emulator';
import { answerAwsRequest, createHandlers } from '../aws/handlers';
import { errorResponse, MAX_BODY_BYTES, type WireResponse } from '../aws/protocol';
import { formatCallLine } from './callLine';
import { controlRoute } from './controlRoute';
import { readBody } from './readBody';
import { isReadOnlyOperation, type LoadedState, loadStateFile, saveStateFile } from './stateFile';

/**
 * A route answered before the AWS endpoint, for paths under `prefix` (the control API will be
 * `/_emulator/...`). Everything else goes to the AWS JSON 1.1 handlers.
 */
export interface EmulatorRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, emulator: Emulator): void | Promise<void>;
}

export interface EmulatorServerOptions {
  /** Default 4566; 0 picks a free port (tests). */
  port?: number;
  /** Default 127.0.0.1: the endpoint is for one developer's machine. */
  host?: string;
  /** `--state FILE`: loaded at start, rewritten atomically after each call that changes state. */
  statePath?: string;
  /** Default 000000000000, the account LocalStack-style tools expect. */
  accountId?: string;
  seed?: number;
  /** Follow wall-clock time (default true); simulated time can still be moved forward. */
  wallClock?: boolean;
  /** Receives one line per call and the startup reports; silent when absent. */
  log?: (line: string) => void;
  routes?: EmulatorRoute[];
  /** Send every request through msw's `getResponse`, even AWS JSON 1.1 at `/` (slower; same answers). */
  viaMsw?: boolean;
}

export interface EmulatorServer {
  url: string;
  emulator: Emulator;
  server: Server;
  state: LoadedState | undefined;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** A request header as one string (node:http joins repeated headers with ", "). */
function headerValue(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}

function sendError(res: ServerResponse, type: string, message: string, status: number): void {
  const r = errorResponse(type, message, status);
  send(res, r.status, r.headers, r.body);
}

/**
 * After an oversized body has been refused, the rest of the upload is read and dropped (not
 * buffered) so the client can see the 413 instead of a broken pipe, up to a cap in bytes and
 * time, after which the connection is cut.
 */
function discardUpload(req: IncomingMessage, capBytes: number): void {
  let dropped = 0;
  const timer = setTimeout(() => req.destroy(), 5000);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > capBytes) req.destroy();
  });
  req.on('close', () => clearTimeout(timer));
  req.resume();
}

/** A stable 32-bit hash, to re-seed ids after a restore so new ids never repeat the saved ones. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The emulator on a local HTTP endpoint: a `node:http` adapter that turns each request into a
 * Fetch `Request` and answers it with msw's `getResponse` over the same handlers vitest and the
 * sandbox use. Bad input of any kind gets an AWS-shaped error, never a crash.
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const log = options.log ?? (() => {});
  const wallClock = options.wallClock ?? true;
  const seed = options.seed ?? randomInt(2 ** 31);
  const emulator = new Emulator({
    accountId: options.accountId ?? '000000000000',
    seed,
    ...(wallClock ? { startTime: Date.now() } : {}),
  });
  const state = options.statePath ? loadStateFile(options.statePath) : undefined;
  if (state?.kind === 'loaded') {
    emulator.restore(state.snapshot);
    emulator.random.reseed((seed ^ hash32(state.text)) >>> 0);
    log(`Loaded state from ${options.statePath}`);
  } else if (state?.kind === 'corrupt') {
    log(`State file ${options.statePath} is corrupt (${state.reason}); kept it as ${state.movedTo} and started empty`);
  }
  // The rotation templates in this account and the PetTracker database the seed's secret names.
  preparePetTracker(emulator);

  let recorded = 0;
  emulator.log.subscribe((entry) => {
    recorded++;
    log(formatCallLine(entry));
  });

  const saveState = () => {
    if (!options.statePath) return;
    try {
      saveStateFile(options.statePath, emulator.snapshot());
    } catch (e) {
      log(`Could not save state to ${options.statePath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // The control API (/_emulator/clock, /log, /reset, /lambdas, /state) comes first.
  const routes = [controlRoute(saveState), ...(options.routes ?? [])];
  let origin = '';
  let hostname = '';
  let handlers: ReturnType<typeof createHandlers> = [];

  const answerAws = async (req: IncomingMessage, res: ServerResponse) => {
    const target = typeof req.headers['x-amz-target'] === 'string' ? req.headers['x-amz-target'] : null;
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) {
      if (body.reason === 'aborted') return;
      discardUpload(req, MAX_BODY_BYTES * 8);
      sendError(res, 'ValidationException', `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes`, 413);
      log(
        formatCallLine({
          service: 'emulator',
          operation: target ?? `${req.method} ${req.url}`,
          params: {},
          outcome: 'ValidationException (body too large)',
        }),
      );
      return;
    }
    // Following the wall clock runs what falls due on the way (a rotation window, a deletion).
    if (wallClock && Date.now() > emulator.clock.now()) await emulator.setTime(Date.now());
    const before = recorded;
    const answer = await dispatch(req, body.body);
    // A rotation RotateSecret started runs to completion before the answer (and the state file).
    await emulator.idle();
    if (!answer) {
      sendError(res, 'UnknownOperationException', `No AWS API at ${req.url}: send AWS JSON 1.1 requests to /`, 404);
      log(
        formatCallLine({
          service: 'emulator',
          operation: `${req.method} ${req.url}`,
          params: {},
          outcome: 'UnknownOperationException',
        }),
      );
      return;
    }
    const operation = target?.slice(target.indexOf('.') + 1) ?? '';
    if (answer.status === 200 && options.statePath && !isReadOnlyOperation(operation)) {
      try {
        saveStateFile(options.statePath, emulator.snapshot());
      } catch (e) {
        log(`Could not save state to ${options.statePath}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (recorded === before && answer.status !== 200) {
      const outcome = answer.headers['x-amzn-errortype'] ?? String(answer.status);
      log(
        formatCallLine({ service: 'emulator', operation: target ?? `${req.method} ${req.url}`, params: {}, outcome }),
      );
    }
    send(res, answer.status, answer.headers, answer.body);
  };

  /**
   * AWS JSON 1.1 lives at `/`: those requests go straight to the function the MSW resolver
   * itself calls (msw's per-request cloning and cookie parsing cost about a millisecond).
   * Anything else, or everything with `viaMsw`, goes through msw's `getResponse` and the handlers.
   */
  const dispatch = async (req: IncomingMessage, body: string): Promise<WireResponse | undefined> => {
    const method = req.method ?? 'GET';
    if (!options.viaMsw && (req.url === '/' || req.url?.startsWith('/?'))) {
      return answerAwsRequest(emulator, { method, hostname, header: (name) => headerValue(req, name), body });
    }
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      try {
        headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
      } catch {
        // A header the Fetch API refuses (forbidden characters) plays no part in AWS JSON 1.1.
      }
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(origin + (req.url ?? '/'), { method, headers, ...(hasBody ? { body } : {}) });
    const response = await getResponse(handlers, request);
    if (!response) return undefined;
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      out[key] = value;
    });
    return { status: response.status, headers: out, body: await response.text() };
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((r) => path.startsWith(r.prefix));
    Promise.resolve(route ? route.handle(req, res, emulator) : answerAws(req, res)).catch((e: unknown) => {
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
