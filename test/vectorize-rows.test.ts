/**
 * @file vectorize(f, { rows: true }): f applied to each row of one matrix.
 * Checked against the closed forms of the Rosenbrock function (gradient and
 * Hessian), central differences, and vectorize(f) of the matrix's columns
 * taken out with slice, which must give the same numbers exactly (the same
 * loops, reading the columns in place).
 */

import { describe, expect, it } from 'vitest';
import {
  add,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  lt,
  type Mat,
  Matrix,
  matrix,
  mul,
  type Num,
  sin,
  slice,
  sqrt,
  sum,
  valueAndGrad,
  vectorize,
  vjp,
  withCost,
} from '../src/index.ts';
import { itHasTheRosenbrockGradient, randomMatrix, term } from './rosenbrock-pairs.ts';
import { expectClose, expectSameNumbers, TOL } from './support.ts';

const byRows = vectorize(term, { rows: true });
const byColumns = vectorize(term);
const rosenbrock = (x: Mat): Num => sum(byRows(x));
const columnsOf = (x: Mat, width: number) =>
  Array.from({ length: width }, (_, j) => slice(x, { cols: [j, j + 1] }));

/** The same numbers, entry for entry, under Object.is (−0, NaN and ∞ count). */
function expectSame(actual: unknown, expected: unknown): void {
  const values = (m: unknown) => (m instanceof Matrix ? Array.from(m.data) : [m as number]);
  expectSameNumbers(values(actual), values(expected));
}

/** Rows of every pair of special values, then random rows. */
function specialRows(seed: number): Matrix {
  const special = [Number.NaN, Infinity, -Infinity, 0, -0, 1, -1, 2, 1e308, 1e-300];
  const pairsOf = special.flatMap((a) => special.map((b) => [a, b]));
  const random = randomMatrix(20, 2, seed).toArray();
  return matrix([...pairsOf, ...random]);
}

describe('vectorize by rows on the Rosenbrock function', () => {
  const x = randomMatrix(6, 2, 31);

  itHasTheRosenbrockGradient(rosenbrock, x);

  it('has the closed-form Hessian, block by block: [[1200a² − 400b + 2, −400a], [−400a, 200]]', () => {
    // second order nests the differentiation, so f runs on the columns op by op
    const h = hessian(rosenbrock)(x) as number[][];
    const expected = Array.from(x.data, (_, i) =>
      Array.from(x.data, (_, j) => {
        const [pi, pj] = [Math.floor(i / 2), Math.floor(j / 2)];
        if (pi !== pj) return 0;
        const [a, b] = [x.get(pi, 0), x.get(pi, 1)];
        return [
          [1200 * a * a - 400 * b + 2, -400 * a],
          [-400 * a, 200],
        ][i % 2]?.[j % 2] as number;
      }),
    );
    expectClose(h, expected, TOL.modes);
  });

  it('records one entry for the rows, where the columns need a slice each', () => {
    const sliced = (m: Mat) => sum(byColumns(columnsOf(m, 2)));
    // f is recorded at the first call; the counts are of the calls after it
    for (const f of [rosenbrock, sliced]) grad(f)(x);
    // the input, the rows' entry and the sum; the slices add two
    expect(withCost(() => grad(rosenbrock)(x)).cost.tapeEntries).toBe(3);
    expect(withCost(() => grad(sliced)(x)).cost.tapeEntries).toBe(5);
  });
});

describe('vectorize by rows gives what vectorize of the columns gives, exactly', () => {
  const x = specialRows(41);
  const columns = (m: Mat) => byColumns(columnsOf(m, 2));

  it('values', () => {
    expectSame(byRows(x), columns(x));
  });

  it('pull-backs, of ones and of a cotangent with zeros', () => {
    const withZeros = new Matrix(
      x.rows,
      1,
      Float64Array.from({ length: x.rows }, (_, i) => (i % 3 === 0 ? 0 : 1 + i / 7)),
    );
    for (const c of [new Matrix(x.rows, 1, new Float64Array(x.rows).fill(1)), withZeros]) {
      expectSame(vjp(byRows, x).pullback(c), vjp(columns, x).pullback(c));
    }
  });

  it('tangents, with every entry moving or some held at 0', () => {
    const moving = randomMatrix(x.rows, 2, 42);
    const held = new Matrix(
      x.rows,
      2,
      moving.data.map((v, k) => (k % 3 === 1 ? 0 : v)),
    );
    for (const v of [moving, held]) {
      expectSame(jvp(byRows, x, v).tangent, jvp(columns, x, v).tangent);
    }
  });

  it('value and gradient of a function of three columns, one of which it ignores', () => {
    const f = ([a, b]: Num[]): Num => mul(sin(a as Num), sqrt(b as Num));
    const y = randomMatrix(7, 3, 43);
    const rows = valueAndGrad((m: Mat) => sum(vectorize(f, { rows: true })(m)))(y);
    const cols = valueAndGrad((m: Mat) => sum(vectorize(f)(columnsOf(m, 3))))(y);
    expectSame(rows.value, cols.value);
    expectSame(rows.grad, cols.grad);
    expect((rows.grad as Matrix).toArray().map((r) => r[2])).toEqual(Array(7).fill(0));
  });
});

describe('vectorize by rows of a matrix with no columns', () => {
  // f of no numbers is a constant: one value per row, and nothing to differentiate
  const constant = vectorize((_row: Num[]) => 7, { rows: true });
  const empty = new Matrix(3, 0, new Float64Array(0));

  it('gives the constant for each row, a 3×0 gradient and a zero tangent', () => {
    expect((constant(empty) as Matrix).toArray()).toEqual([[7], [7], [7]]);
    const g = grad((m: Mat) => sum(constant(m)))(empty) as Matrix;
    expect([g.rows, g.cols]).toEqual([3, 0]);
    expect((jvp(constant, empty, empty).tangent as Matrix).toArray()).toEqual([[0], [0], [0]]);
  });

  it('takes a traced cotangent too', () => {
    const { tangent } = jvp(
      (c: Mat) => vjp(constant, empty).pullback(c) as Mat,
      randomMatrix(3, 1, 61),
      randomMatrix(3, 1, 62),
    );
    expect([(tangent as Matrix).rows, (tangent as Matrix).cols]).toEqual([3, 0]);
  });
});

describe('vectorize by rows through the other transforms', () => {
  const x = randomMatrix(3, 2, 51);

  it('jacfwd and jacrev: row i of the Jacobian holds the gradient of term i in its pair', () => {
    const expected = Array.from({ length: 3 }, (_, i) =>
      Array.from(x.data, (_, j) => {
        if (Math.floor(j / 2) !== i) return 0;
        const [a, b] = [x.get(i, 0), x.get(i, 1)];
        return j % 2 === 0 ? -400 * a * (b - a * a) - 2 * (1 - a) : 200 * (b - a * a);
      }),
    );
    expectClose(jacfwd(byRows)(x), expected, TOL.modes);
    expectClose(jacrev(byRows)(x), expected, TOL.modes);
  });

  it('a traced adjoint (a pull-back inside jvp) goes through toolkit ops: X̄ = ∂f ⊙ c̄ per row', () => {
    // c ↦ Jᵀc is linear, so its JVP in direction d is Jᵀd (the product taken
    // after the sweep instead of seeding it: equal to rounding)
    const d = randomMatrix(3, 1, 52);
    const { tangent } = jvp(
      (c: Mat) => vjp(byRows, x).pullback(c) as Mat,
      randomMatrix(3, 1, 53),
      d,
    );
    expectClose(
      (tangent as Matrix).toArray(),
      (vjp(byRows, x).pullback(d) as Matrix).toArray(),
      TOL.modes,
    );
  });
});

describe('vectorize by rows refuses, naming the problem', () => {
  it('an option other than { rows: true }, shown as it was written', () => {
    const cases: [unknown, string][] = [
      [{ rows: false }, '{ rows: false }'],
      [{ row: true }, '{ row: true }'],
      [{ rows: 'yes' }, "{ rows: 'yes' }"],
      [{ rows: true, cols: true }, '{ rows: true, cols: true }'],
      ['rows', 'the string "rows"'],
    ];
    for (const [options, shown] of cases) {
      expect(() => vectorize(term, options as never)).toThrow(
        `the only option is { rows: true } (f applied to each row); got ${shown}`,
      );
    }
  });

  it('an input that is not one matrix', () => {
    expect(() => byRows(3 as never)).toThrow('takes one matrix, whose rows f gets as arrays');
    expect(() => byRows([matrix([[1, 2]])] as never)).toThrow('takes one matrix');
  });

  it('a page that refuses new Function (a Content-Security-Policy), naming it', () => {
    const realFunction = globalThis.Function;
    globalThis.Function = function refused() {
      throw new EvalError(
        "Refused to evaluate a string as JavaScript: 'unsafe-eval' is not allowed",
      );
    } as unknown as FunctionConstructor;
    try {
      const fresh = vectorize(([a, b]: Num[]) => mul(a as Num, b as Num), { rows: true });
      expect(() => fresh(matrix([[1, 2]]))).toThrow(
        "which this page's Content-Security-Policy refuses",
      );
    } finally {
      globalThis.Function = realFunction;
    }
  });

  it('f that reads more numbers than a row has', () => {
    const three = vectorize(([a, b, c]: Num[]) => mul(a as Num, add(b as Num, c as Num)), {
      rows: true,
    });
    expect(() => three(matrix([[1, 2]]))).toThrow(
      'f read more numbers than a row has: the matrix has 2 columns',
    );
  });

  it('f that branches on a row, or returns more than one number', () => {
    const branching = vectorize(([a]: Num[]) => (lt(a as Num, 0) ? 0 : (a as Num)), {
      rows: true,
    });
    expect(() => branching(matrix([[1, 2]]))).toThrow('cannot branch on them');
    const two = vectorize(([a, b]: Num[]) => [a, b] as never, { rows: true });
    expect(() => two(matrix([[1, 2]]))).toThrow(
      'must return one number for the numbers of one row',
    );
  });
});
