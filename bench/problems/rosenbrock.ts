/** @file The extended Rosenbrock function three ways: plain JS, toolkit scalar ops, and its analytic gradient. */

import { add, mul, type Num, sub } from '../src/index.ts';

// Extended Rosenbrock (Moré, Garbow & Hillstrom 1981, problem 21), n even:
//   f(x) = Σ_{i even} 100 (x_{i+1} - x_i²)² + (1 - x_i)²

/** The primal on a Float64Array, as a person would write it: the baseline every ratio divides by. */
export function rosenbrockPlain(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i += 2) {
    const a = x[i] as number;
    const t = (x[i + 1] as number) - a * a;
    const u = 1 - a;
    s += 100 * t * t + u * u;
  }
  return s;
}

/** The same function written with the toolkit's scalar ops: 8 primitive applications per pair. */
export function rosenbrock(x: readonly Num[]): Num {
  let s: Num = 0;
  for (let i = 0; i < x.length; i += 2) {
    const a = x[i] as Num;
    const t = sub(x[i + 1] as Num, mul(a, a));
    const u = sub(1, a);
    s = add(s, add(mul(100, mul(t, t)), mul(u, u)));
  }
  return s;
}

/** ∂f/∂x_i = -400 x_i t - 2 (1 - x_i), ∂f/∂x_{i+1} = 200 t, with t = x_{i+1} - x_i². */
export function rosenbrockGradient(x: readonly number[]): number[] {
  const g = new Array<number>(x.length).fill(0);
  for (let i = 0; i < x.length; i += 2) {
    const a = x[i] as number;
    const t = (x[i + 1] as number) - a * a;
    g[i] = -400 * a * t - 2 * (1 - a);
    g[i + 1] = 200 * t;
  }
  return g;
}

/** The standard starting point (-1.2, 1, -1.2, 1, ...), perturbed so no two pairs are alike. */
export function startingPoint(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1) + 1e-3 * Math.sin(i));
}
