/**
 * @file Parsed functions under every transform: the same numbers, and the same recorded
 * Wengert list, as the function written by hand with the toolkit's ops.
 */

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  add,
  atan2,
  cos,
  exp,
  grad,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  mul,
  type Num,
  neg,
  type ParsedFunction,
  parse,
  parseMany,
  pow,
  sin,
  sub,
  trace,
  valueAndGrad,
  vjp,
} from '../src/index.ts';
import { expectClose, jacobianByDifferences, TOL } from './support.ts';

/** 5x² − xy, the worked example of the docs and notebooks, by hand. */
const byHand = ([x, y]: readonly Num[]): Num =>
  sub(mul(5, pow(x as Num, 2)), mul(x as Num, y as Num));

/** Three outputs of three inputs, by hand, and the same text for parseMany. */
const systemByHand = ([x, y, z]: readonly Num[]): Num[] => [
  mul(x as Num, y as Num),
  add(sin(x as Num), pow(z as Num, 2)),
  exp(neg(mul(sub(x as Num, z as Num), y as Num))),
  atan2(y as Num, cos(z as Num)),
];
const SYSTEM = 'x*y; sin(x) + z^2; exp(-((x - z)*y)); atan2(y, cos(z))';

describe('parse under the transforms', () => {
  const f = parse('5*x^2 - x*y');

  it('grad at (2, 3) is (17, -2)', () => {
    expect(grad(f)([2, 3])).toEqual([17, -2]);
    expect(grad(parse('5*x^2 - x*y'))([2, 3])).toEqual(grad(byHand)([2, 3]));
  });

  it('valueAndGrad, hessian, jvp and vjp agree with the hand-written function', () => {
    expect(valueAndGrad(f)([2, 3])).toEqual({ value: 14, grad: [17, -2] });
    expect(hessian(f)([2, 3])).toEqual([
      [10, -1],
      [-1, 0],
    ]);
    expect(jvp(f, [2, 3], [1, 1])).toEqual(jvp(byHand, [2, 3], [1, 1]));
    expect(vjp(f, [2, 3]).pullback(2)).toEqual(vjp(byHand, [2, 3]).pullback(2));
  });

  it('records the same Wengert list as the hand-written function', () => {
    const options = { names: f.variables };
    expect(trace(f, [2, 3], options)).toEqual(trace(byHand, [2, 3], options));
  });

  it('nests: the derivative of a derivative of a parsed function', () => {
    const cube = parse('x^3 - 2*x');
    const second = grad((v: readonly Num[]) => grad(cube)(v)[0] as Num)([1.5]);
    expect(second).toEqual([9]);
  });

  it('a function of a variable it ignores has a zero partial there', () => {
    expect(grad(parse('x^2', { variables: ['x', 'y'] }))([3, 7])).toEqual([6, 0]);
  });

  it('types: grad of a parsed function of numbers gives numbers', () => {
    expectTypeOf(f).toEqualTypeOf<ParsedFunction<Num>>();
    expectTypeOf(grad(parse('x*y'))([2, 3])).toEqualTypeOf<number[]>();
    expectTypeOf(parseMany('x; y')).toEqualTypeOf<ParsedFunction<Num[]>>();
  });
});

describe('parseMany Jacobians', () => {
  const g = parseMany(SYSTEM);
  const point = [0.7, -1.3, 0.4];

  it('has one output per expression, in order, over the union of the variables', () => {
    expect(g.variables).toEqual(['x', 'y', 'z']);
    expect(g.expressions).toHaveLength(4);
    expect(g(point)).toEqual(systemByHand(point));
  });

  it('jacfwd and jacrev equal those of the hand-written ops exactly', () => {
    expect(jacfwd(g)(point)).toEqual(jacfwd(systemByHand)(point));
    expect(jacrev(g)(point)).toEqual(jacrev(systemByHand)(point));
  });

  it('forward, reverse and auto agree with each other and with central differences', () => {
    const forward = jacobian(g, { mode: 'forward' })(point);
    expectClose(jacobian(g, { mode: 'reverse' })(point), forward, TOL.modes);
    expectClose(jacobian(g)(point), forward, TOL.modes);
    const plain = (v: number[]) => g(v) as number[];
    expectClose(forward, jacobianByDifferences(plain, point), TOL.finiteDifference);
  });

  it('one expression gives a one-row Jacobian', () => {
    expect(jacrev(parseMany('5*x^2 - x*y'))([2, 3])).toEqual([[17, -2]]);
  });
});
