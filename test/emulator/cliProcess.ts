import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

export interface CliEmulator {
  url: string;
  /** Everything it printed so far (the banner, one line per call). */
  output: string[];
  child: ChildProcess;
  /** SIGTERM and wait for the exit; `kill9` does what a crash or `kill -9` does. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `npm run emulator -- <args>` as a child process, exactly what a user starts (src/server/cli.ts
 * under tsx), on a free port; resolves once the banner names its URL.
 */
export function startCliEmulator(args: string[] = [], cwd = root): Promise<CliEmulator> {
  const child = spawn(process.execPath, [tsx, `${root}src/server/cli.ts`, '--port', '0', ...args], {
    cwd,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the server in a child process, and a SIGKILL (which tsx cannot
    // pass on) must reach that server too, as `kill -9` of a crashed emulator would.
    detached: true,
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) output.push(line);
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output.join('\n'));
      if (m) {
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => output.push(...more.toString('utf8').split('\n')));
        resolve({
          url: m[1] as string,
          output,
          child,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) {
              if (signal === 'SIGKILL' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
              else child.kill(signal);
            }
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', (code) =>
      reject(new Error(`The emulator exited (${code}) before listening:\n${output.join('\n')}`)),
    );
  });
}
