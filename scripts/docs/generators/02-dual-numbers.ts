/** @file Chapter 2: dual numbers watched from inside a function, their arithmetic against the textbook rules, exactness against finite differences, and JVPs. */

import { add, div, exp, jacfwd, jvp, mul, type Num, sin, withCost } from '../../../src/index.ts';
import { linePlot } from '../../plot/line.ts';
import { code, example } from '../examples.ts';
import { math, num, table, tex } from '../format.ts';
import type { Context, Generator } from '../generate.ts';

function square(): void {
  // #region square
  const watched = (x: Num) => {
    const y = mul(x, x);
    console.log(`${x} squared is ${y}`); // a dual number prints as value + tangent·ε
    return y;
  };
  console.log(jvp(watched, 3, 1));
  // #endregion
}

/** The toolkit's dual arithmetic next to the textbook rule for each ε part, in plain JavaScript. */
function rules(): string {
  const [a, b, c, d] = [3, 1, 2, 0.5];
  const two = (f: (p: [Num, Num]) => Num) => jvp(f, [a, c], [b, d]);
  const one = (f: (p: Num) => Num) => jvp(f, a, b);
  const rows: [string, { primal: number; tangent: number }, string, number][] = [
    [
      '$(a + b\\varepsilon)(c + d\\varepsilon)$',
      two(([x, y]) => mul(x, y)),
      '$ad + bc$',
      a * d + b * c,
    ],
    [
      '$(a + b\\varepsilon)/(c + d\\varepsilon)$',
      two(([x, y]) => div(x, y)),
      '$(bc - ad)/c^2$',
      (b * c - a * d) / c ** 2,
    ],
    ['$\\sin(a + b\\varepsilon)$', one(sin), '$b \\cos a$', b * Math.cos(a)],
    ['$\\exp(a + b\\varepsilon)$', one(exp), '$b\\, e^a$', b * Math.exp(a)],
  ];
  return table(
    ['expression', 'value (jvp)', 'ε part (jvp)', 'textbook ε part', 'its value'],
    rows.map(([e, r, rule, v]) => [e, num(r.primal, 12), num(r.tangent, 12), rule, num(v, 12)]),
  );
}

// The function of the finite-difference comparison, its derivative by dual numbers and by hand.
const f = (x: Num) => mul(sin(x), exp(x));
const exact = jvp(f, 1, 1).tangent;
const byHand = Math.E * (Math.sin(1) + Math.cos(1));
const value = (x: number) => f(x) as number;
const forwardDiff = (h: number) => (value(1 + h) - value(1)) / h;
const centralDiff = (h: number) => (value(1 + h) - value(1 - h)) / (2 * h);
const steps = Array.from({ length: 15 }, (_, k) => 10 ** -(k + 1));
const error = (diff: (h: number) => number) => (h: number) => Math.abs(diff(h) - exact);
const best = (diff: (h: number) => number) =>
  steps.reduce((p, h) => (error(diff)(h) < error(diff)(p) ? h : p));

async function differencePlot(context: Context): Promise<string> {
  const svg = await linePlot({
    title: 'Error of finite differences against the step',
    panels: [
      {
        x: { label: 'step h', log: true },
        y: { label: 'error', log: true },
        series: [
          {
            name: 'forward (f(x+h) − f(x))/h',
            points: steps.map((h) => [h, error(forwardDiff)(h)]),
          },
          {
            name: 'central (f(x+h) − f(x−h))/2h',
            points: steps.map((h) => [h, error(centralDiff)(h)]),
            dashed: true,
          },
        ],
      },
    ],
  });
  return `![Errors of forward and central differences against the step h, on log scales](${context.figure('finite-differences.svg', svg)})`;
}

function differenceSummary(): string {
  const rows = [
    ['forward difference', best(forwardDiff), error(forwardDiff)(best(forwardDiff))],
    ['central difference', best(centralDiff), error(centralDiff)(best(centralDiff))],
  ] as const;
  return table(
    ['method', 'best step h', 'its error'],
    [
      ...rows.map(([m, h, e]) => [m, math(tex(h)), math(tex(e, 2))]),
      ['dual number (`jvp`)', 'none', math(tex(Math.abs(exact - byHand)))],
    ],
  );
}

// #region jvp
const g = ([x, y]: [Num, Num]) => [mul(x, y), add(sin(x), mul(y, y))];
const at: [number, number] = [1, 2];
const v: [number, number] = [2, -1];
const once = withCost(() => jvp(g, at, v)); // one forward pass
const J = jacfwd(g)(at); // two passes, one per column, for comparison
// #endregion

function jvpTable(): string {
  const [x, y] = at;
  const byHandJ = [
    [y, x],
    [Math.cos(x), 2 * y],
  ];
  const times = (M: number[][]) =>
    M.map((row) => (row[0] as number) * v[0] + (row[1] as number) * v[1]);
  const vector = (w: readonly number[]) => math(`(${w.map((c) => tex(c, 12)).join(',\\ ')})`);
  return table(
    ['computed by', 'J v'],
    [
      ['`jvp(g, [1, 2], [2, -1]).tangent`, one pass', vector(once.result.tangent)],
      ['`jacfwd(g)([1, 2])` times v', vector(times(J))],
      ['the Jacobian by hand times v, plain JavaScript', vector(times(byHandJ))],
    ],
  );
}

function jvpCost(): string {
  const { cost } = once;
  return `${num(cost.forwardPasses)} forward pass, ${num(cost.primal)} primal and ${num(cost.tangent)} tangent applications, no tape`;
}

export const dualNumbers: Record<string, Generator> = {
  'dual-square': () => example(import.meta.url, 'square', square),
  'dual-rules': rules,
  'dual-exact': () =>
    `${math(tex(exact, 15))}, and the formula by hand, evaluated with \`Math\`, gives ${math(tex(byHand, 15))}`,
  'dual-difference-plot': differencePlot,
  'dual-difference-summary': differenceSummary,
  'jvp-code': () => code(import.meta.url, 'jvp'),
  'jvp-table': jvpTable,
  'jvp-cost': jvpCost,
};
