import type { Emulator } from '../../aws/emulator';
import type { EmulatorView } from '../messages';

/** Moves an emulator forward, running what falls due on the way, and returns what the inspector shows. */
export async function advanceEmulator(emulator: Emulator, ms: number): Promise<EmulatorView> {
  await emulator.advance(ms);
  return {
    state: emulator.snapshot(),
    calls: emulator.log.entries().filter((e) => e.source !== 'check'),
    now: emulator.clock.now(),
  };
}
