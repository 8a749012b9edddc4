import path from 'node:path';
import type { TestSequencer, TestSpecification, Vitest } from 'vitest/node';

/**
 * Seconds each slow test file takes on CI's two cores (measured on full runs, rounded; files not
 * named here take a few seconds or less). Only the order of files depends on them, never a result.
 */
const SLOW_FILES: Record<string, number> = {
  'browser:test/browser/a11y.test.ts': 180,
  'browser:test/browser/authoring.test.ts': 90,
  'browser:test/browser/quiz.test.ts': 80,
  'browser:test/browser/offline.test.ts': 70,
  'browser:test/browser/progress.test.ts': 65,
  'browser:test/browser/lab.test.ts': 62,
  'browser:test/browser/sandbox.test.ts': 60,
  'browser:test/browser/sandboxAttacks.test.ts': 50,
  'browser:test/browser/lessons.test.ts': 50,
  'browser:test/browser/labNewExercises.test.ts': 45,
  'browser:test/browser/labEditor.test.ts': 43,
  'browser:test/browser/journey.test.ts': 40,
  'browser:test/browser/labResults.test.ts': 40,
  'browser:test/browser/diagrams.test.ts': 10,
  'unit:test/content/courseFolder.test.ts': 34,
  'unit:test/emulator/iamCli.test.ts': 33,
  'unit:test/exercises/exercises.test.ts': 28,
  'unit:test/emulator/cli.test.ts': 24,
  'unit:test/content/cli.test.ts': 16,
  'unit:test/content/realContent.test.ts': 14,
  'unit:test/content/brokenContent.test.ts': 13,
  'unit:test/content/scaffold.test.ts': 13,
  'unit:test/emulator/seedTutorial.test.ts': 11,
  'unit:test/sandbox/wire.test.ts': 10,
  'unit:test/exercises/editorTypes.test.ts': 8,
  'unit:test/emulator/crash.test.ts': 8,
  'dom:test/lesson/Search.test.tsx': 7,
};

/**
 * Runs the longest files first, so that no worker is left alone with a long file at the end while
 * the other waits (a11y.test, three minutes, used to start last: vitest orders files it has no
 * record of by size, and a clean clone on CI has no record). The duration vitest recorded on this
 * machine's last run comes first; the table above stands in where there is none. Within a group,
 * files that share their worker (isolate: false) stay together so the worker is reused.
 *
 * vite.config.ts, read by every build too, imports this file: vitest's own sequencer (for
 * --shard) is loaded only when asked for, so a build does not load vitest.
 */
export class SlowFirstSequencer implements TestSequencer {
  constructor(private readonly ctx: Vitest) {}

  async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { BaseSequencer } = await import('vitest/node');
    return new BaseSequencer(this.ctx).shard(files);
  }

  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // --sequence.shuffle (looking for files that depend on their order) shuffles files too, as
    // vitest's own sequencer then does; --sequence.seed replays an order.
    if (this.ctx.config.sequence.shuffle) return shuffled(files, this.ctx.config.sequence.seed);
    const cache = this.ctx.cache;
    const key = (f: TestSpecification) => `${f.project.name}:${path.relative(this.ctx.config.root, f.moduleId)}`;
    const seconds = (f: TestSpecification) =>
      (cache.getFileTestResults(key(f))?.duration ?? 1000 * (SLOW_FILES[key(f)] ?? 0)) / 1000;
    const size = (f: TestSpecification) => cache.getFileStats(key(f))?.size ?? 0;
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        Number(a.project.config.isolate) - Number(b.project.config.isolate) ||
        seconds(b) - seconds(a) ||
        size(b) - size(a),
    );
  }
}

/** The files in an order drawn from the seed (Fisher–Yates over mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
