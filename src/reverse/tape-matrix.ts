/** @file A tape matrix: the name (entry index) of one matrix value recorded on a tape. */

import { TracedMatrix } from '../core/traced-matrix.ts';
import type { Mat } from '../core/value.ts';
import type { Tape } from './tape.ts';

/**
 * The matrix counterpart of `TapeVar`. `slot` numbers the tape's matrix
 * entries, and indexes the matrix adjoints of a sweep.
 *
 * @example
 * ```ts
 * grad((w: Mat) => {
 *   console.log(w instanceof TapeMatrix); // true
 *   return sum(mul(w, w));
 * })(ones(2));
 * ```
 */
export class TapeMatrix extends TracedMatrix {
  constructor(
    readonly trace: Tape,
    readonly index: number,
    readonly slot: number,
    readonly value: Mat,
  ) {
    super(value);
  }

  toString(): string {
    return `TapeMatrix#${this.trace.tag}(w${this.index + 1}: ${this.rows}×${this.cols})`;
  }
}
