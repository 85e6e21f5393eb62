/** @file Chapter 9: Hessians by forward-over-reverse against the hand formula, other nestings, Hessian-vector products, and perturbation confusion. */

import {
  add,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  mul,
  type Num,
  withCost,
} from '../../../src/index.ts';
import { code, example } from '../examples.ts';
import { display, math, num, table, tex, texMatrix, texVector } from '../format.ts';
import type { Generator } from '../generate.ts';

// #region hessian
const f = ([x, y]: [Num, Num]) => add(mul(mul(mul(x, x), x), y), mul(2, mul(x, mul(y, y))));
const { result: H, cost } = withCost(() => hessian(f)([1, 2]));
// #endregion

/** The Hessian of x³y + 2xy² by hand, [[6xy, 3x² + 4y], [3x² + 4y, 4x]], in plain JavaScript. */
const byHand = ([x, y]: [number, number]) => [
  [6 * x * y, 3 * x * x + 4 * y],
  [3 * x * x + 4 * y, 4 * x],
];

function hessianResult(): string {
  return display(
    // Two lines: the two matrices side by side are wider than a phone's screen.
    `\\begin{gathered} \\texttt{hessian(f)}(1, 2) = ${texMatrix(H)}, \\\\[6pt] \\text{by hand: } ${texMatrix(byHand([1, 2]))} \\end{gathered}`,
  );
}

function hessianCost(): string {
  return `${num(cost.forwardPasses)} forward passes and ${num(cost.reverseSweeps)} reverse sweeps, one of each per column`;
}

// #region hvp
const v: [number, number] = [1, -1];
const Hv = jvp((p: [Num, Num]) => grad(f)(p), [1, 2], v).tangent; // one pass, no matrix
// #endregion

function hvpResult(): string {
  const product = byHand([1, 2]).map(
    (row) => (row[0] as number) * v[0] + (row[1] as number) * v[1],
  );
  return (
    math(`H v = ${texVector(Hv)}`) +
    `, and the hand Hessian times $v$ is ${math(texVector(product))}`
  );
}

/** Three nestings of the two modes on e^(xy) at (0.5, −1), against its Hessian by hand. */
function nestings(): string {
  const g = ([x, y]: [Num, Num]) => exp(mul(x, y));
  const p: [number, number] = [0.5, -1];
  const e = Math.exp(p[0] * p[1]);
  const hand = [
    [p[1] ** 2 * e, (1 + p[0] * p[1]) * e],
    [(1 + p[0] * p[1]) * e, p[0] ** 2 * e],
  ];
  const orders: [string, number[][]][] = [
    ['forward over reverse, `hessian(g)`', hessian(g)(p)],
    ['reverse over reverse, `jacrev(grad(g))`', jacrev((q: [Num, Num]) => grad(g)(q))(p)],
    [
      'forward over forward, `jacfwd(jacfwd(g))`',
      jacfwd((q: [Num, Num]) => jacfwd(g)(q)[0] ?? [])(p),
    ],
  ];
  const gap = (M: number[][]) =>
    Math.max(...M.flatMap((row, i) => row.map((x, j) => Math.abs(x - (hand[i]?.[j] ?? 0)))));
  const cells = (M: number[][]) =>
    [M[0]?.[0], M[0]?.[1], M[1]?.[1]].map((x) => math(tex(x ?? Number.NaN, 12)));
  return table(
    ['computed by', 'H₁₁', 'H₁₂', 'H₂₂', 'largest difference from the hand formula'],
    [
      ['the hand formula, plain JavaScript', ...cells(hand), '—'],
      ...orders.map(([name, M]) => [name, ...cells(M), math(tex(gap(M), 2))]),
    ],
  );
}

function untagged(): void {
  // #region untagged
  // Dual numbers with one shared ε and no tags: a + bε is { a, b }.
  type U = number | { a: number; b: number };
  const lift = (v: U) => (typeof v === 'number' ? { a: v, b: 0 } : v);
  const uAdd = (v: U, w: U) => ({ a: lift(v).a + lift(w).a, b: lift(v).b + lift(w).b });
  const uMul = (v: U, w: U) => ({
    a: lift(v).a * lift(w).a,
    b: lift(v).a * lift(w).b + lift(v).b * lift(w).a,
  });
  const D = (h: (v: U) => U) => (v: number) => lift(h({ a: v, b: 1 })).b;
  console.log(D((x) => uMul(x, D((y) => uAdd(x, y))(1)))(1)); // d/dx [x · d/dy (x + y)] at 1
  // #endregion
}

function tagged(): void {
  // #region tagged
  const D = (h: (v: Num) => Num) => (v: Num) => jvp(h, v, 1).tangent; // forward mode
  const R = (h: (v: Num) => Num) => (v: Num) => grad(h)(v); // reverse mode
  for (const [outer, inner] of [
    [D, D],
    [D, R],
    [R, D],
    [R, R],
  ] as const) {
    console.log(outer((x) => mul(x, inner((y) => add(x, y))(1)))(1));
  }
  // #endregion
}

export const higherOrder: Record<string, Generator> = {
  'hessian-code': () => code(import.meta.url, 'hessian'),
  'hessian-result': hessianResult,
  'hessian-cost': hessianCost,
  'hvp-code': () => code(import.meta.url, 'hvp'),
  'hvp-result': hvpResult,
  'nestings-table': nestings,
  'confusion-untagged': () => example(import.meta.url, 'untagged', untagged),
  'confusion-tagged': () => example(import.meta.url, 'tagged', tagged),
};
