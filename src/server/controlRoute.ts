import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_PREFIX, handleControl } from '../aws/control/controlApi';
import { preparePetTracker } from '../aws/control/petTracker';
import type { Emulator } from '../aws/emulator';
import { readBody } from './readBody';
import type { EmulatorRoute } from './startEmulatorServer';

/**
 * `/_emulator/...`: the control API (src/aws/control/controlApi.ts) on the endpoint's port.
 * `onChange` runs after a call that changed state (clock moves, resets), to save `--state FILE`.
 */
export function controlRoute(onChange: () => void): EmulatorRoute {
  return {
    prefix: CONTROL_PREFIX,
    async handle(req: IncomingMessage, res: ServerResponse, emulator: Emulator) {
      const body = await readBody(req, 64 * 1024);
      const method = req.method ?? 'GET';
      const answer = body.ok
        ? await handleControl(emulator, method, req.url ?? CONTROL_PREFIX, body.body, { afterReset: preparePetTracker })
        : { status: 413, body: { error: 'The body is too large' } };
      if (answer.status === 200 && method !== 'GET') onChange();
      const text = JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
      });
      res.end(text);
    },
  };
}
