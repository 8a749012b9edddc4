import { createHash } from 'node:crypto';

/**
 * How fast this machine is at a fixed single-threaded job, so figures from two sessions (which may
 * run on different machines of the same kind: the same build has measured ~1.8x apart) can be told
 * apart from a change in the code. The job: a JavaScript loop over objects and strings (the kind of
 * work the emulator and the page do) and SHA-256 over 16 MB, each timed five times, medians kept.
 * Lower is faster; compare only figures printed by the same job (this file's `JOB` version).
 */
const JOB = 1;

function jsWork(): number {
  let total = 0;
  const words: string[] = [];
  for (let i = 0; i < 200_000; i++) {
    const o = { n: i, s: `k${i % 97}` };
    words.push(o.s);
    total += (o.n % 7) + o.s.length;
  }
  return total + words.join(',').length;
}

function shaWork(): number {
  const chunk = Buffer.alloc(1 << 20, 7);
  const hash = createHash('sha256');
  for (let i = 0; i < 16; i++) hash.update(chunk);
  return hash.digest()[0] as number;
}

function medianMs(work: () => number): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[2] as number) * 10) / 10;
}

/** Each job once untimed first (compiled), then timed. Run it on a quiet machine: load skews it too. */
export function machineSpeed() {
  jsWork();
  shaWork();
  return { job: JOB, jsLoopMs: medianMs(jsWork), sha256Of16MbMs: medianMs(shaWork) };
}
