import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AwsHttpRequest } from '../aws/protocol/endpoint';
import { errorResponse } from '../aws/protocol/wire';

/**
 * One response: the status line and headers given as one flat list (node:http then writes them
 * without copying them into an object of its own) with the body's length, so the answer goes out
 * as one write with the body, never chunked.
 */
export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.headersSent) return;
  const list: string[] = [];
  for (const name in headers) list.push(name, headers[name] as string);
  list.push('content-length', String(Buffer.byteLength(body)));
  res.writeHead(status, list);
  res.end(body);
}

/**
 * A `node:http` request as the AWS endpoint reads it (src/aws/protocol/endpoint.ts): a class, so a
 * request costs one object, not a closure per request for `header`.
 */
export class NodeAwsRequest implements AwsHttpRequest {
  readonly method: string;
  readonly url: string;
  readonly hostname: string;
  readonly body: string;
  readonly #req: IncomingMessage;

  constructor(req: IncomingMessage, hostname: string, body: string) {
    this.#req = req;
    this.method = req.method ?? 'GET';
    this.url = req.url ?? '/';
    this.hostname = hostname;
    this.body = body;
  }

  header(name: string): string | null {
    return headerValue(this.#req, name);
  }
}

export function sendError(res: ServerResponse, type: string, message: string, status: number): void {
  const r = errorResponse(type, message, status);
  send(res, r.status, r.headers, r.body);
}

/** A request header as one string (node:http joins repeated headers with ", "). */
export function headerValue(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
}

/**
 * After an oversized body has been refused, the rest of the upload is read and dropped (not
 * buffered) so the client can see the 413 instead of a broken pipe, up to a cap in bytes and
 * time, after which the connection is cut.
 */
export function discardUpload(req: IncomingMessage, capBytes: number): void {
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
