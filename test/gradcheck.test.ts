/**
 * @file gradcheck: it passes correct functions of numbers, arrays and matrices to second order,
 * and catches a derivative that is wrong in one mode, in both, or only in the second order,
 * saying where; its options, counts and errors.
 */

import { describe, expect, it } from 'vitest';
import { applyMatrix } from '../src/core/apply.ts';
import {
  add,
  cos,
  definePrimitive,
  exp,
  GradcheckError,
  type GradcheckReport,
  grad,
  gradcheck,
  type Mat,
  Matrix,
  type MatrixRule,
  matmul,
  matrix,
  mul,
  type Num,
  sin,
  sqrt,
  sub,
  sum,
  tanh,
  toNumber,
  transpose,
} from '../src/index.ts';
import { close, TOL } from './support.ts';

const w = matrix([
  [0.3, -0.7, 1.1],
  [0.9, 0.2, -0.4],
]);

/** Correct functions of every kind of input and output. */
const correct: readonly {
  name: string;
  f: (x: never) => unknown;
  x: unknown;
  m: number;
  n: number;
}[] = [
  { name: 'a number to a number', f: (x: Num) => mul(x, sin(x)), x: 0.8, m: 1, n: 1 },
  {
    name: 'an array to an array',
    f: ([x, y]: [Num, Num]) => [mul(x, y), exp(sub(x, y)), sqrt(add(mul(x, x), 1))],
    x: [0.4, -1.3],
    m: 3,
    n: 2,
  },
  {
    name: 'a matrix to a number',
    f: (a: Mat) => sum(tanh(matmul(a, transpose(a)))),
    x: w,
    m: 1,
    n: 6,
  },
  {
    name: 'a matrix and a number to a matrix and a number',
    f: ([a, b]: [Mat, Num]) => [tanh(mul(a, b)), mul(sum(a), b)],
    x: [w, 1.5],
    m: 7,
    n: 7,
  },
];

describe.each(correct)('gradcheck passes $name', ({ f, x, m, n }) => {
  it.each([1, 2] as const)('to order %i, counting every comparison', (order) => {
    const report = gradcheck(f, x as never, { order });
    expect(report.ok, JSON.stringify(report.worst)).toBe(true);
    expect(report.failures).toBe(0);
    // per direction: m entries of J·v and one dot product; order 2 adds n entries of H·v twice
    expect(report.comparisons).toBe(3 * (m + 1 + (order === 2 ? 2 * n : 0)));
    expect(report.worst?.ratio).toBeLessThan(1);
    expect(report.directions).toHaveLength(3);
    expect(report.directions[0]).toHaveLength(n);
  });
});

describe('a derivative AD gets wrong: f(x) = x · toNumber(x), whose AD derivative is x, not 2x', () => {
  const f = (x: Num) => mul(x, toNumber(x));
  const report = gradcheck(f, 3);

  it('fails the jvp check in every direction, and only that check (vjp agrees with jvp)', () => {
    expect(report.ok).toBe(false);
    expect(report.failures).toBe(3);
    expect(report.comparisons).toBe(6);
    expect(report.worst).toMatchObject({ check: 'jvp', entry: 0, ok: false });
  });

  it('says where: the direction v, expected 2·3·v by differences, got 3·v by jvp, relative error 1/2', () => {
    const worst = report.worst as NonNullable<GradcheckReport['worst']>;
    const v = report.directions[worst.direction]?.[0] as number;
    expect(close(worst.expected, 6 * v, TOL.finiteDifference)).toBe(true);
    expect(worst.got).toBe(3 * v);
    expect(close(worst.relativeError, 0.5, TOL.finiteDifference)).toBe(true);
    expect(report.x).toEqual([3]);
    expect(report.step).toBe(1e-5 * 3); // eps · max(1, |x|)
  });

  it('raise: true throws a GradcheckError that reads the same out', () => {
    let error: unknown;
    try {
      gradcheck(f, 3, { raise: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GradcheckError);
    const { message, report: thrown } = error as GradcheckError;
    expect(thrown).toEqual(report);
    expect(message).toMatch(/^wengert: gradcheck: 3 of 6 comparisons failed at x = \[3\]/);
    expect(message).toMatch(/check {5}jvp: J·v by jvp against central differences of f/);
    expect(message).toMatch(
      /where {5}direction \d of 3, output entry 0, v = \[-?0\.\d+\], step h = 3e-5/,
    );
    expect(message).toMatch(
      /expected {2}-?\d.* \(central differences of f\)\n {2}got {7}-?\d.* \(jvp\)/,
    );
    expect(message).toMatch(/error {5}[\d.]+ \(relative 0\.5; allowed [\d.e-]+\)/);
  });

  it('raise: true returns the report when every check passes', () => {
    expect(gradcheck((x: Num) => mul(x, x), 3, { raise: true }).ok).toBe(true);
  });
});

describe('a derivative right to first order but not to second', () => {
  // sin's tangent line at the current point: its value and slope are sin's, but the slope
  // is a constant to AD (read with toNumber), so every second derivative comes out 0
  const linearized = (x: Num) => {
    const c = toNumber(x);
    return add(Math.sin(c), mul(Math.cos(c), sub(x, c)));
  };

  it('passes order 1 and fails order 2 on H·v against differences of the gradient', () => {
    expect(gradcheck(linearized, 0.7).ok).toBe(true);
    const report = gradcheck(linearized, 0.7, { order: 2 });
    expect(report.ok).toBe(false);
    expect(report.worst).toMatchObject({ check: 'hvp', got: 0 });
    const v = report.directions[report.worst?.direction ?? 0]?.[0] as number;
    expect(close(report.worst?.expected as number, -Math.sin(0.7) * v, TOL.secondOrder)).toBe(true);
    expect(() => gradcheck(linearized, 0.7, { order: 2, raise: true })).toThrow(
      /check {5}hvp: H·v by forward over reverse against central differences of the gradient/,
    );
  });
});

describe('wrong rules declared with definePrimitive', () => {
  // x³ with the partial 2x² instead of 3x²: both modes use it, so they agree with each other
  const cube = definePrimitive({
    name: 'gradcheckCube',
    primal: (x) => x ** 3,
    partial: (x) => mul(2, mul(x as Num, x as Num)),
  });
  // sin with the right partial computed off the trace: right to first order, 0 to second
  const sine = definePrimitive({
    name: 'gradcheckSine',
    primal: Math.sin,
    partial: (x) => Math.cos(toNumber(x as Num)),
  });

  it('a wrong partial fails jvp against differences, by the factor 2/3, and passes the dot-product test', () => {
    const report = gradcheck(([x, y]: [Num, Num]) => [cube(x), mul(x, y)], [1.2, -0.5]);
    expect(report.ok).toBe(false);
    expect(report.worst).toMatchObject({ check: 'jvp', entry: 0 });
    const worst = report.worst as NonNullable<GradcheckReport['worst']>;
    expect(close(worst.got / worst.expected, 2 / 3, TOL.finiteDifference)).toBe(true);
    expect(report.failures).toBe(3); // entry 0 of each direction; entry 1 and every vjp check pass
  });

  it('a partial that does not differentiate passes order 1 and fails order 2', () => {
    expect(gradcheck(sine, 0.4).ok).toBe(true);
    const report = gradcheck(sine, 0.4, { order: 2 });
    expect(report.worst).toMatchObject({ check: 'hvp', got: 0 });
  });
});

describe('a reverse mode that is not the transpose of forward mode', () => {
  // Y = 2X whose hand-written pullback says X̄ = 3Ȳ: forward mode is right, reverse is not
  const twice: MatrixRule = {
    kind: 'matrix',
    name: 'twice',
    arity: 1,
    id: -1,
    shape: ([x]) => x ?? null,
    evaluate: ([x]) =>
      new Matrix(
        (x as Matrix).rows,
        (x as Matrix).cols,
        (x as Matrix).data.map((a) => 2 * a),
      ),
    tangents: [(_inputs, _out, dot) => mul(2, dot as Mat)],
    pullback: (_inputs, _out, bar) => [mul(3, bar as Mat)],
    latex: { op: 'Y = 2X', forward: '\\dot Y = 2\\dot X', reverse: '\\bar X = 3\\bar Y' },
  };
  const f = (a: Mat) => tanh(applyMatrix(twice, [a], undefined) as Mat);

  it('passes the jvp check and fails the dot-product test ⟨Jᵀu, v⟩ = ⟨u, J·v⟩', () => {
    const report = gradcheck(f, w);
    expect(report.failures).toBe(3);
    expect(report.worst).toMatchObject({ check: 'vjp', entry: null });
    const worst = report.worst as NonNullable<GradcheckReport['worst']>;
    expect(close(worst.got / worst.expected, 1.5, TOL.modes)).toBe(true);
  });
});

describe('gradcheck options and errors', () => {
  const f = ([x, y]: [Num, Num]) => [mul(x, cos(y)), exp(mul(x, y))];

  it('the same seed gives the same directions; another seed others', () => {
    const a = gradcheck(f, [0.5, 1]);
    expect(gradcheck(f, [0.5, 1]).directions).toEqual(a.directions);
    expect(gradcheck(f, [0.5, 1], { seed: 7 }).directions).not.toEqual(a.directions);
    expect(gradcheck(f, [0.5, 1], { directions: 5 }).comparisons).toBe(5 * 3);
  });

  it('states its defaults, and scales the step by the largest |x_i|', () => {
    const report = gradcheck(f, [0.5, -40]);
    expect(report.settings).toEqual({
      eps: 1e-5,
      rtol: 1e-5,
      atol: 1e-6,
      order: 1,
      seed: 0,
      directions: 3,
    });
    expect(report.step).toBeCloseTo(40e-5, 15);
  });

  it('the tolerances decide: an error of about 5e-4 fails by default and passes with atol 1e-3', () => {
    const wrong = (x: Num) => mul(x, toNumber(x)); // off by x·v
    expect(gradcheck(wrong, 0.001).ok).toBe(false);
    expect(gradcheck(wrong, 0.001, { atol: 1e-3 }).ok).toBe(true);
  });

  it('a NaN or an infinity fails (sqrt at 0 has an infinite slope)', () => {
    const report = gradcheck((x: Num) => sqrt(x), 0);
    expect(report.ok).toBe(false);
    expect(report.worst?.error).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    [{ eps: 0 }, /eps must be a positive number; got number 0/],
    [{ eps: Number.NaN }, /eps must be a positive number/],
    [{ rtol: -1 }, /rtol must be a number ≥ 0; got number -1/],
    [{ atol: Number.POSITIVE_INFINITY }, /atol must be a number ≥ 0/],
    [{ order: 3 }, /order must be 1 or 2; got number 3/],
    [{ directions: 0 }, /directions must be a positive integer/],
    [{ directions: 1.5 }, /directions must be a positive integer/],
    [{ seed: 0.5 }, /seed must be an integer/],
  ])('refuses %o', (options, message) => {
    expect(() => gradcheck(f, [0.5, 1], options as never)).toThrow(message);
  });

  it('refuses a traced point: it checks at plain numbers, outside other transforms', () => {
    expect(() => grad((x: Num) => gradcheck((y: Num) => mul(x, y), x).worst?.got ?? 0)(1)).toThrow(
      /gradcheck: x is an object \(TapeVar\) of a trace; gradcheck checks at a point of plain numbers/,
    );
  });

  it('names a bad point or output as the transforms do', () => {
    expect(() => gradcheck(f, 'x' as never)).toThrow(/gradcheck: x is the string "x"/);
    expect(() => gradcheck(() => 'y', [1])).toThrow(/gradcheck: f returned the string "y"/);
  });
});
