import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_PREFIX, handleControl } from '../aws/control/controlApi';
import type { Emulator } from '../aws/emulator';
import { readBody } from './readBody';

export { CONTROL_PREFIX };

/**
 * `/_emulator/...`: the control API (src/aws/control/controlApi.ts) on the endpoint's port.
 * Answers whether the call changed state (clock moves, resets), so the caller can save it.
 */
export async function answerControl(req: IncomingMessage, res: ServerResponse, emulator: Emulator): Promise<boolean> {
  const body = await readBody(req, 64 * 1024);
  const method = req.method ?? 'GET';
  const answer = body.ok
    ? await handleControl(emulator, method, req.url ?? CONTROL_PREFIX, body.body)
    : { status: 413, body: { error: 'The body is too large' } };
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
  return answer.status === 200 && method !== 'GET';
}
