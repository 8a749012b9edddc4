/** The emulator: `createEmulator(options)` builds one; see ./createEmulator.ts and src/aws/README.md. */
export { createEmulator, type EmulatorOptions } from './createEmulator';
export type { Emulator } from './emulator';
export type { Preset } from './presets';
export type { EmulatorSnapshot } from './snapshot';
