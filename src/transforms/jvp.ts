/** @file jvp: the value of f and its directional derivative J·v, in one forward pass. */

import {
  describeShape,
  flattenInput,
  type Point,
  requireSameStructure,
  type Same,
  type Traced,
  unflatten,
} from '../core/point.ts';
import { forwardPass } from '../forward/pass.ts';

/**
 * Forward mode: f(x) and J(x)·v with one evaluation of f on dual numbers.
 * `tangents` has the structure of `primals` (a matrix of the same shape for
 * each matrix); the results have the structure of f's output.
 *
 * @example
 * const f = ([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y));
 * jvp(f, [2, 3], [1, 0]); // { primal: 14, tangent: 17 }  (∂f/∂x at (2, 3))
 */
export function jvp<const A extends Point, R extends Point>(
  f: (x: Traced<A>) => R,
  primals: A,
  tangents: NoInfer<Traced<A>>,
): { primal: Same<R, A>; tangent: Same<R, A> } {
  const x = flattenInput('jvp', 'primals', primals);
  const v = flattenInput('jvp', 'tangents', tangents);
  if (v.isArray !== x.isArray) {
    throw new Error(
      `wengert: jvp: the tangents must have the shape of the primals (${describeShape(x)}); ` +
        `got ${describeShape(v)}`,
    );
  }
  if (v.values.length !== x.values.length) {
    const n = x.values.length;
    throw new Error(
      `wengert: jvp: expected ${n} tangent${n === 1 ? '' : 's'} (one per primal), got ${v.values.length}`,
    );
  }
  requireSameStructure('jvp', 'the tangents', x, v);
  const pass = forwardPass('jvp', f, x, v.values);
  return {
    primal: unflatten(pass.isArray, pass.primal),
    tangent: unflatten(pass.isArray, pass.tangent),
  } as { primal: Same<R, A>; tangent: Same<R, A> };
}
