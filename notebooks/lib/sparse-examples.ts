/**
 * @file The sparse functions of notebook 11 and the sparse-Jacobian chapter (and their tests):
 * a banded one, Bratu's problem, and arrowheads, with the colours each needs.
 */

import {
  add,
  type Cost,
  exp,
  jacfwd,
  jacobian,
  jacrev,
  mul,
  type Num,
  sub,
  withCost,
} from '../../src/index.ts';

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

/** One way of building a Jacobian, measured: its passes and sweeps (ledger), colours, and median time. */
export interface JacobianRun {
  readonly name: string;
  readonly forwardPasses: number;
  readonly reverseSweeps: number;
  readonly colours: number;
  readonly ms: number;
  readonly jacobian: number[][];
}

/**
 * Times dense jacfwd and jacrev against the coloured Jacobian (forward, and
 * 'auto') of f at x: `runs` timed calls each after one to warm up, taking
 * turns so that a busy machine slows all of them alike; the time is the
 * median. Dense jacfwd, the slow one, is called `denseRuns` times (default
 * 1, which warms itself up over its n passes) and all of them are timed.
 */
export function timeJacobians(
  f: (x: Num[]) => Num[],
  x: number[],
  { runs = 5, denseRuns = 1 } = {},
): JacobianRun[] {
  // name, the call, how many calls are timed, and whether one more comes first to warm up
  const ways: [string, () => number[][], number, boolean][] = [
    ['dense, jacfwd', () => jacfwd(f)(x), denseRuns, false],
    ['dense, jacrev', () => jacrev(f)(x), runs, true],
    [
      "coloured, mode 'forward'",
      () => jacobian(f, { sparsity: 'detect', mode: 'forward' })(x),
      runs,
      true,
    ],
    ["coloured, mode 'auto'", () => jacobian(f, { sparsity: 'detect' })(x), runs, true],
  ];
  const calls = ways.map(() => [] as { result: number[][]; cost: Cost }[]);
  const rounds = Math.max(...ways.map(([, , count, warm]) => count + (warm ? 1 : 0)));
  for (let r = 0; r < rounds; r++) {
    ways.forEach(([, run, count, warm], k) => {
      if (r < count + (warm ? 1 : 0)) calls[k]?.push(withCost(run));
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return ways.map(([name, , , warm], k) => {
    const all = calls[k] ?? [];
    const { result, cost } = all[0] as { result: number[][]; cost: Cost };
    const ms = median(all.slice(warm ? 1 : 0).map((c) => c.cost.wallMs));
    const { forwardPasses, reverseSweeps, colours } = cost;
    return { name, forwardPasses, reverseSweeps, colours, ms, jacobian: result };
  });
}
