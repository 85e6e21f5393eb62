/** @file Notebook 02: arithmetic on dual numbers a + bε with ε² = 0, why the ε part is an exact derivative, and JVPs in a direction. */

import {
  add,
  div,
  exp,
  formatNumber,
  jacfwd,
  jvp,
  mul,
  type Num,
  sin,
  withCost,
} from '../src/index.ts';
import { grid, notebook, num } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '02 · Dual numbers');

nb.say(`Forward mode computes with dual numbers: pairs a + bε where ε is a
  symbol with one rule, ε² = 0. The real part a is the value, the ε part b is
  the tangent. jvp(f, a, b) runs f once on the dual number a + bε, with the
  toolkit's Dual values standing in for numbers. Here is the smallest example,
  (3 + ε)², watched from inside the function:`);

// #region square
const seen: string[] = [];
const square = (x: Num) => {
  const y = mul(x, x);
  seen.push(`${x} squared is ${y}`); // a Dual prints as value + tangent·ε
  return y;
};
const squared = jvp(square, 3, 1);
// #endregion
nb.code('square');
nb.show(seen.join('\n'));
nb.say(`By hand, (3 + ε)² = 9 + 2·3·ε + ε² = 9 + 6ε, because ε² = 0. And 6 is
  d(x²)/dx = 2x at x = 3. The number in front of ε is the derivative.`);
nb.values({
  'jvp(square, 3, 1)': `primal ${num(squared.primal)}, tangent ${num(squared.tangent)}`,
  'by hand: 3·3, 2·3·1': `${num(3 * 3)}, ${num(2 * 3 * 1)}`,
});

nb.section('The arithmetic of a + bε');
nb.say(`Every rule of dual arithmetic follows from ε² = 0. A product
  (a + bε)(c + dε) = ac + (ad + bc)ε loses its bdε² term; a function of a dual
  number expands by Taylor, f(a + bε) = f(a) + f′(a)·bε, and every higher term
  holds ε² or more. The toolkit does not store these rules per operation: each
  primitive declares its partial derivatives once, and the dual part is
  Σ ∂f/∂inputᵢ · tangentᵢ. Below, a + bε = 3 + 1ε and c + dε = 2 + 0.5ε; the
  last two columns apply the textbook rule in plain JavaScript.`);
// #region rules
const [a, b, c, d] = [3, 1, 2, 0.5];
const two = (f: (p: [Num, Num]) => Num) => jvp(f, [a, c], [b, d]);
const one = (f: (p: Num) => Num) => jvp(f, a, b);
const rows = [
  ['(a+bε)(c+dε)', two(([x, y]) => mul(x, y)), a * c, a * d + b * c],
  ['(a+bε)/(c+dε)', two(([x, y]) => div(x, y)), a / c, (b * c - a * d) / c ** 2],
  ['sin(a+bε)', one(sin), Math.sin(a), b * Math.cos(a)],
  ['exp(a+bε)', one(exp), Math.exp(a), b * Math.exp(a)],
] as const;
// #endregion
nb.code('rules');
nb.table(
  grid(
    ['expression', 'value (jvp)', 'ε part (jvp)', 'value (rule)', 'ε part (rule)'],
    rows.map(([name, r, value, eps]) => [name, r.primal, r.tangent, value, eps]),
  ),
);

nb.section('Exact, not approximate');
nb.say(`A finite difference (f(x + h) − f(x))/h also estimates a derivative,
  but with a real step h it makes two errors: the Taylor terms it ignores
  (truncation, shrinking with h) and the digits lost when subtracting two
  nearly equal numbers (rounding, growing as h shrinks). No step size is good
  for both. The dual number uses ε instead of h, and ε² = 0 is exactly zero,
  so there is no truncation and no subtraction: the tangent is the derivative
  to the last bit of the arithmetic. Take f(x) = sin(x)·eˣ at x = 1, whose
  derivative by hand is eˣ(sin x + cos x).`);
// #region exact
const f = (x: Num) => mul(sin(x), exp(x));
const exact = jvp(f, 1, 1).tangent;
const byHand = Math.E * (Math.sin(1) + Math.cos(1));
const forwardDiff = (h: number) => ((f(1 + h) as number) - (f(1) as number)) / h;
const centralDiff = (h: number) => ((f(1 + h) as number) - (f(1 - h) as number)) / (2 * h);
// #endregion
nb.code('exact');
nb.values({ 'jvp(f, 1, 1).tangent': exact, 'eˣ(sin x + cos x) at 1': byHand });
const steps = [1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-13];
const err = (v: number) => formatNumber(Math.abs(v - exact), { digits: 2 });
nb.table(
  grid(
    ['h', 'forward difference', 'its error', 'central difference', 'its error'],
    steps.map((h) => [
      formatNumber(h),
      forwardDiff(h),
      err(forwardDiff(h)),
      centralDiff(h),
      err(centralDiff(h)),
    ]),
  ),
);
const best = (diff: (h: number) => number) =>
  steps.reduce((p, h) => (Math.abs(diff(h) - exact) < Math.abs(diff(p) - exact) ? h : p));
nb.say(`The errors fall as h shrinks, then rise again once rounding takes over.
  The best step depends on f and on the point, and even the best one loses
  digits. The dual number needs no step at all:`);
nb.values({
  'best h, forward difference': formatNumber(best(forwardDiff)),
  'best h, central difference': formatNumber(best(centralDiff)),
  '|jvp − by hand|': Math.abs(exact - byHand),
});

nb.section('JVPs: a derivative in a direction');
nb.say(`With several inputs, each input gets its own tangent, and the tangents
  together form a direction v. One pass on dual numbers then gives f(x) and
  J·v, the Jacobian times v, without ever building J. Seeding v = (1, 0) picks
  the first column of J; any other v gives the matching combination of
  columns. Take g(x, y) = (x·y, sin x + y²) at (1, 2), whose Jacobian by hand
  is [[y, x], [cos x, 2y]].`);
// #region jvp
const g = ([x, y]: [Num, Num]) => [mul(x, y), add(sin(x), mul(y, y))];
const at: [number, number] = [1, 2];
const v: [number, number] = [2, -1];
const { result, cost } = withCost(() => jvp(g, at, v));
const J = jacfwd(g)(at); // two passes, one per column, for comparison
// #endregion
nb.code('jvp');
const [x1, y1] = at;
const Jhand = [
  [y1, x1],
  [Math.cos(x1), 2 * y1],
];
const times = (M: number[][], u: number[]) =>
  M.map((row) => row.reduce((s, m, j) => s + m * (u[j] as number), 0));
nb.values({
  'jvp(g, (1, 2), (1, 0)).tangent': jvp(g, at, [1, 0]).tangent as number[],
  'column 1 of jacfwd(g)(1, 2)': (J as number[][]).map((row) => row[0] as number),
  'jvp(g, (1, 2), (2, -1)).tangent': result.tangent as number[],
  'jacfwd(g)(1, 2) · v': times(J as number[][], v),
  'by hand J · v': times(Jhand, v),
  'forward passes for the jvp': cost.forwardPasses,
});
nb.say(`One pass gives one direction. To get all of J, forward mode needs one
  pass per input (jacfwd); notebook 03 shows the other way round, and
  notebook 05 weighs the two.`);

nb.done();
