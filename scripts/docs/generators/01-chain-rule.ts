/** @file Chapter 1: y = exp(sin(x²)) at x = 0.8, accumulated inside-out and outside-in from the same local derivatives. */

import {
  exp,
  forwardSweep,
  forwardTable,
  grad,
  jvp,
  type Num,
  pow,
  primalTable,
  reverseSweep,
  reverseTable,
  sin,
  toMarkdown,
  trace,
} from '../../../src/index.ts';
import { code } from '../examples.ts';
import { display, num, table, tex } from '../format.ts';
import type { Generator } from '../generate.ts';

// #region chain
const h = (x: Num) => pow(x, 2); // h(x) = x²
const g = (u: Num) => sin(u); // g(u) = sin u
const f = (v: Num) => exp(v); // f(v) = eᵛ
const y = (x: Num) => f(g(h(x)));
const list = trace(y, 0.8);
// #endregion

const x0 = 0.8;
const forward = forwardSweep(list, [1]);
const reverse = reverseSweep(list, [1]);
/** The local derivatives h′, g′, f′ the trace holds (each entry's partial for its first operand). */
const [dh, dg, df] = list.entries.slice(1).map((e) => e.partials[0] as number);

/** The two groupings of the same product, with this run's numbers. */
function groupings(): string {
  const [a, b, c] = [tex(df as number), tex(dg as number), tex(dh as number)];
  return display(
    [
      '\\begin{aligned}',
      // Each grouping on one line and its value on the next, so the pair fits a phone's width.
      `\\text{forward:}\\quad & ${a} \\cdot \\big(${b} \\cdot (${c} \\cdot 1)\\big) \\\\`,
      `& = ${tex(forward.tangents[3] ?? Number.NaN, 12)} \\\\`,
      `\\text{reverse:}\\quad & \\big((1 \\cdot ${a}) \\cdot ${b}\\big) \\cdot ${c} \\\\`,
      `& = ${tex(reverse.adjoints[0] ?? Number.NaN, 12)}`,
      '\\end{aligned}',
    ].join('\n'),
  );
}

/** Both transforms next to the closed form, evaluated with plain Math. */
function agreement(): string {
  const closed = Math.exp(Math.sin(x0 ** 2)) * Math.cos(x0 ** 2) * 2 * x0;
  const rows: [string, number][] = [
    ['`jvp(y, 0.8, 1).tangent` (forward mode)', jvp(y, x0, 1).tangent],
    ['`grad(y)(0.8)` (reverse mode)', grad(y)(x0)],
    ['closed form $e^{\\sin x^2} \\cos(x^2)\\, 2x$ in plain `Math`', closed],
  ];
  return table(
    ['computed by', 'dy/dx at 0.8', 'difference from the closed form'],
    rows.map(([what, v]) => [what, num(v, 15), num(Math.abs(v - closed))]),
  );
}

export const chainRule: Record<string, Generator> = {
  'chain-code': () => code(import.meta.url, 'chain'),
  'chain-primal': () => toMarkdown(primalTable(list)),
  'chain-forward': () => toMarkdown(forwardTable(list, forward)),
  'chain-reverse': () => toMarkdown(reverseTable(list, reverse)),
  'chain-groupings': groupings,
  'chain-agreement': agreement,
};
