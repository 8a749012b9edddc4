/**
 * HTTP load for the emulator bench. The load generator (loadWorker.mjs) runs in its own process,
 * so this process's CPU time during a run is the server's: `serverUs`, CPU µs per answered
 * request, is what a request costs the server. On a shared, loaded machine a run's rate and even
 * its CPU time swing with what else runs, so `bestOfRounds` runs every case in turn, several short
 * rounds, and keeps each case's best round: the cases being compared (the bare server, the
 * emulator's calls) meet the same spells of load, and the best round is the least disturbed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  firstFailure?: string;
  /** This process's CPU time (user + system) per answered request, in µs. */
  serverUs: number;
}

const WORKER = fileURLToPath(new URL('./loadWorker.mjs', import.meta.url));

export async function load(
  url: string,
  target: string,
  body: object,
  maxRequests: number,
  maxMs: number,
  headers?: Record<string, string>,
): Promise<LoadResult> {
  const options = { url, target, body: JSON.stringify(body), concurrency: 32, maxRequests, maxMs, headers };
  const cpu = process.cpuUsage();
  const child = spawn(process.execPath, [WORKER, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const used = process.cpuUsage(cpu);
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const m = JSON.parse(out) as Omit<LoadResult, 'serverUs'>;
  return { ...m, serverUs: (used.user + used.system) / Math.max(1, m.ok) };
}

/** Each case run `rounds` times, in turn with the others; per case the best rate and the least CPU per request. */
export async function bestOfRounds<K extends string>(
  cases: Record<K, () => Promise<LoadResult>>,
  rounds: number,
): Promise<Record<K, LoadResult>> {
  const best = {} as Record<K, LoadResult>;
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(cases) as K[]) {
      const r = await cases[name]();
      if (r.failed > 0) throw new Error(`${r.failed} requests failed during a load run, first: ${r.firstFailure}`);
      const kept = best[name];
      best[name] = kept
        ? { ...kept, perSecond: Math.max(kept.perSecond, r.perSecond), serverUs: Math.min(kept.serverUs, r.serverUs) }
        : r;
    }
  }
  return best;
}
