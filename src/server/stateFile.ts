import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Emulator, EmulatorSnapshot } from '../aws/emulator';
import { checkSnapshot } from '../aws/emulator/snapshot';

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
    const snapshot: unknown = JSON.parse(text);
    checkSnapshot(snapshot);
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

/**
 * `--state FILE` for one endpoint: loaded into the emulator at start, saved after every call
 * that may have changed state (the one place the endpoint writes it).
 */
export class StateFile {
  readonly path: string;
  readonly #log: (line: string) => void;

  constructor(path: string, log: (line: string) => void) {
    this.path = path;
    this.#log = log;
  }

  load(emulator: Emulator): LoadedState {
    const state = loadStateFile(this.path);
    if (state.kind === 'loaded') {
      emulator.restore(state.snapshot);
      this.#log(`Loaded state from ${this.path}`);
    } else if (state.kind === 'corrupt') {
      this.#log(`State file ${this.path} is corrupt (${state.reason}); kept it as ${state.movedTo} and started empty`);
    }
    return state;
  }

  /** After an AWS request: saved unless it failed or only read. */
  afterRequest(emulator: Emulator, operation: string, status: number): void {
    if (status === 200 && !isReadOnlyOperation(operation)) this.save(emulator);
  }

  save(emulator: Emulator): void {
    try {
      saveStateFile(this.path, emulator.snapshot());
    } catch (e) {
      this.#log(`Could not save state to ${this.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
