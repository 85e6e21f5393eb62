/** @file What the traced matrix kinds share: a trace, the value one level down, a shape, and the matrix path. */

import type { Trace } from './trace.ts';
import { refuseArithmetic } from './tracer.ts';
import type { Mat } from './value.ts';

/**
 * The base of every traced matrix: the matrix counterpart of `Tracer`. Its
 * `value` is the matrix one level down: a plain `Matrix` unless
 * differentiations are nested.
 *
 * @example
 * ```ts
 * grad((w: Mat) => {
 *   console.log(w instanceof TracedMatrix, w.rows, w.cols); // true 2 1
 *   return sum(w);
 * })(ones(2));
 * ```
 */
export abstract class TracedMatrix {
  abstract readonly trace: Trace;
  abstract readonly value: Mat;
  readonly rows: number;
  readonly cols: number;

  constructor(shape: { readonly rows: number; readonly cols: number }) {
    this.rows = shape.rows;
    this.cols = shape.cols;
  }

  /** Tells ops that this operand takes the matrix path; a prototype getter, free per value. */
  get isMatrix(): true {
    return true;
  }

  [Symbol.toPrimitive](hint: string): string {
    if (hint === 'string') return this.toString();
    throw refuseArithmetic(this.toString());
  }

  abstract toString(): string;
}
