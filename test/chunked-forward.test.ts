/**
 * @file Chunked forward mode (jacfwd with { chunk: k }): the same Jacobian as one pass per column,
 * on matrices and nested inside every other transform, in ⌈n/k⌉ passes counted by the ledger.
 */

import { describe, expect, it } from 'vitest';
import {
  add,
  type ChunkDual,
  type ChunkMatrix,
  dot,
  exp,
  grad,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  type Mat,
  type Matrix,
  matmul,
  matrix,
  mseLoss,
  mul,
  type Num,
  pad,
  sin,
  slice,
  sqrt,
  sum,
  tanh,
  transpose,
  withCost,
} from '../src/index.ts';
import { expectClose, rng, TOL, uniform } from './support.ts';

/** Chunk sizes for n inputs: one, a few (an uneven last chunk), all of them, and more than n. */
const chunksFor = (n: number): number[] =>
  [...new Set([1, 2, 3, n - 1, n, n + 1])].filter((k) => k > 0);

/** A 2×3 matrix and a number in, a 2×2 matrix, a scalar and a 1×3 row out: every kind of lane. */
const layer = ([w, b]: [Mat, Num]) => {
  const x = matrix([[0.5], [-1], [2]]);
  const h = tanh(add(matmul(w, x), b)); // 2×1
  const outer = matmul(h, transpose(h)); // 2×2
  const row = pad(slice(mul(w, w), { rows: [0, 1], cols: [1, 3] }), 1, 3, [0, 1]); // (0, w01², w02²)
  return [
    outer,
    add(
      dot(h, h),
      mseLoss(
        w,
        transpose(
          matrix([
            [1, 0],
            [0.5, -1],
            [2, 1],
          ]),
        ),
      ),
    ),
    mul(sum(w, 0), row),
  ];
};
const layerAt: [Matrix, number] = [
  matrix([
    [0.3, -0.7, 1.1],
    [0.9, 0.2, -0.4],
  ]),
  0.25,
];

/** A scalar function of n numbers with every kind of partial: f = Σ sin(x_i x_{i+1}) e^(x_i/n) + (Σ x)². */
const smooth = (x: Num[]) => {
  let s: Num = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    s = add(s, mul(sin(mul(x[i] as Num, x[i + 1] as Num)), exp(mul(x[i] as Num, 1 / x.length))));
  }
  const total = x.reduce<Num>((a, b) => add(a, b), 0);
  return add(s, mul(total, total));
};
const random = rng(2024);
const point5 = Array.from({ length: 5 }, () => uniform(random, [-1, 1]));

describe('chunked jacfwd on matrices', () => {
  const unchunked = jacfwd(layer)(layerAt);
  it.each(chunksFor(7))(
    'chunk %i: the same 2·2 + 1 + 3 = 8 rows, bit for bit, and jacrev',
    (chunk) => {
      const result = jacfwd(layer, { chunk })(layerAt);
      expect(result).toEqual(unchunked);
      expectClose(result, jacrev(layer)(layerAt), TOL.modes);
      expect(result).toHaveLength(8);
    },
  );

  it('an input outside the chunk has no lanes; a matrix inside has a unit matrix per lane', () => {
    const seen: string[] = [];
    const spy = ([w, b]: [Mat, Num]) => {
      // a unit matrix lane as e_k (k its one entry), a number lane as itself
      const unit = (m: Mat | 0) => (m === 0 ? '0' : `e${(m as Matrix).data.indexOf(1)}`);
      const { lanes: wl } = w as ChunkMatrix;
      const { lanes: bl } = b as ChunkDual;
      seen.push(
        `W ${wl === null ? 'none' : wl.map(unit).join(' ')}; b ${bl === null ? 'none' : String(bl)}`,
      );
      return layer([w, b]);
    };
    // chunk 4: W's entries 0-3 in the first pass, 4-5 and b in the second
    const { result, cost } = withCost(() => jacfwd(spy, { chunk: 4 })(layerAt));
    expect(seen).toEqual(['W e0 e1 e2 e3; b none', 'W e4 e5 0; b 0,0,1']);
    expect(cost.forwardPasses).toBe(2);
    expect(result).toEqual(unchunked);
  });
});

describe('chunked forward mode nested in other transforms', () => {
  const H = hessian(smooth)(point5);

  it.each(chunksFor(5))('hessian with chunk %i equals the unchunked Hessian', (chunk) => {
    expectClose(hessian(smooth, { chunk })(point5), H, TOL.modes, `chunk ${chunk}`);
  });

  it('jacfwd of grad with chunks (forward over reverse, the tape holding chunk duals)', () => {
    const gradient = (x: Num[]) => grad(smooth)(x);
    expectClose(jacfwd(gradient, { chunk: 2 })(point5), H, TOL.modes);
  });

  it('hessian of a function of a matrix, chunked', () => {
    const f = (w: Mat) => sum(tanh(matmul(w, transpose(w))));
    const w = layerAt[0];
    expectClose(hessian(f, { chunk: 4 })(w), hessian(f)(w), TOL.modes);
  });

  it('grad of a chunked Jacobian (reverse over chunked forward: boxed lanes of tape variables)', () => {
    const g = (x: Num[]) => [
      mul(x[0] as Num, sin(x[1] as Num)),
      exp(mul(x[1] as Num, x[2] as Num)),
    ];
    const total = (jac: (x: Num[]) => Num[][]) => (x: Num[]) =>
      jac(x)
        .flat()
        .reduce<Num>((a, b) => add(a, b), 0);
    const x = [0.4, -1.1, 0.7];
    const chunked = grad(total((p) => jacfwd(g, { chunk: 2 })(p)))(x);
    expectClose(chunked, grad(total((p) => jacfwd(g)(p)))(x), TOL.modes);
  });

  it('a chunked Jacobian of a chunked Jacobian: the third derivatives, flattened', () => {
    const g = (x: Num[]) => [
      mul(mul(x[0] as Num, x[1] as Num), x[2] as Num),
      sin(mul(x[0] as Num, x[2] as Num)),
    ];
    const inner = (k: number) => (x: Num[]) => jacfwd(g, { chunk: k })(x).flat();
    const x = [0.4, -1.1, 0.7];
    const expected = jacfwd(inner(1))(x);
    expectClose(jacfwd(inner(2), { chunk: 3 })(x), expected, TOL.modes, '2 inside 3');
    expectClose(jacfwd(inner(3), { chunk: 2 })(x), expected, TOL.modes, '3 inside 2');
  });

  it('no perturbation confusion: d/dx [x · d/dy (x + y)] = 1 with chunked passes at both levels', () => {
    const D = (f: (x: Num) => Num) => (x: Num) =>
      (jacfwd(f, { chunk: 2 })(x) as Num[][])[0]?.[0] as Num;
    const f = (x: Num) => mul(x, D((y: Num) => add(x, y))(1));
    expect(D(f)(1)).toBe(1);
    expect(D(f)(7)).toBe(1);
  });
});

describe('the ledger of a chunked Jacobian', () => {
  const g = (x: Num[]) => [smooth(x), sum(x.map((xi) => mul(xi, xi)))];
  const x = Array.from({ length: 7 }, (_, i) => 0.1 * i - 0.3);
  const W = withCost(() => jacfwd(g)(x)).cost.primal / x.length; // applications in one evaluation

  it.each(chunksFor(7))(
    'chunk %i: ⌈n/k⌉ passes, W primal applications each, and n·W tangent applications in all',
    (chunk) => {
      const passes = Math.ceil(x.length / chunk);
      const { cost } = withCost(() => jacfwd(g, { chunk })(x));
      expect(cost).toMatchObject({
        forwardPasses: passes,
        primal: passes * W,
        tangent: x.length * W,
        reverseSweeps: 0,
        tapeEntries: 0,
      });
    },
  );
});

describe("jacobian 'auto' weighs chunked passes", () => {
  // n = m = 4: one pass per column would apply 2(n − 1) = 6 ≥ 1 + m = 5 times W after the
  // first, so reverse; with chunks of 2 the rest is 1 pass + 2 tangents = 3 < 5, so forward.
  const square = (x: Num[]) => x.map((xi, i) => mul(xi, x[(i + 1) % x.length] as Num));
  const x = [0.5, -1, 2, 0.25];

  it.each([
    [1, { forwardPasses: 1, reverseSweeps: 4 }],
    [2, { forwardPasses: 2, reverseSweeps: 0 }],
    [4, { forwardPasses: 1, reverseSweeps: 0 }],
  ] as const)('chunk %i goes %o', (chunk, counts) => {
    const { result, cost } = withCost(() => jacobian(square, { mode: 'auto', chunk })(x));
    expect(cost).toMatchObject(counts);
    expect(result).toEqual(jacrev(square)(x));
  });

  it('forward mode takes the chunk; reverse mode ignores it (but still checks it)', () => {
    expect(
      withCost(() => jacobian(square, { mode: 'forward', chunk: 3 })(x)).cost.forwardPasses,
    ).toBe(2);
    expect(
      withCost(() => jacobian(square, { mode: 'reverse', chunk: 3 })(x)).cost.forwardPasses,
    ).toBe(0);
    expect(() => jacobian(square, { mode: 'reverse', chunk: 0 })).toThrow(
      /chunk must be a positive integer/,
    );
  });
});

describe('chunked forward mode: edge cases and errors', () => {
  it('a zero lane stays exactly zero, as a pass that skips a zero tangent: no 0 · ∞', () => {
    const f = ([x, y]: Num[]) => add(sqrt(x as Num), y as Num); // ∂/∂x = ∞ at 0
    expect(jacfwd(f, { chunk: 2 })([0, 1])).toEqual([[Number.POSITIVE_INFINITY, 1]]);
    expect(jacfwd(f, { chunk: 2 })([0, 1])).toEqual(jacfwd(f)([0, 1]));
  });

  it('no inputs: one empty row per output', () => {
    expect(jacfwd(() => [1, 2, 3], { chunk: 4 })([])).toEqual([[], [], []]);
  });

  it.each([0, -2, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2'])(
    'chunk %s is refused when the transform is made, naming it',
    (chunk) => {
      const f = (x: Num[]) => x;
      const message =
        /chunk must be a positive integer \(the number of tangents each forward pass carries\); got/;
      expect(() => jacfwd(f, { chunk: chunk as number })).toThrow(message);
      expect(() => jacobian(f, { chunk: chunk as number })).toThrow(/^wengert: jacobian: chunk/);
      expect(() => hessian(sum, { chunk: chunk as number })).toThrow(/^wengert: hessian: chunk/);
    },
  );

  it('chunk with sparsity is refused rather than ignored', () => {
    const f = (x: Num[]) => x.map((xi) => mul(xi, xi));
    expect(() => jacobian(f, { sparsity: 'detect', chunk: 2 })).toThrow(
      /chunk and sparsity cannot be combined yet/,
    );
  });

  it('a chunk dual that leaks out of its pass cannot be used later', () => {
    let leaked: Num = 0;
    jacfwd(
      (x: Num[]) => {
        leaked = x[0] as Num;
        return x;
      },
      { chunk: 2 },
    )([1, 2]);
    expect(() => sin(leaked)).toThrow(/forward-mode trace \(#\d+\) that has already ended/);
  });
});
