import type { Emulator } from '../emulator';
import { runRequestedRotations } from '../rotation/engine';
import { bindRotationRuntime } from '../rotation/runtime';
import { rotationSource } from '../rotation/scheduledRotations';
import { deletionSource, parameterPolicySource } from './stateSources';

/**
 * Wires the simulations into a new emulator: the event sources the clock consults (in this order
 * for events due at the same time: rotations, deletions, parameter policies; extension caches add
 * their own), and the rotation runtime RotateSecret reaches through `ctx.clock`.
 */
export function attachSimulations(emulator: Emulator): void {
  emulator.scheduler.add(rotationSource(emulator));
  emulator.scheduler.add(deletionSource(emulator));
  emulator.scheduler.add(parameterPolicySource(emulator));
  bindRotationRuntime(emulator.clock, {
    requestRotations: () => emulator.work.enqueue(() => runRequestedRotations(emulator)),
  });
}
