/**
 * @file The extended Rosenbrock function: plain JS, the toolkit's scalar
 * ops, its analytic gradient and directional derivative, and the point and
 * direction every variant is measured at.
 */

import { add, mul, type Num, sub } from '../../src/index.ts';

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
export function rosenbrockGradient(x: ArrayLike<number>): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i += 2) {
    const a = x[i] as number;
    const t = (x[i + 1] as number) - a * a;
    g[i] = -400 * a * t - 2 * (1 - a);
    g[i + 1] = 200 * t;
  }
  return g;
}

/** ∇f(x)·v from the analytic partials, in one loop: the floor for a JVP. */
export function rosenbrockJvp(x: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i += 2) {
    const a = x[i] as number;
    const t = (x[i + 1] as number) - a * a;
    s += (-400 * a * t - 2 * (1 - a)) * (v[i] as number) + 200 * t * (v[i + 1] as number);
  }
  return s;
}

/** The standard starting point (-1.2, 1, -1.2, 1, ...), perturbed so no two pairs are alike. */
export function startingPoint(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1) + 1e-3 * Math.sin(i));
}

/** The direction of the JVP: v_i = cos(i), so every partial enters with its own weight. */
export function jvpDirection(n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.cos(i));
}

/** Everything a Rosenbrock variant needs at one size, in the forms the variants take. */
export interface RosenbrockProblem {
  readonly n: number;
  /** Plain arrays, as the toolkit's transforms take them (never mutated). */
  readonly x: number[];
  readonly x64: Float64Array;
  readonly x32: Float32Array;
  readonly v: number[];
  readonly v64: Float64Array;
  readonly v32: Float32Array;
  /** The analytic gradient, and ∇f·v with the sum of its terms' magnitudes (its error scale). */
  readonly gradient: Float64Array;
  readonly jvp: number;
  readonly jvpScale: number;
}

export function rosenbrockProblem(n: number): RosenbrockProblem {
  const x = startingPoint(n);
  const v = jvpDirection(n);
  const gradient = rosenbrockGradient(x);
  let jvp = 0;
  let jvpScale = 0;
  for (let i = 0; i < n; i++) {
    const term = (gradient[i] as number) * (v[i] as number);
    jvp += term;
    jvpScale += Math.abs(term);
  }
  return {
    n,
    x,
    x64: Float64Array.from(x),
    x32: Float32Array.from(x),
    v,
    v64: Float64Array.from(v),
    v32: Float32Array.from(v),
    gradient,
    jvp,
    jvpScale,
  };
}

/** Rosenbrock sizes: n = 1e3 .. 1e6 for a full run, two small ones for a quick one. */
export const ROSENBROCK_SIZES = {
  full: [1e3, 1e4, 1e5, 1e6].map(rosenbrockSize),
  quick: [1e3, 1e4].map(rosenbrockSize),
};

function rosenbrockSize(n: number) {
  return { label: `n = ${n.toLocaleString('en-US')}`, value: n, n };
}
