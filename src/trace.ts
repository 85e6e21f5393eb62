/** @file A trace is one differentiation in progress; its tag orders nested differentiations. */

let lastTag = 0;

/** Which transform opened a trace, for error messages and for the cost ledger. */
export type TraceKind = 'forward' | 'reverse';

/**
 * One differentiation: a forward pass (dual numbers) or a recording (a tape).
 *
 * Every trace gets a fresh, increasing tag. A trace opened inside another one
 * has the larger tag, so when an operation meets values of several traces it
 * serves the innermost (largest tag) first and treats the others as constants.
 * That ordering is what prevents perturbation confusion in nested derivatives.
 */
export abstract class Trace {
  readonly tag = ++lastTag;
  /** False once the transform that opened the trace has returned (or while it is paused). */
  live = true;
  /** What paused the trace, while a segment runs without recording (see `whilePaused`). */
  private pausedBy: string | null = null;

  abstract readonly kind: TraceKind;

  /** Throws if a value of this trace is used after the trace ended. */
  assertLive(op: string): void {
    if (!this.live && this.pausedBy !== null) {
      throw new Error(
        `wengert: ${op} used a value of the ${this.kind}-mode trace (#${this.tag}) inside ` +
          `${this.pausedBy}(g) without receiving it as an argument; pass every traced value g ` +
          'uses as an argument, so that g can be run again on it',
      );
    }
    if (!this.live) {
      throw new Error(
        `wengert: ${op} received a value from a ${this.kind}-mode trace (#${this.tag}) that has ` +
          'already ended; values created inside grad, jvp, vjp or a Jacobian transform must not ' +
          'leak out and be used later',
      );
    }
  }

  /** Runs `compute` with the trace closed to new work, naming `by` in the error any use would raise. */
  whilePaused<T>(by: string, compute: () => T): T {
    this.live = false;
    this.pausedBy = by;
    try {
      return compute();
    } finally {
      this.live = true;
      this.pausedBy = null;
    }
  }
}
