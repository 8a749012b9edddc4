import type { DatabaseState } from '../db/state';
import type { AccountsState } from './accounts';

/** All emulator state: per account, per region, per service. Plain JSON (see ServiceDefinition). */
export type EmulatorSnapshot = {
  version: 1;
  now: number;
  /** Where the seeded random source was (absent in older snapshots). */
  random?: number;
  accounts: AccountsState;
  /** The simulated database servers (src/aws/db/); absent in older snapshots. */
  databases?: DatabaseState;
};

/** Throws a readable Error when `value` is not an emulator snapshot. */
export function checkSnapshot(value: unknown): asserts value is EmulatorSnapshot {
  const s = value as Partial<EmulatorSnapshot> | null;
  if (s?.version !== 1 || typeof s.accounts !== 'object' || s.accounts === null || Array.isArray(s.accounts)) {
    throw new Error('Not an emulator snapshot (expected {"version":1,"now":...,"accounts":{...}})');
  }
  if (typeof s.now !== 'number' || !Number.isFinite(s.now)) throw new Error('"now" is not a number');
  if (s.random !== undefined && !(Number.isInteger(s.random) && s.random >= 0 && s.random < 2 ** 32)) {
    throw new Error('"random" is not a 32-bit position');
  }
}
