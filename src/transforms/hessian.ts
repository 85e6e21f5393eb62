/** @file hessian: forward-over-reverse, the Jacobian (by columns) of the gradient (by a sweep). */

import type { Point } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import type { UnaryOp } from '../primitives/rule.ts';
import { chunkOf, type ForwardOptions } from './columns.ts';
import { gradient } from './grad.ts';
import type { InputsOf } from './inputs.ts';
import { type Jacobian, jacfwd } from './jacobian.ts';

/**
 * The n×n Hessian of a scalar f: n forward passes through a reverse-mode
 * gradient. Each pass records a tape whose values are dual numbers, so the
 * sweep itself carries tangents: column j is ∂(∇f)/∂x_j. With `chunk: k`
 * each pass carries k tangents, so ⌈n/k⌉ recordings and sweeps do the work.
 *
 * @example
 * hessian(([x, y]: Num[]) => mul(mul(x, x), y))([1, 2]); // [[4, 2], [2, 0]]
 * const f = (x: Num[]) => mul(x[0] ?? 0, mul(x[1] ?? 0, x[2] ?? 0));
 * withCost(() => hessian(f, { chunk: 2 })([1, 2, 3])).cost.forwardPasses; // ⌈3/2⌉ = 2 passes
 */
export function hessian<X extends Point>(
  f: (x: X) => Num,
  options?: ForwardOptions,
): <A extends InputsOf<X>>(x: A) => Jacobian<A>;
/** A unary op itself (`hessian(sin)`): TypeScript reads an overloaded op by its last signature only. */
export function hessian(f: UnaryOp, options?: ForwardOptions): <A extends Num>(x: A) => Jacobian<A>;
export function hessian(f: (x: never) => unknown, options?: ForwardOptions): unknown {
  const chunk = chunkOf('hessian', options);
  return jacfwd((x: Point) => gradient('hessian', f, x).grad, { chunk });
}
