/**
 * @file The fast paths of the matrix rules on plain matrices give exactly
 * what the ops they stand for give, entry for entry (Object.is, so −0 and
 * NaN count), and what the rules say by hand:
 * - matmul's adjoints C̄Bᵀ and AᵀC̄, read in place instead of transposing;
 * - the row and column sums (a bias's adjoint sums each row of a batch);
 * - the elementwise lift of every built-in unary rule, whose tangent and
 *   adjoint multiply by the partial in one pass instead of one op at a time.
 */

import { describe, expect, it } from 'vitest';
import { Matrix } from '../src/core/matrix.ts';
import type { MatrixRule } from '../src/core/rule.ts';
import { matmul, mul, transpose } from '../src/index.ts';
import { matmulRule } from '../src/primitives/linear-algebra.ts';
import { sumRule } from '../src/primitives/reductions.ts';
import { scalarRules } from '../src/primitives/registry.ts';
import { fromGrid, type Grid, refMatmul, refSum, refTranspose, toGrid } from './matrix-support.ts';
import { expectClose, expectSameNumbers, rng, TOL, uniform } from './support.ts';

const SPECIALS = [0, -0, 1, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

/** A rows×cols matrix of draws from `interval`, with `specials` of its entries replaced by special values. */
function sampleMatrix(
  random: () => number,
  rows: number,
  cols: number,
  interval: readonly [number, number],
  specials = 0,
): Matrix {
  const data = Float64Array.from({ length: rows * cols }, () => uniform(random, interval));
  for (let s = 0; s < specials && data.length > 0; s++) {
    data[Math.floor(random() * data.length)] = SPECIALS[s % SPECIALS.length] as number;
  }
  return new Matrix(rows, cols, data);
}

/** The same matrix, shape and numbers, under Object.is (see expectSameNumbers). */
function expectSame(actual: unknown, expected: unknown, what: string): void {
  expect(actual, what).toBeInstanceOf(Matrix);
  expect(expected, what).toBeInstanceOf(Matrix);
  const [a, e] = [actual as Matrix, expected as Matrix];
  expect([a.rows, a.cols], `${what}: shape`).toEqual([e.rows, e.cols]);
  expectSameNumbers(Array.from(a.data), Array.from(e.data), what);
}

// (rows of A, inner, cols of B): an MLP's layers, a row and a column, squares, one entry
const SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 16, 256],
  [16, 2, 256],
  [16, 256, 2],
  [1, 1, 7],
  [7, 1, 1],
  [5, 5, 5],
  [1, 1, 1],
  [0, 3, 2],
  [2, 0, 3],
  [2, 3, 0],
];

describe("matmul's adjoints on plain matrices", () => {
  it.each(SHAPES)(
    'for A %i×%i and B with %i columns: C̄Bᵀ and AᵀC̄, as the ops give them',
    (n, inner, m) => {
      const random = rng(1000 * n + 10 * inner + m);
      for (const specials of [0, 3, 9]) {
        const a = sampleMatrix(random, n, inner, [-2, 2], specials);
        const b = sampleMatrix(random, inner, m, [-2, 2], specials);
        const bar = sampleMatrix(random, n, m, [-2, 2], specials);
        const out = matmul(a, b);
        const [da, db] = matmulRule.pullback([a, b], out, bar, undefined, [true, true]);
        expectSame(da, matmul(bar, transpose(b)), `Ā with ${specials} special entries`);
        expectSame(db, matmul(transpose(a), bar), `B̄ with ${specials} special entries`);
      }
    },
  );

  it("leave a C̄ not of C's shape to the ops, which name the mismatch", () => {
    const random = rng(8);
    const [a, b] = [sampleMatrix(random, 2, 3, [-1, 1]), sampleMatrix(random, 3, 4, [-1, 1])];
    const pull = (bar: Matrix, wanted: [boolean, boolean]) => () =>
      matmulRule.pullback([a, b], matmul(a, b), bar, undefined, wanted);
    // what a primitive with a faulty adjoint could send back: C̄ transposed, or one row of it
    const transposed = sampleMatrix(random, 4, 2, [-1, 1]);
    expect(pull(transposed, [true, false])).toThrow('inner dimensions 2 and 4 differ');
    expect(pull(transposed, [false, true])).toThrow('inner dimensions 2 and 4 differ');
    expect(pull(sampleMatrix(random, 1, 4, [-1, 1]), [false, true])).toThrow(
      'inner dimensions 2 and 1 differ',
    );
  });

  it('match the closed forms Ā_ik = Σ_j C̄_ij B_kj and B̄_kj = Σ_i A_ik C̄_ij', () => {
    const random = rng(7);
    const [n, inner, m] = [4, 3, 6];
    const a = sampleMatrix(random, n, inner, [-3, 3]);
    const b = sampleMatrix(random, inner, m, [-3, 3]);
    const bar = sampleMatrix(random, n, m, [-3, 3]);
    const [da, db] = matmulRule.pullback([a, b], matmul(a, b), bar, undefined, [true, true]);
    // the reference product sums each entry from 0 in index order, as the kernels do
    expect(toGrid(da as Matrix)).toEqual(refMatmul(toGrid(bar), refTranspose(toGrid(b))));
    expect(toGrid(db as Matrix)).toEqual(refMatmul(refTranspose(toGrid(a)), toGrid(bar)));
  });
});

describe('row and column sums', () => {
  it.each([0, 1] as const)(
    'sum along axis %i adds each row or column in index order, from 0',
    (axis) => {
      const random = rng(40 + axis);
      for (const [rows, cols] of [
        [16, 256],
        [1, 9],
        [9, 1],
        [3, 4],
      ] as const) {
        // magnitudes from 1e-8 to 1e8, so that another order would round differently
        const x = sampleMatrix(random, rows, cols, [-1, 1], 2);
        x.data.forEach((v, k) => {
          if (Number.isFinite(v) && v !== 0) x.data[k] = v * 10 ** uniform(random, [-8, 8]);
        });
        const expected = fromGrid(refSum(toGrid(x), axis) as Grid);
        expectSame(sumRule.evaluate([x], axis), expected, `${rows}×${cols} along axis ${axis}`);
      }
    },
  );
});

const unaryRules = scalarRules.flatMap((r) => (r.arity === 1 ? [r] : []));

describe.each(unaryRules.map((r) => [r.name, r] as const))(
  'the elementwise %s on plain matrices',
  (_name, rule) => {
    // inside the rule's domain, with special values among them
    const random = rng(300 + rule.id);
    const x = sampleMatrix(random, 6, 7, rule.domain[0], 7);
    const y = new Matrix(
      6,
      7,
      x.data.map((v) => rule.primal(v)),
    );
    // a zero where x is special: an infinite or NaN partial times 0 must stay NaN
    const v = sampleMatrix(random, 6, 7, [-2, 2], 5);
    x.data.forEach((xk, k) => {
      if (!Number.isFinite(xk) || xk === 0) v.data[k] = k % 2 === 0 ? 0 : -0;
    });
    const lifted: MatrixRule = rule.elementwise();
    const expected = mul(rule.partial(x, y), v);

    it("multiplies the tangent by f'(X) as the ops do", () => {
      expectSame(lifted.tangents[0]?.([x], y, v, null as never), expected, 'tangent');
    });

    it("multiplies the adjoint by f'(X) as the ops do", () => {
      expectSame(lifted.pullback([x], y, v, null, [true])[0], expected, 'adjoint');
    });
  },
);

describe('the elementwise fast path', () => {
  const random = rng(77);
  const x = sampleMatrix(random, 3, 4, [-2, 2]);
  const v = sampleMatrix(random, 3, 4, [-2, 2]);

  it("matches closed forms: tanh' = 1 − tanh², exp' = exp, sin' = cos", () => {
    const closed: [string, (t: number) => number][] = [
      ['tanh', (t) => 1 - Math.tanh(t) ** 2],
      ['exp', Math.exp],
      ['sin', Math.cos],
    ];
    for (const [name, derivative] of closed) {
      const rule = unaryRules.find((r) => r.name === name) as (typeof unaryRules)[number];
      const y = new Matrix(
        3,
        4,
        x.data.map((t) => rule.primal(t)),
      );
      const lifted: MatrixRule = rule.elementwise();
      const got = lifted.pullback([x], y, v, null, [true])[0] as Matrix;
      const expected = Array.from(x.data, (t, k) => derivative(t) * (v.data[k] as number));
      expectClose(Array.from(got.data), expected, TOL.modes, name);
    }
  });

  it("leaves an adjoint not of the output's shape to the ops, which name the mismatch", () => {
    const rule = unaryRules.find((r) => r.name === 'tanh') as (typeof unaryRules)[number];
    const y = new Matrix(
      3,
      4,
      x.data.map((t) => rule.primal(t)),
    );
    const lifted: MatrixRule = rule.elementwise();
    const transposed = new Matrix(4, 3, v.data);
    expect(() => lifted.pullback([x], y, transposed, null, [true])).toThrow(
      'wengert: mul: shapes (3×4) and (4×3)',
    );
  });
});
