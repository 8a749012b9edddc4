/** The emulator: `createEmulator(options)` builds one; see ./createEmulator.ts and src/aws/README.md. */
export { createEmulator, type EmulatorOptions, SEED_ROTATION_FUNCTION } from './createEmulator';
export type { Emulator } from './emulator';
export { PETTRACKER_KEY_ALIAS, type Preset } from './presets';
export type { EmulatorSnapshot } from './snapshot';
