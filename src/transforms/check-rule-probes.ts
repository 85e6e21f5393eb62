/** @file checkRule's measurements: central differences and the Hessian by every nesting. */

import type { Num } from '../core/value.ts';

import type { Interval } from '../primitives/rule.ts';
import { grad } from './grad.ts';
import { jvp } from './jvp.ts';

export type Vec = number[];
/** A primitive applied to an array of its inputs. */
export type F = (v: readonly Num[]) => Num;

/** One comparison at one point: what, and its two values. */
export interface Compared {
  readonly quantity: string;
  readonly got: number;
  readonly expected: number;
}

/** Central differences step, scaled by max(1, |x|). */
const STEP = 1e-5;

/** Every pair of inputs (i, j), row by row. */
export function pairs(x: Vec): [number, number][] {
  return x.flatMap((_, i) => x.map((_, j): [number, number] => [i, j]));
}

/** The Hessian's entries by three other nestings, each against forward over reverse. */
export function nestings(
  f: F,
  x: Vec,
  axes: Vec[],
  d2: (i: number, j: number) => string,
): Compared[] {
  const g = (v: readonly Num[]) => grad(f)(v) as Num[];
  // column j of forward over reverse: the jvp of the gradient along e_j
  const fr = axes.map((e) => jvp(g, x, e).tangent as number[]);
  const ways: Record<string, (i: number, j: number) => number> = {
    'grad of grad': (i, j) =>
      (grad((v: readonly Num[]) => g(v)[i] as Num)(x) as number[])[j] as number,
    'jvp of jvp': (i, j) =>
      jvp((v: readonly Num[]) => jvp(f, v, axes[j] as Vec).tangent, x, axes[i] as Vec).tangent,
    'grad of jvp': (i, j) =>
      (grad((v: readonly Num[]) => jvp(f, v, axes[j] as Vec).tangent)(x) as number[])[i] as number,
  };
  return Object.entries(ways).flatMap(([how, way]) =>
    pairs(x).map(([i, j]) => ({
      quantity: `${d2(i, j)} (${how})`,
      got: way(i, j),
      expected: fr[j]?.[i] as number,
    })),
  );
}

/** ∂f/∂x_j by central differences with step 1e-5·max(1, |x_j|). */
export function differences(f: (v: Vec) => number, x: Vec, j: number): number {
  const h = STEP * Math.max(1, Math.abs(x[j] as number));
  const at = (t: number) => f(x.map((v, i) => (i === j ? v + t : v)));
  return (at(h) - at(-h)) / (2 * h);
}

export function dot(a: Vec, b: Vec): number {
  return a.reduce((s, v, i) => s + v * (b[i] as number), 0);
}

export function uniform(random: () => number, [lo, hi]: Interval): number {
  return lo + (hi - lo) * random();
}
