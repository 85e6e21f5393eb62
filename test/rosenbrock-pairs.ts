/**
 * @file The extended Rosenbrock function on the rows [a, b] of a matrix, for
 * vectorize's tests: the pair term as a function of numbers, the function in
 * plain JavaScript (for central differences), its gradient in closed form,
 * random matrices to try them at, and the two gradient checks every form of
 * it must pass.
 */

import { it } from 'vitest';
import { add, grad, type Mat, type Matrix, mul, type Num, sub } from '../src/index.ts';
import { fromGrid, type Grid, randomPlain } from './matrix-support.ts';
import { centralDifference, expectClose, rng, TOL } from './support.ts';

/** The Rosenbrock term of one pair, 100 (b − a²)² + (1 − a)², as a function of numbers. */
export const term = ([a, b]: Num[]): Num => {
  const t = sub(b as Num, mul(a as Num, a as Num));
  const u = sub(1, a as Num);
  return add(mul(100, mul(t, t)), mul(u, u));
};

/** Σ over the pairs (v_k, v_k+1) of the term, in plain JavaScript, as a one-output function. */
export function plainRosenbrock(v: number[]): number[] {
  let s = 0;
  for (let k = 0; k < v.length; k += 2) {
    const [a, b] = [v[k] as number, v[k + 1] as number];
    s += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
  }
  return [s];
}

/** The gradient in closed form, row by row: −400a(b − a²) − 2(1 − a) and 200(b − a²). */
export function rosenbrockGradient(x: Matrix): number[][] {
  return x.toArray().map(([a, b]) => {
    const [p, q] = [a as number, b as number];
    return [-400 * p * (q - p * p) - 2 * (1 - p), 200 * (q - p * p)];
  });
}

/** An r×c matrix of entries uniform in [−2, 2], from `seed`. */
export const randomMatrix = (r: number, c: number, seed: number): Matrix =>
  fromGrid(randomPlain(rng(seed), { rows: r, cols: c }, [-2, 2]) as Grid);

/** Registers the checks of f's gradient at x: the closed form, and central differences of the plain function. */
export function itHasTheRosenbrockGradient(f: (x: Mat) => Num, x: Matrix): void {
  it('has the closed-form gradient: −400a(b − a²) − 2(1 − a) and 200(b − a²)', () => {
    expectClose((grad(f)(x) as Matrix).toArray(), rosenbrockGradient(x), TOL.modes);
  });

  it('agrees with central differences of the plain function', () => {
    const v = Array.from(x.data);
    const fd = v.map((_, j) => centralDifference(plainRosenbrock, v, j)[0] as number);
    expectClose(Array.from((grad(f)(x) as Matrix).data), fd, TOL.finiteDifference);
  });
}
