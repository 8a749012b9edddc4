import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { EmulatorSnapshot } from '../aws/emulator';

export type LoadedState =
  | { kind: 'missing' }
  | { kind: 'loaded'; snapshot: EmulatorSnapshot; text: string }
  /** The file could not be used: it was renamed aside (never overwritten) and the endpoint starts empty. */
  | { kind: 'corrupt'; reason: string; movedTo: string };

/** Reads `--state FILE`. A corrupt file is kept as `FILE.corrupt-<timestamp>` for the user to inspect. */
export function loadStateFile(path: string, now = new Date()): LoadedState {
  if (!existsSync(path)) return { kind: 'missing' };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
    const snapshot = JSON.parse(text) as EmulatorSnapshot;
    if (snapshot?.version !== 1 || typeof snapshot.accounts !== 'object' || snapshot.accounts === null) {
      throw new Error('not an emulator snapshot (expected {"version":1,"now":...,"accounts":{...}})');
    }
    if (typeof snapshot.now !== 'number' || !Number.isFinite(snapshot.now)) throw new Error('"now" is not a number');
    return { kind: 'loaded', snapshot, text };
  } catch (e) {
    const movedTo = `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, movedTo);
    return { kind: 'corrupt', reason: e instanceof Error ? e.message : String(e), movedTo };
  }
}

/**
 * Writes the snapshot atomically: a temporary file beside the target, then a rename, so a crash
 * mid-write leaves either the old state or the new one, never half a file.
 */
export function saveStateFile(path: string, snapshot: EmulatorSnapshot): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(snapshot)}\n`);
  renameSync(temp, path);
}

/** Calls that only read (Get*, List*, Describe*, BatchGet*, Decrypt) do not rewrite the state file. */
export function isReadOnlyOperation(operation: string): boolean {
  return /^(Get|List|Describe|BatchGet)/.test(operation) || operation === 'Decrypt';
}
