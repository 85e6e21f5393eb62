/** @file grad and valueAndGrad: the gradient of a scalar function by one reverse sweep. */

import { primalsOf, pullBack, type Recording, record } from '../reverse/recording.ts';
import { flattenInput, type Point, type Scalar, unflatten } from '../shape.ts';
import type { Num } from '../value.ts';

/** `A`'s shape holding the result scalar type. */
type Gradient<A> = A extends readonly unknown[] ? Scalar<A>[] : Scalar<A>;

/** The value and gradient of a scalar f at a point; `fn` names the public transform in errors. */
export function gradient(
  fn: string,
  f: (x: never) => unknown,
  at: Point,
): { value: Num; grad: Num | Num[] } {
  const x = flattenInput(fn, 'x', at);
  const rec: Recording = record(fn, f, x);
  try {
    if (rec.isArray) {
      throw new Error(
        `wengert: ${fn} needs a scalar output; use jacrev or vjp (f returned an array of ` +
          `${rec.outputs.length})`,
      );
    }
    return { value: primalsOf(rec)[0] as Num, grad: unflatten(x.isArray, pullBack(rec, [1])) };
  } finally {
    rec.tape.release();
  }
}

/**
 * The gradient of a scalar-valued f, by reverse mode: one recording, one sweep.
 * A function of an array gets an array back; a function of one number, a number.
 *
 * @example
 * grad(([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y)))([2, 3]); // [17, -2]
 * grad((x: Num) => sin(x))(0); // 1
 */
export function grad<X extends readonly Num[]>(
  f: (x: X) => Num,
): <A extends readonly Num[]>(x: A) => Gradient<A>;
export function grad(f: (x: Num) => Num): <A extends Num>(x: A) => Gradient<A>;
export function grad(f: (x: never) => Num): (x: never) => unknown {
  return (x: Point) => gradient('grad', f, x).grad;
}

/**
 * f(x) and its gradient from the same recording.
 *
 * @example
 * valueAndGrad(([x, y]: Num[]) => mul(x, y))([2, 3]); // { value: 6, grad: [3, 2] }
 */
export function valueAndGrad<X extends readonly Num[]>(
  f: (x: X) => Num,
): <A extends readonly Num[]>(x: A) => { value: Scalar<A>; grad: Gradient<A> };
export function valueAndGrad(
  f: (x: Num) => Num,
): <A extends Num>(x: A) => { value: Scalar<A>; grad: Gradient<A> };
export function valueAndGrad(f: (x: never) => Num): (x: never) => unknown {
  return (x: Point) => gradient('valueAndGrad', f, x);
}
