import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse } from '../aws/protocol/wire';

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
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
