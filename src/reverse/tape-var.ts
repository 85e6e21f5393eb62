/** @file A tape variable: the name (entry index) of one value recorded on a tape. */

import { Tracer } from '../core/tracer.ts';
import type { Num } from '../core/value.ts';
import type { Tape } from './tape.ts';

/**
 * The handle user code holds during a recording: the tape, an entry index
 * and the value. Its derivative never lives on it but in an adjoint array
 * indexed by entry, so there is nothing on it to reset between sweeps.
 *
 * @example
 * ```ts
 * grad((x: Num) => {
 *   console.log(x instanceof TapeVar); // true: grad records f on the tape
 *   return mul(x, x);
 * })(3);
 * ```
 */
export class TapeVar extends Tracer {
  constructor(
    readonly trace: Tape,
    readonly index: number,
    readonly value: Num,
  ) {
    super();
  }

  toString(): string {
    return `TapeVar#${this.trace.tag}(w${this.index + 1} = ${String(this.value)})`;
  }
}
