/** @file Chapter 4: three vector stages, their local Jacobians, the chain of products both ways, fan-out against addition, and the dot-product test. */

import {
  add,
  exp,
  jacfwd,
  jvp,
  mul,
  type Num,
  reverseSweep,
  reverseTable,
  sin,
  sub,
  tanh,
  toMarkdown,
  toNumber,
  trace,
  vjp,
} from '../../../src/index.ts';
import { mulberry32 } from '../../../src/transforms/random.ts';
import { code } from '../examples.ts';
import { display, math, num, table, tex, texMatrix } from '../format.ts';
import type { Generator } from '../generate.ts';

// #region stages
const A = ([x, y, z]: [Num, Num, Num]): [Num, Num] => [mul(x, y), sin(z)];
const B = ([p, q]: [Num, Num]): [Num, Num] => [mul(p, q), add(p, q)];
const C = ([r, s]: [Num, Num]): [Num, Num] => [tanh(r), sub(r, mul(s, s))];
const F = (x: [Num, Num, Num]) => C(B(A(x)));
const x0: [number, number, number] = [0.5, 2, 1];
// #endregion

// Each stage's Jacobian at the point the run reaches it.
const a = A(x0).map(toNumber) as [number, number];
const b = B(a).map(toNumber) as [number, number];
const JA = jacfwd(A)(x0);
const JB = jacfwd(B)(a);
const JC = jacfwd(C)(b);

const times = (M: readonly number[][], w: readonly number[]) =>
  M.map((row) => row.reduce((s, m, j) => s + m * (w[j] as number), 0));
const timesT = (M: readonly number[][], w: readonly number[]) =>
  (M[0] ?? []).map((_, j) => M.reduce((s, row, i) => s + (row[j] as number) * (w[i] as number), 0));
const vector = (w: readonly number[]) => math(`(${w.map((c) => tex(c, 9)).join(',\\ ')})`);

function jacobians(): string {
  // One matrix a line: side by side, the three are wider than a phone's screen.
  return display(
    [
      '\\begin{aligned}',
      `J_A &= ${texMatrix(JA, 4)}, \\\\`,
      `J_B &= ${texMatrix(JB, 4)}, \\\\`,
      `J_C &= ${texMatrix(JC, 4)}`,
      '\\end{aligned}',
    ].join('\n'),
  );
}

/** The chain of products with the matrices above, against one jvp and one vjp of F. */
function chain(): string {
  const v = [1, -1, 2];
  const u = [1, 3];
  const pullback = vjp(F, x0).pullback;
  return table(
    ['product', 'by the matrices above', 'by the toolkit'],
    [
      [
        '$J_C\\,(J_B\\,(J_A\\, v))$, $v = (1, -1, 2)$',
        vector(times(JC, times(JB, times(JA, v)))),
        `${vector(jvp(F, x0, [1, -1, 2]).tangent)} by \`jvp\``,
      ],
      [
        '$J_A^\\top (J_B^\\top (J_C^\\top u))$, $u = (1, 3)$',
        vector(timesT(JA, timesT(JB, timesT(JC, u)))),
        `${vector(pullback([1, 3]))} by \`vjp\``,
      ],
    ],
  );
}

// #region fan-out
const s = (x: Num) => add(sin(x), exp(x)); // x fans out to sin and exp; add joins them
const list = trace(s, 0.5);
// #endregion

/** Uniform on [−1, 1] from the toolkit's seeded generator, so the pairs, and the page, are the same on every build. */
function random(seed: number): () => number {
  const next = mulberry32(seed);
  return () => 2 * next() - 1;
}

function dotTest(): string {
  const next = random(7);
  const dot = (p: readonly number[], q: readonly number[]) =>
    p.reduce((sum, pi, i) => sum + pi * (q[i] as number), 0);
  const { pullback } = vjp(F, x0);
  const rows = Array.from({ length: 5 }, (_, k) => {
    const u: [number, number] = [next(), next()];
    const v: [number, number, number] = [next(), next(), next()];
    const left = dot(u, jvp(F, x0, v).tangent);
    const right = dot(pullback(u), v);
    return [
      `pair ${k + 1}`,
      math(tex(left, 15)),
      math(tex(right, 15)),
      math(tex(Math.abs(left - right), 2)),
    ];
  });
  return table(['random u, v', '⟨u, J v⟩ (jvp)', '⟨Jᵀu, v⟩ (vjp)', 'difference'], rows);
}

function mulBothWays(): string {
  const product = ([x, y]: [Num, Num]) => mul(x, y);
  const row = [jvp(product, [2, 3], [1, 0]).tangent, jvp(product, [2, 3], [0, 1]).tangent];
  const column = vjp(product, [2, 3]).pullback(1);
  return `two forward passes give the row entries ${num(row[0] as number)} and ${num(row[1] as number)}; one reverse sweep gives ${math(`(\\bar{x}, \\bar{y}) = (${tex(column[0] as number)}, ${tex(column[1] as number)})`)}`;
}

export const localJacobians: Record<string, Generator> = {
  'stages-code': () => code(import.meta.url, 'stages'),
  'stage-jacobians': jacobians,
  'stage-chain': chain,
  'mul-both-ways': mulBothWays,
  'fan-out-code': () => code(import.meta.url, 'fan-out'),
  'fan-out-table': () => toMarkdown(reverseTable(list, reverseSweep(list, [1]))),
  'dot-test': dotTest,
};
