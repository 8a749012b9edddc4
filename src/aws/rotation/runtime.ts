/**
 * How a Secrets Manager operation reaches the rotation engine of the emulator it runs in, without
 * the service knowing the Emulator class: the emulator binds its engine to its clock (one clock
 * per emulator), and an operation looks it up from `ctx.clock`.
 */
export interface RotationRuntime {
  /** Runs the rotations RotateSecret asked for (`rotation.RequestedToken`) after the current request. */
  requestRotations(): void;
}

const runtimes = new WeakMap<object, RotationRuntime>();

export function bindRotationRuntime(clock: object, runtime: RotationRuntime): void {
  runtimes.set(clock, runtime);
}

export function rotationRuntimeOf(ctx: { clock: object }): RotationRuntime | undefined {
  return runtimes.get(ctx.clock);
}
