/**
 * @file vectorize: one loop per function of numbers. Its values and
 * derivatives against closed forms, central differences and grad of the
 * same function entry by entry, for every scalar primitive at random and
 * special points; first and second order through every transform; and its
 * refusals.
 */

import { describe, expect, it } from 'vitest';
import {
  add,
  atan2,
  cos,
  definePrimitive,
  div,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  log,
  lt,
  type Mat,
  Matrix,
  matrix,
  mul,
  type Num,
  neg,
  pow,
  scalarRules,
  sigmoid,
  sin,
  slice,
  sqrt,
  sub,
  sum,
  toNumber,
  type Value,
  valueAndGrad,
  vectorize,
  vjp,
  withCost,
} from '../src/index.ts';
import { itHasTheRosenbrockGradient, randomMatrix, term } from './rosenbrock-pairs.ts';
import { asFunction, expectClose, rng, TOL, uniform } from './support.ts';

const pairs = vectorize(term);
const rosenbrock = (x: Mat): Num =>
  sum(pairs([slice(x, { cols: [0, 1] }), slice(x, { cols: [1, 2] })]));

describe('vectorize on the Rosenbrock function', () => {
  const x = randomMatrix(6, 2, 7);

  itHasTheRosenbrockGradient(rosenbrock, x);

  it('gives the same value, gradient and JVP as the same function written op by op', () => {
    const byOps = (m: Mat): Num => {
      const a = slice(m, { cols: [0, 1] });
      const b = slice(m, { cols: [1, 2] });
      const t = sub(b, mul(a, a));
      const u = sub(1, a);
      return sum(add(mul(100, mul(t, t)), mul(u, u)));
    };
    const v = randomMatrix(6, 2, 8);
    const fused = valueAndGrad(rosenbrock)(x);
    const ops = valueAndGrad(byOps)(x);
    // the input, two slices, seven elementwise ops and the sum
    expect(withCost(() => grad(byOps)(x)).cost.tapeEntries).toBe(11);
    expectClose(fused.value, ops.value, TOL.modes);
    expectClose((fused.grad as Matrix).toArray(), (ops.grad as Matrix).toArray(), TOL.modes);
    expectClose(jvp(rosenbrock, x, v).tangent, jvp(byOps, x, v).tangent, TOL.modes);
  });

  it('records the term as one tape entry, where op by op it takes seven', () => {
    const { cost } = withCost(() => grad(rosenbrock)(x));
    // the input, two slices, the vectorized term and the sum
    expect(cost.tapeEntries).toBe(5);
  });
});

/** Inputs at and beyond every edge of a domain. */
const SPECIAL = [Number.NaN, Infinity, -Infinity, 0, -0, 1, -1, 2, -2, 1e308, -1e308, 1e-300];

/**
 * vectorize(f) at `points` (one row each) against the engine run on each
 * point alone: the values, and the pull-backs of a seed of ones and of a
 * seed with zeros, must be the same numbers exactly (Object.is: −0, NaN and
 * ∞ included), since the loops compute what the engine computes, operation
 * for operation, and skip a zero adjoint as its sweep does.
 */
function agreesEntryByEntry(f: (x: Num[]) => Num, points: readonly (readonly number[])[]) {
  const arity = points[0]?.length ?? 0;
  const inputs = Array.from(
    { length: arity },
    (_, i) =>
      new Matrix(
        points.length,
        1,
        Float64Array.from(points, (p) => p[i] as number),
      ),
  );
  const g = vectorize(f);
  expect(Array.from((g(inputs) as Matrix).data)).toEqual(points.map((p) => toNumber(f([...p]))));
  const { pullback } = vjp((xs: Mat[]) => g(xs), inputs);
  const seeds = [points.map(() => 1), points.map((_, k) => (k % 3 === 0 ? 0 : 1.5))];
  for (const seed of seeds) {
    const bars = pullback(new Matrix(points.length, 1, Float64Array.from(seed))) as Matrix[];
    const expected = points.map((p, k) => vjp(f, [...p]).pullback(seed[k] as number) as number[]);
    for (let i = 0; i < arity; i++) {
      expect(Array.from((bars[i] as Matrix).data), `∂/∂x${i}`).toEqual(expected.map((e) => e[i]));
    }
  }
}

/** Random points of the domain, then every special value (every pair of them, with two inputs). */
function samplePoints(domain: readonly (readonly [number, number])[], seed: number): number[][] {
  const random = rng(seed);
  const points = Array.from({ length: 12 }, () => domain.map((d) => uniform(random, d)));
  if (domain.length === 1) return [...points, ...SPECIAL.map((s) => [s])];
  return [...points, ...SPECIAL.flatMap((s) => SPECIAL.map((t) => [s, t]))];
}

describe('vectorize computes what the engine computes, entry by entry', () => {
  for (const rule of scalarRules) {
    it(`${rule.name}, at random and special points`, () => {
      agreesEntryByEntry(asFunction(rule), samplePoints(rule.domain, 900 + rule.id));
    });
  }

  // Compositions where a simplified formula would differ from the engine: 0 · ∞ after a zero
  // adjoint, 0/x and 0·log x at 0, a product of constants that overflows, the sign of 0·(−1).
  const compositions: [string, (x: Num[]) => Num, number][] = [
    ['a·√b, a zero weight on √0', ([a, b]) => mul(a as Num, sqrt(b as Num)), 2],
    ['σ(σ(a)·(a − b))', ([a, b]) => sigmoid(mul(sigmoid(a as Num), sub(a as Num, b as Num))), 2],
    ['atan2(a², −b)', ([a, b]) => atan2(mul(a as Num, a as Num), neg(b as Num)), 2],
    ['0/a', ([a]) => div(0, a as Num), 1],
    ['0·ln a', ([a]) => mul(0, log(a as Num)), 1],
    ['10⁻²⁰⁰·(10²⁰⁰·(10²⁰⁰·a))', ([a]) => mul(1e-200, mul(1e200, mul(1e200, a as Num))), 1],
    ['0·a', ([a]) => mul(0, a as Num), 1],
    ['the Rosenbrock term', term, 2],
  ];
  for (const [name, f, arity] of compositions) {
    it(name, () => {
      agreesEntryByEntry(
        f,
        samplePoints(
          Array.from({ length: arity }, () => [-2, 2]),
          77,
        ),
      );
    });
  }
});

describe('vectorize through every transform', () => {
  const wave = vectorize(([w, x]: Num[]) => mul(w as Num, sin(x as Num)));
  const x = randomMatrix(3, 2, 11);

  it('a traced number among the inputs receives the sum of its partials', () => {
    // f(w) = Σ w sin(x_ij), so df/dw = Σ sin(x_ij)
    const dw = grad((w: Num) => sum(wave([w, x])))(0.7);
    expectClose(
      dw,
      Array.from(x.data).reduce((s, v) => s + Math.sin(v), 0),
      TOL.modes,
    );
    const jw = jvp((w: Num) => sum(wave([w, x])), 0.7, 1).tangent;
    expectClose(jw, dw, TOL.modes);
  });

  it('a JVP is jvp of f entry by entry, to rounding, with every input moving or one held', () => {
    const pair = vectorize(term);
    const [a, b] = [randomMatrix(4, 3, 21), randomMatrix(4, 3, 22)];
    const [da, db] = [randomMatrix(4, 3, 23), randomMatrix(4, 3, 24)];
    const tangentSets: [Matrix, Matrix][] = [
      [da, db],
      [da, new Matrix(4, 3, new Float64Array(12))],
    ];
    for (const tangents of tangentSets) {
      const { tangent } = jvp((xs: Mat[]) => pair(xs), [a, b], tangents);
      const byEntry = Array.from(a.data, (_, k) => {
        const at = (m: Matrix) => m.data[k] as number;
        return jvp(term, [at(a), at(b)], [at(tangents[0]), at(tangents[1])]).tangent;
      });
      expectClose(Array.from((tangent as Matrix).data), byEntry, TOL.modes);
    }
  });

  it('a tangent entry of exactly 0 contributes 0, even where the partial is infinite', () => {
    // √x at 0 has partial ∞; the entry whose tangent is 0 stays 0 (a symbolic zero), not 0 · ∞
    const root = vectorize((v: Num) => sqrt(v));
    const { tangent } = jvp((m: Mat) => root(m), matrix([[0, 0, 4]]), matrix([[0, 1, 1]]));
    expect(Array.from((tangent as Matrix).data)).toEqual([0, Infinity, 0.25]);
  });

  it('jacfwd and jacrev give the diagonal Jacobian w cos(x_ij)', () => {
    const f = (m: Mat) => wave([2, m]);
    const expected = Array.from(x.data, (v, i) =>
      Array.from(x.data, (_, j) => (i === j ? 2 * Math.cos(v) : 0)),
    );
    expectClose(jacfwd(f)(x), expected, TOL.modes);
    expectClose(jacrev(f)(x), expected, TOL.modes);
  });

  it('second order: hessian runs f on the matrices op by op, giving −w sin(x_ij) on the diagonal', () => {
    // the same, to the last bit, as the function written with matrix ops
    const byOps = hessian((m: Mat) => sum(mul(3, sin(m))))(x) as number[][];
    const h = hessian((m: Mat) => sum(wave([3, m])))(x) as number[][];
    const expected = Array.from(x.data, (v, i) =>
      Array.from(x.data, (_, j) => (i === j ? -3 * Math.sin(v) : 0)),
    );
    expectClose(h, expected, TOL.modes);
    expect(h).toEqual(byOps);
  });

  it('a nested call checks shapes, and repeats a number f returns to the shape', () => {
    const pair = vectorize(([a, b]: Num[]) => mul(a as Num, b as Num));
    expect(() => hessian((m: Mat) => sum(pair([m, slice(m, { rows: [0, 1] })])))(x)).toThrow(
      'input 2 is 1×2 but input 1 is 3×2',
    );
    const three = vectorize((_v: Num) => 3);
    expect(hessian((m: Mat) => sum(mul(three(m), m)))(x)).toEqual(
      Array.from(x.data, () => Array.from(x.data, () => 0)),
    );
    const power = vectorize(([a, b]: Num[]) => pow(a as Num, b as Num));
    expect(() => hessian((m: Mat) => sum(power([m, 2])))(x)).toThrow(
      'vectorize: under nested differentiation f runs op by op on the matrices, and pow takes numbers only',
    );
  });

  it('a traced adjoint (a pullback inside jvp) is multiplied by the partials with toolkit ops', () => {
    // c ↦ Jᵀc is linear, so its JVP in direction d is eˣ ⊙ d
    const g = vectorize((v: Num) => exp(v));
    const d = randomMatrix(3, 2, 12);
    const { tangent } = jvp(
      (c: Mat) => vjp((m: Mat) => g(m), x).pullback(c) as Mat,
      randomMatrix(3, 2, 13),
      d,
    );
    expectClose(
      (tangent as Matrix).toArray(),
      new Matrix(
        3,
        2,
        x.data.map((v, k) => Math.exp(v) * (d.data[k] as number)),
      ).toArray(),
      TOL.modes,
    );
  });

  it('third order, where every level is nested and f runs op by op: d³/dx³ of eˣ cos x', () => {
    const g = vectorize((v: Num) => mul(exp(v), cos(v)));
    // d³/dx³ e^x cos x = −2e^x (cos x + sin x)
    const first = (v: Num) => grad((u: Num) => sum(g(matrixOf(u))))(v);
    const third = grad((t: Num) => grad(first)(t))(0.4);
    expectClose(third, -2 * Math.exp(0.4) * (Math.cos(0.4) + Math.sin(0.4)), TOL.modes);
  });
});

/** A 1×1 matrix holding a traced number, made with toolkit ops (a number times a matrix of ones). */
function matrixOf(v: Num): Mat {
  return mul(v, matrix([[1]]));
}

describe('vectorize refuses what one loop cannot do, naming it', () => {
  const x = matrix([
    [1, 2],
    [3, 4],
  ]);

  it('matrices of different shapes', () => {
    const g = vectorize(([a, b]: Num[]) => mul(a as Num, b as Num));
    expect(() => g([x, matrix([[1, 2, 3]])])).toThrow(
      'input 2 is 1×3 but input 1 is 2×2; give matrices of one shape',
    );
  });

  it('a branch on an input, with a comparison op or with toNumber', () => {
    const byLt = vectorize((v: Num) => (lt(v, 0) ? mul(-1, v) : v));
    expect(() => byLt(x)).toThrow(
      'f decides by the value of its inputs with a comparison op (lt, le, gt, ge, eq, ne)',
    );
    const byNumber = vectorize((v: Num) => (toNumber(v) < 0 ? mul(-1, v) : v));
    expect(() => byNumber(x)).toThrow(
      'f decides by the value of its inputs with toNumber; one loop serves every entry',
    );
  });

  it('no matrix among the inputs, a bad input, and f that is not a function', () => {
    const g = vectorize((v: Num) => sin(v));
    expect(() => (g as unknown as (v: number) => Mat)(2)).toThrow('give at least one matrix');
    expect(() => g('x' as unknown as Mat)).toThrow(
      'vectorize expects numbers, matrices or wengert values, but argument 1 is',
    );
    expect(() => vectorize(3 as unknown as (v: Num) => Num)).toThrow(
      'vectorize takes a function of numbers',
    );
  });

  it('f that applies a matrix op', () => {
    const h = vectorize((v: Num) => sum(mul(v, matrix([[1, 2]]))));
    expect(() => h(x)).toThrow('vectorize: f applied mul to a matrix; f is a function of the');
  });

  it('a primitive of your own runs as its source, inside the loop and inside a partial', () => {
    // softplus's partial is sigmoid of its own: the loop prints both sources
    const mySigmoid = definePrimitive({
      name: 'mySigmoid',
      primal: (v: number) => 1 / (1 + Math.exp(-v)),
      partial: (_v: Value, y: Value) => mul(y, sub(1, y)),
      source: '1 / (1 + Math.exp(-x))',
    });
    const softplus = definePrimitive({
      name: 'mySoftplus',
      primal: (v: number) => Math.log1p(Math.exp(v)),
      partial: (v: Value) => mySigmoid(v as Num),
      source: 'Math.log1p(Math.exp(x))',
    });
    const g = vectorize((v: Num) => softplus(v));
    expect(Array.from((g(x) as Matrix).data)).toEqual(
      Array.from(x.data, (v) => Math.log1p(Math.exp(v))),
    );
    const { pullback } = vjp((m: Mat) => g(m), x);
    const bar = pullback(
      matrix([
        [1, 1],
        [1, 1],
      ]),
    ) as Matrix;
    expect(Array.from(bar.data)).toEqual(
      Array.from(x.data, (v) => grad((u: Num) => softplus(u))(v)),
    );
  });

  it('a value of an outer differentiation that f closes over', () => {
    expect(() => grad((s: Num) => sum(vectorize((v: Num) => mul(s, v))(x)))(2)).toThrow(
      'pass that value to f as an input',
    );
  });

  it('f that returns no number, or uses a primitive with no JavaScript form', () => {
    const pair = vectorize((v: Num) => [v, v] as unknown as Num);
    expect(() => pair(x)).toThrow('f must return one number for the numbers of one entry');
    const cube = definePrimitive({
      name: 'cubeNoSource',
      primal: (v: number) => v * v * v,
      partial: (v: Value) => mul(3, mul(v, v)),
    });
    expect(() => vectorize((v: Num) => cube(v))(x)).toThrow('cubeNoSource has no JavaScript form');
  });
});
