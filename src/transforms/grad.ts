/** @file grad and valueAndGrad: the gradient of a scalar function by one reverse sweep. */

import { flattenInput, type Point, type Same, type Scalar, unflatten } from '../core/point.ts';
import { isMat, type Mat, type Num, type Value } from '../core/value.ts';
import type { UnaryOp } from '../primitives/rule.ts';
import { primalsOf, pullBack, type Recording, record } from '../reverse/recording.ts';
import type { InputsOf } from './inputs.ts';

/** The value and gradient of a scalar f at a point; `fn` names the public transform in errors. */
export function gradient(
  fn: string,
  f: (x: never) => unknown,
  at: Point,
): { value: Num; grad: Value | Value[] } {
  const x = flattenInput(fn, 'x', at);
  const rec: Recording = record(fn, f, x);
  try {
    const [out] = rec.outputs;
    if (rec.isArray || isMat(out)) {
      const what = rec.isArray
        ? `an array of ${rec.outputs.length}`
        : `a ${(out as Mat).rows}×${(out as Mat).cols} matrix`;
      throw new Error(
        `wengert: ${fn} needs a scalar output; use jacrev or vjp (f returned ${what}; ` +
          'sum or mseLoss reduce a matrix to a scalar)',
      );
    }
    return { value: primalsOf(rec)[0] as Num, grad: unflatten(x.isArray, pullBack(rec, [1])) };
  } finally {
    rec.tape.release();
  }
}

/**
 * The gradient of a scalar-valued f, by reverse mode: one recording, one sweep.
 * It has the structure of the point: an array for an array, a number for a
 * number, a matrix of partials for each matrix.
 *
 * @example
 * grad(([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y)))([2, 3]); // [17, -2]
 * grad((x: Num) => sin(x))(0); // 1
 * grad((w: Mat) => sum(mul(w, w)))(matrix([[1, 2]])); // [[2, 4]]
 */
export function grad<X extends Point>(
  f: (x: X) => Num,
): <A extends InputsOf<X>>(x: A) => Same<A, A>;
/** A unary op itself (`grad(sin)`): TypeScript reads an overloaded op by its last signature only. */
export function grad(f: UnaryOp): <A extends Num>(x: A) => Scalar<A>;
export function grad(f: (x: never) => unknown): unknown {
  return (x: Point) => gradient('grad', f, x).grad;
}

/**
 * f(x) and its gradient from the same recording.
 *
 * @example
 * valueAndGrad(([x, y]: Num[]) => mul(x, y))([2, 3]); // { value: 6, grad: [3, 2] }
 */
export function valueAndGrad<X extends Point>(
  f: (x: X) => Num,
): <A extends InputsOf<X>>(x: A) => { value: Scalar<A>; grad: Same<A, A> };
/** A unary op itself (`valueAndGrad(exp)`). */
export function valueAndGrad(
  f: UnaryOp,
): <A extends Num>(x: A) => { value: Scalar<A>; grad: Scalar<A> };
export function valueAndGrad(f: (x: never) => unknown): unknown {
  return (x: Point) => gradient('valueAndGrad', f, x);
}
