import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResponse, type RequestHandler } from 'msw';
import type { Emulator } from '../aws/emulator';
import { answerAwsRequest } from '../aws/protocol/endpoint';
import { MAX_BODY_BYTES, type WireResponse } from '../aws/protocol/wire';
import { formatCallLine } from './callLine';
import { discardUpload, NodeAwsRequest, send, sendError } from './httpUtil';
import { readBody } from './readBody';
import { isReadOnlyOperation, type WallClock } from './wallClock';

export interface AwsRouteOptions {
  emulator: Emulator;
  /** Follow the wall clock: before each request, simulated time catches up (running what falls due). */
  wallClock: WallClock | undefined;
  /** Send every request through msw's `getResponse`, even AWS requests at `/` (slower; same answers). */
  viaMsw: boolean;
  /** The MSW handlers for this endpoint's origin (set once the port is known). */
  handlers: () => RequestHandler[];
  origin: () => string;
  hostname: () => string;
  /**
   * `--state FILE`: `begin` when a request arrives, `commit` once its work (a rotation) has
   * finished and before its answer is sent (what it changed is then durable).
   */
  journal: { begin(): number; commit(id: number): void } | undefined;
  log: (line: string) => void;
}

/**
 * The AWS APIs on the endpoint: read the body (bounded), catch simulated time up with the wall
 * clock, answer, let started work (a rotation) finish, journal what changed, reply. One log line per call comes
 * from the call log; a request the emulator could not even dispatch gets a line here.
 */
export function awsRoute(o: AwsRouteOptions) {
  const { emulator, log } = o;
  const unlogged = (req: IncomingMessage, target: string | null, outcome: string) =>
    log(formatCallLine({ service: 'emulator', operation: target ?? `${req.method} ${req.url}`, params: {}, outcome }));

  /**
   * AWS requests at `/` go straight to the function the MSW resolver itself calls (msw's
   * per-request cloning and cookie parsing cost about a millisecond). Anything else, or
   * everything with `viaMsw`, goes through msw's `getResponse` and the handlers.
   */
  const dispatch = (req: IncomingMessage, body: string): Promise<WireResponse | undefined> => {
    if (!o.viaMsw && (req.url === '/' || req.url?.startsWith('/?'))) {
      return answerAwsRequest(emulator, new NodeAwsRequest(req, o.hostname(), body));
    }
    return viaMsw(req, body);
  };

  const viaMsw = async (req: IncomingMessage, body: string): Promise<WireResponse | undefined> => {
    const method = req.method ?? 'GET';
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      try {
        headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
      } catch {
        // A header the Fetch API refuses (forbidden characters) plays no part in the AWS protocols.
      }
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const request = new Request(o.origin() + (req.url ?? '/'), { method, headers, ...(hasBody ? { body } : {}) });
    const response = await getResponse(o.handlers(), request);
    if (!response) return undefined;
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      out[key] = value;
    });
    return { status: response.status, headers: out, body: await response.text() };
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = typeof req.headers['x-amz-target'] === 'string' ? req.headers['x-amz-target'] : null;
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) {
      if (body.reason === 'aborted') return;
      discardUpload(req, MAX_BODY_BYTES * 8);
      sendError(res, 'ValidationException', `Request body exceeds the maximum size of ${MAX_BODY_BYTES} bytes`, 413);
      unlogged(req, target, 'ValidationException (body too large)');
      return;
    }
    const before = emulator.log.entries().at(-1)?.seq ?? 0;
    const request = o.journal?.begin();
    let answer: WireResponse | undefined;
    try {
      // Following the wall clock runs what falls due on the way (a rotation window, a deletion);
      // usually nothing is due and nothing is awaited.
      const due = o.wallClock?.catchUp();
      if (due) await due;
      answer = await dispatch(req, body.body);
      // A rotation RotateSecret started runs to completion before the answer (and its journal record).
      if (emulator.work.pending > 0) await emulator.idle();
    } finally {
      const operation = target?.slice(target.indexOf('.') + 1) ?? '';
      if (!(req.url === '/' && isReadOnlyOperation(operation))) o.wallClock?.changed();
      // What the request changed is durable before anything is answered (a failure here answers 500).
      if (request !== undefined) o.journal?.commit(request);
    }
    if (!answer) {
      sendError(res, 'UnknownOperationException', `No AWS API at ${req.url}: send AWS requests to /`, 404);
      unlogged(req, target, 'UnknownOperationException');
      return;
    }
    if ((emulator.log.entries().at(-1)?.seq ?? 0) === before && answer.status !== 200) {
      unlogged(req, target, answer.headers['x-amzn-errortype'] ?? String(answer.status));
    }
    send(res, answer.status, answer.headers, answer.body);
  };
}
