/** @file Locally constant partials (0, ±1, ½), for scalars and matrices alike. */

import { map } from '../core/kernels.ts';
import { isMat, type Num, toMatrix, type Value } from '../core/value.ts';

/**
 * A partial such as sign(x) or [x > 0], which is constant near every point
 * where it is defined: `f` (written with `piecewise`) applied to x itself
 * for a scalar, so that it is decided on this run's value (or rendered as
 * cases on a symbol), and entry by entry to the plain values of a matrix.
 * Its own derivative is 0, so higher derivatives through abs or relu stay
 * exact.
 */
export function locallyConstant(x: Value, f: (v: Num) => Value): Value {
  return isMat(x) ? map((v) => f(v) as number, toMatrix(x)) : f(x as Num);
}
