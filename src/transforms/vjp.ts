/** @file vjp: the value of f and a pullback that maps output cotangents to input adjoints (Jᵀ·u). */

import {
  describeShape,
  type Flat,
  flattenInput,
  type Point,
  requireSameStructure,
  type Same,
  type Traced,
  unflatten,
} from '../core/point.ts';
import { primalsOf, pullBack, record } from '../reverse/recording.ts';

/**
 * What vjp returns: f(x), and the pullback u ↦ Jᵀu, callable any number of times.
 *
 * @example
 * ```ts
 * const { primal, pullback } = vjp(([x, y]: Num[]) => [mul(x, y), sin(x)], [2, 3]);
 * console.log(primal, pullback([1, 0])); // [6, sin 2] and the first row of J, [3, 2]
 * ```
 */
export interface VjpResult<A, R> {
  readonly primal: Same<R, A>;
  readonly pullback: (cotangent: Traced<R>) => Same<A, A>;
}

/**
 * Reverse mode: records f once on a tape and returns its value with a
 * pullback. Each pullback call is one reverse sweep over the same tape, so
 * the tape's memory is held for as long as the pullback is reachable. The
 * cotangent has the structure of f's output (a matrix for each matrix).
 *
 * @example
 * const { primal, pullback } = vjp(([x, y]: Num[]) => [mul(x, y), sin(x)], [2, 3]);
 * pullback([1, 0]); // [3, 2]: the first row of the Jacobian
 */
export function vjp<const A extends Point, R extends Point>(
  f: (x: Traced<A>) => R,
  primals: A,
): VjpResult<A, R> {
  const x = flattenInput('vjp', 'primals', primals);
  const rec = record('vjp', f, x);
  const outputs: Flat = { values: primalsOf(rec), isArray: rec.isArray };
  const pullback = (cotangent: Traced<R>): Same<A, A> => {
    const u = flattenInput('pullback', 'cotangent', cotangent);
    const m = rec.outputs.length;
    if (u.isArray !== rec.isArray || u.values.length !== m) {
      const shape = rec.isArray ? `an array of ${m} (one per output)` : describeShape(outputs);
      throw new Error(
        `wengert: pullback: f returned ${rec.isArray ? `${m} outputs` : 'one value'}, so the ` +
          `cotangent must be ${shape}; got ${describeShape(u)}`,
      );
    }
    requireSameStructure('pullback', 'the cotangent', outputs, u);
    return unflatten(x.isArray, pullBack(rec, u.values)) as Same<A, A>;
  };
  return { primal: unflatten(rec.isArray, outputs.values) as Same<R, A>, pullback };
}
