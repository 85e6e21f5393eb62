/** @file The functions the trace/explain tests run on: a hand-picked catalog plus one case per registry primitive. */

import {
  abs,
  acos,
  add,
  asin,
  atan,
  atan2,
  cos,
  cosh,
  div,
  exp,
  type Interval,
  log,
  max,
  min,
  mul,
  type Num,
  neg,
  pow,
  relu,
  scalarRules,
  sigmoid,
  sin,
  sinh,
  sqrt,
  sub,
  tan,
  tanh,
} from '../src/index.ts';
import { asFunction } from './support.ts';

/** A function to trace, the point to trace it at, and what the case is about. */
export interface Case {
  readonly name: string;
  /** A method signature, so that cases can destructure a tuple of the inputs they take. */
  f(x: readonly Num[]): Num | Num[];
  readonly at: readonly number[];
}

/** f(x, y) = 5x² − xy, the worked example, with x² as x·x. */
export const workedMul = ([x, y]: readonly [Num, Num]): Num => sub(mul(5, mul(x, x)), mul(x, y));
/** The same function with x² as pow(x, 2): x is then used by exactly two later steps, once each. */
export const workedPow = ([x, y]: readonly [Num, Num]): Num => sub(mul(5, pow(x, 2)), mul(x, y));

/** A point a fraction of the way through an interval (0.37: off the kinks at 0 and off ties). */
const inside = ([lo, hi]: Interval, fraction = 0.37): number => lo + fraction * (hi - lo);

const catalog: Case[] = [
  { name: '5x² − xy with mul(x, x)', f: workedMul, at: [2, 3] },
  { name: '5x² − xy with pow(x, 2)', f: workedPow, at: [2, 3] },
  {
    name: 'polar to Cartesian (two outputs)',
    f: ([r, t]: readonly [Num, Num]) => [mul(r, cos(t)), mul(r, sin(t))],
    at: [1.5, 0.7],
  },
  {
    name: 'constants on both sides of sub, div and pow',
    f: ([x, y]: readonly [Num, Num]) => add(sub(3, div(x, 2)), mul(pow(2, y), div(1, pow(x, 3)))),
    at: [1.3, 0.4],
  },
  {
    name: 'negative constants as operands',
    f: ([x]: readonly [Num]) => add(mul(-2, x), sub(x, -0.5)),
    at: [0.9],
  },
  {
    name: 'fan-out: one intermediate used three times',
    f: ([x]: readonly [Num]) => {
      const h = sin(x);
      return mul(h, add(h, exp(h)));
    },
    at: [0.8],
  },
  {
    name: 'a chain of unary primitives',
    f: ([x]: readonly [Num]) =>
      tanh(sigmoid(log(sqrt(add(exp(cos(x)), cosh(sinh(atan(neg(x))))))))),
    at: [0.6],
  },
  {
    name: 'trigonometric and inverse trigonometric',
    f: ([x, y]: readonly [Num, Num]) => [add(tan(x), asin(y)), mul(acos(y), x)],
    at: [0.4, -0.3],
  },
  {
    name: 'piecewise primitives and atan2 (three outputs)',
    f: ([x, y, z]: readonly [Num, Num, Num]) => [max(x, y), min(abs(z), relu(y)), atan2(x, z)],
    at: [0.3, 1.2, -0.7],
  },
  {
    name: 'an output returned twice, an input returned, a constant returned',
    f: ([x, y]: readonly [Num, Num]) => {
      const p = mul(x, y);
      return [p, x, p, 7];
    },
    at: [2, -1.5],
  },
  {
    name: 'four inputs (default names x1 … x4)',
    f: ([a, b, c, d]: readonly [Num, Num, Num, Num]) =>
      div(add(mul(a, b), neg(c)), add(mul(d, d), 1)),
    at: [0.5, -1.25, 2, 0.75],
  },
];

/**
 * One case per registry primitive, at a point inside its declared domain:
 * a unary op as op(x)·x (its input used twice), a binary op as op(x, y) and
 * with a constant on each side in turn.
 */
const perPrimitive: Case[] = scalarRules.flatMap((rule): Case[] => {
  const op = asFunction(rule);
  if (rule.arity === 1) {
    return [
      {
        name: `${rule.name}(x)·x`,
        f: ([x]) => mul(op([x as Num]), x as Num),
        at: [inside(rule.domain[0])],
      },
    ];
  }
  const [dx, dy] = rule.domain;
  const a = inside(dx);
  const b = inside(dy, 0.71);
  return [
    { name: `${rule.name}(x, y)`, f: ([x, y]) => op([x as Num, y as Num]), at: [a, b] },
    { name: `${rule.name}(c, y)`, f: ([y]) => op([inside(dx, 0.62), y as Num]), at: [b] },
    { name: `${rule.name}(x, c)`, f: ([x]) => op([x as Num, inside(dy, 0.28)]), at: [a] },
  ];
});

/** Every case the cross-checks and the renderers run over. */
export const CASES: readonly Case[] = [...catalog, ...perPrimitive];

/** The outputs of a case as an array, whatever f returned, for the engine's transforms. */
export function asVector(c: Case): (x: Num[]) => Num[] {
  return (x) => {
    const y = c.f(x);
    return Array.isArray(y) ? y : [y];
  };
}
