/** @file checkpoint(g): the same derivatives as without it, less tape and more work by the ledger; and scalar-valued matrix ops feeding other ops. */

import { describe, expect, it } from 'vitest';
import {
  add,
  broadcast,
  checkpoint,
  dot,
  fromArray,
  grad,
  hessian,
  jacfwd,
  jvp,
  type Mat,
  type Matrix,
  matmul,
  matrix,
  mean,
  mul,
  type Num,
  sin,
  sum,
  tanh,
  withCost,
} from '../src/index.ts';
import { expectClose, TOL } from './support.ts';

const data = (v: Mat) => Array.from((v as Matrix).data);

describe('a scalar-valued matrix op used by another matrix op', () => {
  // The adjoint of sum(x), mean(x) or dot(x, x) arrives from a matrix op;
  // every case is checked against hand-derived gradients.
  const X = matrix([
    [1, 2],
    [3, 4],
  ]);
  it('sum(sum(x) · x) has gradient 2 Σx everywhere', () => {
    expect(data(grad((x: Mat) => sum(mul(sum(x), x)))(X))).toEqual([20, 20, 20, 20]);
  });
  it('sum(x + mean(x)) has gradient 1 + N · (1/N) = 2', () => {
    expect(data(grad((x: Mat) => sum(add(x, mean(x))))(X))).toEqual([2, 2, 2, 2]);
  });
  it('sum(⟨x, x⟩ · x) has gradient 2 x Σx + ⟨x, x⟩', () => {
    const g = 2 * 10; // 2 Σx; ⟨x, x⟩ = 30
    expect(data(grad((x: Mat) => sum(mul(dot(x, x), x)))(X))).toEqual([
      g * 1 + 30,
      g * 2 + 30,
      g * 3 + 30,
      g * 4 + 30,
    ]);
  });
  it('sum(broadcast(sum(x), 2, 2)) has gradient 4', () => {
    expect(data(grad((x: Mat) => sum(broadcast(sum(x), 2, 2)))(matrix([[1, 2]])))).toEqual([4, 4]);
  });
  it('the Hessian of sum(sum(x) · x) = (Σx)² is 2 in every entry', () => {
    expect(hessian((x: Mat) => sum(mul(sum(x), x)))(matrix([[1, 2]]))).toEqual([
      [2, 2],
      [2, 2],
    ]);
  });
});

describe('checkpoint', () => {
  const width = 4;
  const w = [0.3, -0.2, 0.5, 0.1].map((s, i) =>
    fromArray(
      Array.from({ length: width * width }, (_, k) => s * Math.sin(1 + i + k)),
      width,
      width,
    ),
  );
  const x = fromArray(
    Array.from({ length: width * 3 }, (_, k) => Math.cos(k)),
    width,
    3,
  );
  const layer = (h: Mat, wi: Mat) => tanh(matmul(wi, h));
  const plain = (ws: Mat[]) => sum(ws.reduce(layer, x));
  const block = checkpoint((h: Mat, a: Mat, b: Mat) => layer(layer(h, a), b));
  const checkpointed = ([a, b, c, d]: Mat[]) =>
    sum(block(block(x, a as Mat, b as Mat), c as Mat, d as Mat));

  it('gives exactly the gradient of the same chain without it', () => {
    const expected = grad(plain)(w) as Matrix[];
    const got = grad(checkpointed)(w) as Matrix[];
    got.forEach((g, i) => {
      expect(Array.from(g.data)).toEqual(Array.from((expected[i] as Matrix).data));
    });
  });

  it('applies each layer twice more and sweeps each segment again, by the ledger', () => {
    const without = withCost(() => grad(plain)(w)).cost;
    const withIt = withCost(() => grad(checkpointed)(w)).cost;
    expect(without.primal).toBe(2 * 4 + 1);
    // outer tape: two segments and the sum; each layer recorded twice more
    expect(withIt.primal).toBe(2 + 1 + 2 * 2 * 4);
    expect(withIt.reverseSweeps).toBe(1 + 2);
  });

  it('chains of scalar segments, and their Hessian', () => {
    const s1 = checkpoint((v: Num) => sin(v));
    const s2 = checkpoint((v: Num) => mul(v, v));
    // (sin x)²: derivative sin 2x, second derivative 2 cos 2x
    expectClose(grad((v: Num) => s2(s1(v)))(0.5), Math.sin(1), TOL.modes);
    expectClose(hessian(([v]: Num[]) => s2(s1(v as Num)))([0.5]), [[2 * Math.cos(1)]], TOL.modes);
  });

  it('is g itself under forward mode', () => {
    const v = w.map((wi) => mul(0.5, wi));
    const a = jvp(plain, w, v).tangent;
    const b = jvp(checkpointed, w, v).tangent;
    expectClose(b, a, TOL.modes);
    expectClose(jacfwd(checkpointed)(w), jacfwd(plain)(w), TOL.modes);
  });

  it('refuses a traced value that g uses without receiving it', () => {
    const f = ([a, b]: Mat[]) => sum(checkpoint((h: Mat) => matmul(a as Mat, h))(b as Mat));
    expect(() => grad(f)([w[0] as Mat, x])).toThrow(
      /inside checkpoint\(g\) without receiving it as an argument/,
    );
  });
});
