/** @file What a transformed function accepts: the inputs the differentiated function declares. */

import type { Point } from '../core/point.ts';
import type { Mat, Num, Value } from '../core/value.ts';

/**
 * The points at which the transform of a function of `X` can be called: a
 * number (or traced number) for each `Num` of X, a matrix for each `Mat`, in
 * X's shape. A tuple fixes the count, so the gradient of
 * `([x, y]: [Num, Num]) => ...` taken at `[2, 3, 4]` does not compile; an
 * array (`Num[]`) takes any length.
 */
export type InputsOf<X> = [X] extends [never]
  ? Point // f declares nothing about its input (a `Differentiable`): any point, checked at run time
  : X extends readonly unknown[]
    ? { readonly [K in keyof X]: Item<X[K]> }
    : Item<X>;

type Item<T> = T extends Num ? Num : T extends Mat ? Mat : Value;
