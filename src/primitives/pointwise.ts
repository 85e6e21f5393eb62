/** @file Locally constant partials (0, ±1, ½) evaluated at plain values, for scalars and matrices alike. */

import { map } from '../core/kernels.ts';
import type { Matrix } from '../core/matrix.ts';
import { isMat, type Num, toMatrix, toNumber, type Value } from '../core/value.ts';

/**
 * `f` at the plain value under `x`: a number for a scalar, a plain matrix
 * (entry by entry) for a matrix. For partials such as sign(x) or [x > 0],
 * which are constant near every point where they are defined: their own
 * derivative is 0, so computing them from plain values loses nothing, and
 * higher derivatives through abs or relu stay exact.
 */
export function atPlainValues(x: Value, f: (v: number) => number): number | Matrix {
  return isMat(x) ? map(f, toMatrix(x)) : f(toNumber(x as Num));
}
