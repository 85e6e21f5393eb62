/** @file vjp: the value of f and a pullback that maps output cotangents to input adjoints (Jᵀ·u). */

import { primalsOf, pullBack, record } from '../reverse/recording.ts';
import {
  describeShape,
  flattenInput,
  type Like,
  type Point,
  type Scalar,
  unflatten,
} from '../shape.ts';
import type { Num } from '../value.ts';

/** What vjp returns: f(x), and the pullback u ↦ Jᵀu, callable any number of times. */
export interface VjpResult<A, R> {
  readonly primal: Like<R, Scalar<A>>;
  readonly pullback: (cotangent: Like<R, Num>) => Like<A, Scalar<A>>;
}

/**
 * Reverse mode: records f once on a tape and returns its value with a
 * pullback. Each pullback call is one reverse sweep over the same tape, so
 * the tape's memory is held for as long as the pullback is reachable.
 *
 * @example
 * const { primal, pullback } = vjp(([x, y]: Num[]) => [mul(x, y), sin(x)], [2, 3]);
 * pullback([1, 0]); // [3, 2]: the first row of the Jacobian
 */
export function vjp<const A extends Point, R extends Point>(
  f: (x: Like<A, Num>) => R,
  primals: A,
): VjpResult<A, R> {
  const x = flattenInput('vjp', 'primals', primals);
  const rec = record('vjp', f, x);
  const m = rec.outputs.length;
  const pullback = (cotangent: Like<R, Num>): Like<A, Scalar<A>> => {
    const u = flattenInput('pullback', 'cotangent', cotangent);
    if (u.isArray !== rec.isArray || u.values.length !== m) {
      const shape = rec.isArray ? `an array of ${m} (one per output)` : 'a single number';
      throw new Error(
        `wengert: pullback: f returned ${rec.isArray ? `${m} outputs` : 'one value'}, so the ` +
          `cotangent must be ${shape}; got ${describeShape(u)}`,
      );
    }
    return unflatten(x.isArray, pullBack(rec, u.values)) as Like<A, Scalar<A>>;
  };
  return { primal: unflatten(rec.isArray, primalsOf(rec)) as Like<R, Scalar<A>>, pullback };
}
