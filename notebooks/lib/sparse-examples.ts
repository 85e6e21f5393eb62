/**
 * @file The sparse functions of notebook 11 and the sparse-Jacobian chapter (and their tests):
 * a banded one, Bratu's problem, and arrowheads, with the colours each needs.
 */

import { add, exp, mul, type Num, sub } from '../../src/index.ts';

/**
 * Bratu's problem u″ + λeᵘ = 0 on (0, 1) with u(0) = u(1) = 0, by central
 * differences on n interior points (h = 1/(n + 1)): the residuals
 * F_i(u) = u_{i−1} − 2u_i + u_{i+1} + h²λ e^{u_i}. Each F_i reads three
 * neighbours, so the Jacobian is tridiagonal: ∂F_i/∂u_i = −2 + h²λe^{u_i},
 * and 1 beside it.
 */
export const bratu =
  (lambda = 1) =>
  (u: Num[]): Num[] => {
    const h2 = 1 / (u.length + 1) ** 2;
    return u.map((ui, i) =>
      add(add(sub(u[i - 1] ?? 0, mul(2, ui)), u[i + 1] ?? 0), mul(h2 * lambda, exp(ui))),
    );
  };

/** Diagonal plus a dense last row: F_i = x_i² for i < n − 1, F_{n−1} = Σ x_j. Forward needs n colours, reverse 2. */
export const arrowRow = (x: Num[]): Num[] => [
  ...x.slice(0, -1).map((xi) => mul(xi, xi)),
  x.reduce<Num>((s, xj) => add(s, xj), 0),
];

/** Diagonal plus a dense first column: F_0 = x_0², F_i = x_0·x_i. Forward needs 2 colours, reverse n. */
export const arrowColumn = (x: Num[]): Num[] =>
  x.map((xi, i) => (i === 0 ? mul(xi, xi) : mul(x[0] as Num, xi)));

/**
 * The full arrowhead: a dense first row and first column plus the
 * diagonal, F_0 = Σ x_j², F_i = x_i² + x_0. Every column shares row 0
 * and every row shares column 0, so colouring one side needs n colours.
 */
export const arrowhead = (x: Num[]): Num[] =>
  x.map((xi, i) =>
    i === 0 ? x.reduce<Num>((s, xj) => add(s, mul(xj, xj)), 0) : add(mul(xi, xi), x[0] as Num),
  );

/** A point of n entries between −1/2 and 1/2 (no zeros, so no partial vanishes by accident). */
export const point = (n: number): number[] =>
  Array.from({ length: n }, (_, i) => 0.5 * Math.sin(1 + 3 * i));
