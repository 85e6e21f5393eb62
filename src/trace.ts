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
  /** False once the transform that opened the trace has returned. */
  live = true;

  abstract readonly kind: TraceKind;

  /** Throws if a value of this trace is used after the trace ended. */
  assertLive(op: string): void {
    if (!this.live) {
      throw new Error(
        `wengert: ${op} received a value from a ${this.kind}-mode trace (#${this.tag}) that has ` +
          'already ended; values created inside grad, jvp, vjp or a Jacobian transform must not ' +
          'leak out and be used later',
      );
    }
  }
}
