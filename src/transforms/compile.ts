/** @file compile(f, x0): record f's tape once, then replay it at new points without running f again. */

import { flattenInput } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import { recordForReplay } from '../reverse/replay.ts';

/**
 * A compiled gradient: f's value and gradient at a point, from a replay of the tape.
 *
 * @example
 * ```ts
 * const step: Compiled = compile(([x, y]: Num[]) => mul(x, y), [1, 1]);
 * console.log(step([2, 3])); // { value: 6, grad: [3, 2] }
 * ```
 */
export type Compiled = (x: readonly number[]) => { value: number; grad: number[] };

/**
 * Records f at x0 once, like grad, and returns a function that replays the
 * recording at other points: a forward sweep that recomputes every entry's
 * value and local partials from the registry's rules (the tape stores which
 * rule, which operands and which constants), then the usual reverse sweep.
 * f itself never runs again, and no traced value is created, so a replay
 * allocates nothing but its result.
 *
 * The replay is only right where f would take the same branches as at x0.
 * Decisions must therefore use the comparison ops (lt, le, gt, ge, eq, ne), which
 * the recording keeps: a replay re-checks each one and throws, naming it,
 * where one would flip. A decision made with toNumber is refused while
 * recording. (abs, relu, max and min need no care: replay recomputes their
 * partials at the new point.) Scalar functions of numbers only.
 *
 * @example
 * ```ts
 * const rosenbrock = ([x, y]: Num[]) =>
 *   add(mul(sub(1, x), sub(1, x)), mul(100, mul(sub(y, mul(x, x)), sub(y, mul(x, x)))));
 * const step = compile(rosenbrock, [-1.2, 1]);
 * let x = [-1.2, 1];
 * for (let i = 0; i < 1000; i++) x = x.map((xi, j) => xi - 1e-3 * (step(x).grad[j] ?? 0));
 * console.log(step(x).value); // down from 24.2 at the start
 * ```
 */
export function compile<X extends readonly Num[]>(
  f: (x: X) => Num,
  x0: { readonly [K in keyof X]: number },
): Compiled {
  const x = flattenInput('compile', 'x0', x0);
  if (!x.isArray || !x.values.every((v) => typeof v === 'number')) {
    throw new TypeError('wengert: compile: x0 must be an array of plain numbers');
  }
  // f is called with an array of x0's length, the inputs its type declares.
  const replay = recordForReplay(f as unknown as (x: Num[]) => Num, x.values as number[]);
  return (at) => replay.run(at);
}
