/** @file A trace is one interpretation in progress (a forward pass, a recording, ...); it decides what an op means for its values. */

import type { Piece } from './cases.ts';
import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from './rule.ts';
import type { Tracer } from './tracer.ts';
import type { Num, Value } from './value.ts';

let lastTag = 0;

/**
 * One differentiation (or other interpretation) in progress. Every value it
 * creates points at it, and an op applied to such a value asks this trace
 * what to do (`unary`, `binary`, `matrix`): push a tangent, record a tape
 * entry, build a formula. That is the whole of dispatch, as in Autodidax's
 * `process_primitive`; nothing below this class names a mode.
 *
 * Every trace gets a fresh, increasing tag. A trace opened inside another one
 * has the larger tag, so when an operation meets values of several traces it
 * is handed to the innermost (largest tag), which treats the others as
 * constants. That ordering is what prevents perturbation confusion in nested
 * derivatives.
 *
 * @example
 * ```ts
 * // In grad of grad, y belongs to the inner differentiation, whose trace has the larger tag.
 * grad((x: Num) => {
 *   const inner = grad((y: Num) => {
 *     if (y instanceof Tracer && x instanceof Tracer) console.log(y.trace.tag > x.trace.tag); // true
 *     return mul(x, y);
 *   })(x);
 *   return inner;
 * })(2);
 * ```
 */
export abstract class Trace {
  readonly tag = ++lastTag;
  /** False once the transform that opened the trace has returned (or while it is paused). */
  live = true;
  /** What paused the trace, while a segment runs without recording (see `whilePaused`). */
  private pausedBy: string | null = null;

  /** A word for messages: 'forward', 'reverse', 'symbolic'. */
  abstract readonly kind: string;

  /** y = f(x) for `x` of this trace. */
  abstract unary(rule: UnaryPrimitive, x: Tracer): Num;

  /** z = f(x, y), where x or y (or both) is of this trace; the other may be anything scalar. */
  abstract binary(rule: BinaryPrimitive, x: Num, y: Num): Num;

  /** A matrix primitive whose innermost traced operand is of this trace; `params` as the op was given. */
  abstract matrix(rule: MatrixRule, args: readonly Value[], params: unknown): Value;

  /**
   * A piecewise definition whose conditions read values of this trace.
   * Traces that compute leave it undefined (the pieces are decided on
   * plain values); a trace that renders formulas reads every piece.
   */
  piecewise?(pieces: readonly Piece[], otherwise: () => Value): Value;

  /** Called when `toNumber` reads one of this trace's values to make a decision. */
  noteRead(_x: Tracer): void {}

  /** Called when a comparison op (`lt`, ...) compared values of this trace; `code` says which op. */
  noteComparison(_code: number, _x: Num, _y: Num, _result: boolean): void {}

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
