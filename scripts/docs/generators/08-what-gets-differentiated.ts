/** @file Chapter 8: branches, mutation and loops in the trace, and the documented behaviour at kinks, outside domains and on plain JavaScript arithmetic. */

import {
  add,
  grad,
  jacfwd,
  log,
  mul,
  type Num,
  parse,
  primalTable,
  toMarkdown,
  toNumber,
  trace,
  valueAndGrad,
} from '../../../src/index.ts';
import { code } from '../examples.ts';
import { escapeMarkdown, num, table } from '../format.ts';
import type { Generator } from '../generate.ts';

// #region branch
const p = (x: Num) => (toNumber(x) > 0 ? mul(x, x) : mul(-3, x)); // x² for x > 0, else −3x
// #endregion

// #region mutation
const update = (input: Num) => {
  let x = input;
  x = mul(x, x);
  x = add(x, 1);
  return x;
};
const power = (x: Num) => {
  let s: Num = 1;
  for (let k = 0; k < 4; k++) s = mul(s, x);
  return s;
};
// #endregion

// #region identity
const identity = (x: Num) => (toNumber(x) === 0 ? 0 : x); // equals x everywhere
// #endregion

// #region unused
const ignoresLog = (x: Num) => {
  log(x); // computed and recorded, but the output does not depend on it
  return x;
};
// #endregion

const vector = (v: readonly number[]) =>
  v.length === 1 ? num(v[0] as number) : `(${v.map((x) => num(x)).join(', ')})`;

/** f parsed from its text, so the first column is exactly what ran; both modes' derivatives at a point. */
function edge(source: string, at: number[], why: string): string[] {
  const f = parse(source);
  const { value, grad: reverse } = valueAndGrad(f)(at);
  return [
    `\`${source}\` at ${vector(at)}`,
    num(value),
    vector(jacfwd(f)(at)[0] ?? []),
    vector(reverse),
    why,
  ];
}

const HEADERS = ['f at a point', 'value', 'forward (jacfwd)', 'reverse (grad)', 'why'];

function branchGrads(): string {
  return table(
    ['x', 'branch that ran', "p'(x) by grad", 'derivative of that branch'],
    // The last column is each branch's derivative by hand, in plain JavaScript.
    [
      ['2', 'x²', num(grad(p)(2)), `2x = ${num(2 * 2)}`],
      ['−1', '−3x', num(grad(p)(-1)), num(-3)],
      ['0', '−3x', num(grad(p)(0)), num(-3)],
    ],
  );
}

/** What the toolkit says when plain JavaScript arithmetic meets a traced value. */
function refused(): string {
  const attempt = (f: (x: Num) => Num) => {
    try {
      grad(f)(1);
      return 'no error';
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  };
  const times2 = attempt((x) => (x as unknown as number) * 2);
  const sine = attempt((x) => Math.sin(x as unknown as number));
  return [
    `\`x * 2\` throws\n\n> ${escapeMarkdown(times2)}`,
    `\`Math.sin(x)\` throws\n\n> ${escapeMarkdown(sine)}`,
  ].join('\n\n');
}

export const whatGetsDifferentiated: Record<string, Generator> = {
  'branch-code': () => code(import.meta.url, 'branch'),
  'branch-trace-positive': () => toMarkdown(primalTable(trace(p, 2))),
  'branch-trace-negative': () => toMarkdown(primalTable(trace(p, -1))),
  'branch-grads': branchGrads,
  'mutation-code': () => code(import.meta.url, 'mutation'),
  'mutation-trace': () => toMarkdown(primalTable(trace(update, 3))),
  'mutation-grad': () => num(grad(update)(3)),
  'loop-entries': () => num(trace(power, 2).entries.length),
  'loop-grad': () => num(grad(power)(2)),
  'identity-code': () => code(import.meta.url, 'identity'),
  'identity-grads': () =>
    `${num(grad(identity)(0))} at $x = 0$ and ${num(grad(identity)(1))} at $x = 1$`,
  // A few cases that teach; the semantics page lists every primitive's special points.
  'kinks-table': () =>
    table(HEADERS, [
      edge('abs(x)', [0], 'sign(0) = 0'),
      edge('relu(x)', [0], 'the step [x > 0] is 0 at 0'),
      edge('max(x, 0)', [0], 'a tie: ½ to each input'),
      edge('max(x, x)', [1], 'a tie, ½ + ½: the slope of x'),
    ]),
  'domains-table': () =>
    table(HEADERS, [
      edge('log(x)', [0], 'the limit from the right'),
      edge('log(x)', [-1], 'no value; the rule 1/x still has one'),
      edge('x / y', [0, 0], '0/0 has no value'),
    ]),
  'unused-code': () => code(import.meta.url, 'unused'),
  'unused-grad': () => num(grad(ignoresLog)(0)),
  refused,
};
