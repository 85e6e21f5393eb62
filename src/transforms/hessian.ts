/** @file hessian: forward-over-reverse, the Jacobian (by columns) of the gradient (by a sweep). */

import type { Point } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import { gradient } from './grad.ts';
import type { InputsOf } from './inputs.ts';
import { type Jacobian, jacfwd } from './jacobian.ts';

/**
 * The n×n Hessian of a scalar f: n forward passes through a reverse-mode
 * gradient. Each pass records a tape whose values are dual numbers, so the
 * sweep itself carries tangents: column j is ∂(∇f)/∂x_j.
 *
 * @example
 * hessian(([x, y]: Num[]) => mul(mul(x, x), y))([1, 2]); // [[4, 2], [2, 0]]
 */
export function hessian<X extends Point>(
  f: (x: X) => Num,
): <A extends InputsOf<X>>(x: A) => Jacobian<A> {
  return jacfwd((x: Point) => gradient('hessian', f, x).grad);
}
