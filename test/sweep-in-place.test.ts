/**
 * @file The reverse sweep adds into matrix adjoints it owns in place, and
 * slice's adjoint goes straight into its block. Gradients where a matrix is
 * used many times and sliced, against closed forms, and the caller's seeds
 * and inputs left as they were.
 */

import { describe, expect, it } from 'vitest';
import {
  add,
  defineMatrixPrimitive,
  grad,
  type Mat,
  Matrix,
  matrix,
  mul,
  type Shape,
  slice,
  sum,
  transpose,
  vjp,
} from '../src/index.ts';
import { expectClose, TOL } from './support.ts';

const x = matrix([
  [0.5, -1.5, 2],
  [1.25, 3, -0.75],
]);

describe('in-place accumulation in the reverse sweep', () => {
  it('a matrix used five times gets the sum of five contributions', () => {
    // f = Σ (x + x + 2x + x ⊙ x + x) = Σ 5x + x², so ∂f/∂x = 5 + 2x
    const f = (m: Mat) => sum(add(add(add(add(m, m), mul(2, m)), mul(m, m)), m));
    const g = grad(f)(x) as Matrix;
    expectClose(
      g.toArray(),
      x.toArray().map((r) => r.map((v) => 5 + 2 * v)),
      TOL.modes,
    );
  });

  it('overlapping slices, and contributions before and after them, land in the right entries', () => {
    // f = Σ x[:, 0:2] ⊙ x[:, 1:3] + Σ x[0:1, :] + Σ x ⊙ x
    const f = (m: Mat) =>
      add(
        add(
          sum(mul(slice(m, { cols: [0, 2] }), slice(m, { cols: [1, 3] }))),
          sum(slice(m, { rows: [0, 1] })),
        ),
        sum(mul(m, m)),
      );
    const g = grad(f)(x) as Matrix;
    const expected = x.toArray().map((r, i) =>
      r.map((v, j) => {
        const left = j + 1 < r.length ? (r[j + 1] as number) : 0; // x_ij pairs with x_i,j+1
        const right = j >= 1 ? (r[j - 1] as number) : 0; // and with x_i,j-1
        return left + right + (i === 0 ? 1 : 0) + 2 * v;
      }),
    );
    expectClose(g.toArray(), expected, TOL.modes);
  });

  it('leaves the seed, the input and the values the function returned untouched', () => {
    const seed = matrix([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const seedBefore = seed.toArray();
    const inputBefore = x.toArray();
    // add hands its adjoint (the seed) to both operands; the third use adds into their sum
    const { primal, pullback } = vjp(
      (m: Mat) => add(add(m, m), slice(add(m, m), { rows: [0, 2] })),
      x,
    );
    const primalBefore = (primal as Matrix).toArray();
    const bar = pullback(seed) as Matrix;
    expectClose(
      bar.toArray(),
      seedBefore.map((r) => r.map((v) => 4 * v)),
      TOL.modes,
    );
    expect(seed.toArray()).toEqual(seedBefore);
    expect(x.toArray()).toEqual(inputBefore);
    expect((primal as Matrix).toArray()).toEqual(primalBefore);
    // add hands the seed itself to m twice: the first is m's adjoint, the second must not go into it
    const twice = vjp((m: Mat) => add(m, m), x).pullback(seed) as Matrix;
    expect(twice.toArray()).toEqual(seedBefore.map((r) => r.map((v) => 2 * v)));
    expect(seed.toArray()).toEqual(seedBefore);
    // a second sweep over the same recording starts again from the seed
    expectClose((pullback(seed) as Matrix).toArray(), bar.toArray(), 0);
  });

  it('a slice of a transpose, whose adjoint is first a pull-back of another rule', () => {
    // f = Σ (xᵀ)[0:2, :] ⊙ (xᵀ)[1:3, :] = Σ_i x_i0 x_i1 + x_i1 x_i2
    const f = (m: Mat) => {
      const t = transpose(m);
      return sum(mul(slice(t, { rows: [0, 2] }), slice(t, { rows: [1, 3] })));
    };
    const g = grad(f)(x) as Matrix;
    const expected = x
      .toArray()
      .map(([a, b, c]) => [b as number, (a as number) + (c as number), b as number]);
    expectClose(g.toArray(), expected, TOL.modes);
  });
});

describe('a contribution of another shape', () => {
  // A primitive whose adjoint is a row for a 2×2 input: add repeats it down the rows, and the
  // in-place path must leave it to add rather than read past the row.
  const firstRow = defineMatrixPrimitive({
    name: 'firstRowTwice',
    shape: ([s]) => s as Shape,
    evaluate: ([m]) => m as Matrix,
    tangents: [(_inputs, _out, dot) => dot],
    adjoints: [(_inputs, _out, bar) => slice(bar as Mat, { rows: [0, 1] })],
  });

  it('is repeated by add, after the sum became the sweep’s own', () => {
    // recorded first, so swept last: m's adjoint is by then the sum of m + m's two
    const f = (m: Mat) => sum(add(firstRow(m) as Mat, add(m, m)));
    const g = grad(f)(
      matrix([
        [1, 2],
        [3, 4],
      ]),
    ) as Matrix;
    // 2 from m + m, and 1 from the row repeated to both rows
    expect(g.toArray()).toEqual([
      [3, 3],
      [3, 3],
    ]);
  });
});

describe('a column slice', () => {
  it('takes and puts back one column of a tall matrix', () => {
    const tall = new Matrix(
      5,
      3,
      Float64Array.from({ length: 15 }, (_, k) => k - 7),
    );
    expect(Array.from((slice(tall, { cols: [2, 3] }) as Matrix).data)).toEqual([-5, -2, 1, 4, 7]);
    const g = grad((m: Mat) => sum(mul(slice(m, { cols: [1, 2] }), slice(m, { cols: [1, 2] }))))(
      tall,
    ) as Matrix;
    expect(g.toArray()).toEqual(tall.toArray().map((r) => [0, 2 * (r[1] as number), 0]));
  });
});
