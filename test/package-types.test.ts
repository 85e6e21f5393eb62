/**
 * @file The public signatures as a user meets them, without casts: a tuple fixes the number of
 * inputs (a wrong count does not compile), an array takes any, results are plain numbers and
 * matrices. `npm run typecheck` checks the types and the `@ts-expect-error` lines; vitest runs
 * the calls.
 */

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  compile,
  grad,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  type Mat,
  type Matrix,
  matrix,
  mul,
  type Num,
  sin,
  sub,
  sum,
  valueAndGrad,
  vjp,
} from '../src/index.ts';

const f = ([x, y]: [Num, Num]) => sub(mul(5, mul(x, x)), mul(x, y));
const g = ([x, y]: [Num, Num]) => [mul(x, y), sin(x)];

describe('a function of a tuple', () => {
  it('takes exactly its inputs, and returns plain numbers', () => {
    const dx = grad(f)([2, 3]);
    expectTypeOf(dx).toEqualTypeOf<[number, number]>();
    expect(dx).toEqual([17, -2]);
    const { value, grad: both } = valueAndGrad(f)([2, 3]);
    expectTypeOf(value).toEqualTypeOf<number>();
    expect([value, ...both]).toEqual([14, 17, -2]);
    expectTypeOf(hessian(f)([2, 3])).toEqualTypeOf<number[][]>();
    expect(hessian(f)([2, 3])).toEqual([
      [10, -1],
      [-1, 0],
    ]);
    expect(jacfwd(g)([2, 3])).toEqual(jacrev(g)([2, 3]));
    expect(jacobian(g, { mode: 'auto' })([2, 3])).toEqual(jacrev(g)([2, 3]));
    expect(jvp(f, [2, 3], [1, 0])).toEqual({ primal: 14, tangent: 17 });
    expect(vjp(g, [2, 3]).pullback([1, 0])).toEqual([3, 2]);
    expect(compile(f, [2, 3])([2, 3])).toEqual({ value: 14, grad: [17, -2] });
  });

  it('a wrong number of inputs does not compile', () => {
    // Never called: these lines are here for the compiler.
    const mistakes = () => {
      // @ts-expect-error three inputs for a function of two
      grad(f)([2, 3, 4]);
      // @ts-expect-error one input for a function of two
      valueAndGrad(f)([2]);
      // @ts-expect-error three inputs for a function of two
      hessian(f)([1, 2, 3]);
      // @ts-expect-error three inputs for a function of two
      jacfwd(g)([1, 2, 3]);
      // @ts-expect-error three inputs for a function of two
      jacrev(g)([1, 2, 3]);
      // @ts-expect-error three inputs for a function of two
      jacobian(g)([1, 2, 3]);
      // @ts-expect-error three primals for a function of two
      jvp(f, [1, 2, 3], [1, 0, 0]);
      // @ts-expect-error three primals for a function of two
      vjp(g, [1, 2, 3]);
      // @ts-expect-error three inputs for a function of two
      compile(f, [1, 2, 3]);
      // @ts-expect-error a matrix where f takes a number
      grad(f)([matrix([[1]]), 2]);
    };
    expect(typeof mistakes).toBe('function');
  });
});

describe('a function of an array, a number or a matrix', () => {
  it('an array takes any number of inputs', () => {
    const norm2 = (xs: Num[]) => xs.reduce<Num>((s, x) => sub(s, mul(-1, mul(x, x))), 0);
    expectTypeOf(grad(norm2)([1, 2, 3])).toEqualTypeOf<number[]>();
    expect(grad(norm2)([1, 2, 3])).toEqual([2, 4, 6]);
    expect(grad(norm2)([1])).toEqual([2]);
  });

  it('a number gives a number, a matrix a matrix', () => {
    const d = grad((x: Num) => sin(x))(0);
    expectTypeOf(d).toEqualTypeOf<number>();
    expect(d).toBe(1);
    const w = grad((m: Mat) => mul(2, sin(sum(m))))(matrix([[0, 0]]));
    expectTypeOf(w).toEqualTypeOf<Matrix>();
    expect(Array.from(w.data)).toEqual([2, 2]);
    const mistake = () => {
      // @ts-expect-error an array where f takes one number
      grad((x: Num) => sin(x))([1, 2]);
    };
    expect(typeof mistake).toBe('function');
  });

  it('nested transforms keep traced values traced', () => {
    // d/dx of x · (d/dy of x·y) = d/dx x² = 2x
    const outer = grad((x: Num) => mul(x, grad((y: Num) => mul(x, y))(1)))(3);
    expect(outer).toBe(6);
  });
});
