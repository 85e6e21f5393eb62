/**
 * @file The public signatures as a user meets them, without casts: a tuple fixes the number of
 * inputs (a wrong count does not compile), an array takes any, results are plain numbers and
 * matrices. `npm run typecheck` checks the types and the `@ts-expect-error` lines; vitest runs
 * the calls.
 */

import { inspect } from 'node:util';
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
  zeros,
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

describe('sum of an array of numbers', () => {
  it('adds them with the library’s own add, so it differentiates to any order', () => {
    const squares = (xs: Num[]) => sum(xs.map((x) => mul(x, x)));
    expectTypeOf(sum([1, 2])).toEqualTypeOf<Num>();
    expect(sum([])).toBe(0);
    expect(sum([1, 2, 3.5])).toBe(6.5);
    expect(grad(squares)([1, 2, 3])).toEqual([2, 4, 6]);
    expect(hessian(squares)([1, 2])).toEqual([
      [2, 0],
      [0, 2],
    ]);
    // Only JavaScript callers can pass an axis with an array; the types refuse it.
    const untyped = sum as unknown as (xs: number[], axis: number) => number;
    expect(() => untyped([1, 2], 0)).toThrow('wengert: sum: an array of numbers takes no axis');
  });
});

describe('a matrix prints readably', () => {
  const m = matrix([
    [0.5, -1, 2],
    [1, 0, Math.PI],
  ]);

  it('String(m) is every entry at full precision, as nested arrays', () => {
    expect(String(m)).toBe(`[[0.5, -1, 2], [1, 0, ${Math.PI}]]`);
    expect(`${zeros(0, 0)}`).toBe('[]');
  });

  it('console.log shows the shape and the rows aligned, to 6 digits', () => {
    expect(inspect(m)).toBe(
      ['Matrix 2×3 [', '  [0.5, -1,       2],', '  [  1,  0, 3.14159]', ']'].join('\n'),
    );
    expect(inspect({ w: zeros(1, 1) })).toBe('{\n  w: Matrix 1×1 [\n    [0]\n  ]\n}');
    expect(inspect(zeros(0, 3))).toBe('Matrix 0×3 []');
  });

  it('a large matrix shows its first and last 4 rows and columns', () => {
    const lines = inspect(zeros(12, 20)).split('\n');
    expect(lines[0]).toBe('Matrix 12×20 [');
    expect(lines).toHaveLength(1 + 9 + 1);
    expect(lines[1]).toBe('  [0, 0, 0, 0, …, 0, 0, 0, 0],');
    expect(lines[5]).toBe('  … 4 more rows,');
  });
});
