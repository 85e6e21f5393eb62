/** @file Notebook 04: forward mode multiplies by each local Jacobian, reverse mode by its transpose, and the dot-product test shows they agree. */

import {
  add,
  formatNumber,
  jacfwd,
  jvp,
  mul,
  type Num,
  sin,
  sub,
  tanh,
  toNumber,
  vjp,
} from '../src/index.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '04 · Local Jacobians and their transposes');

nb.say(`A program is a composition of small steps, and by the chain rule its
  Jacobian is the product of the steps' Jacobians, each taken at the point the
  run passed through: J = J₃ · J₂ · J₁. Neither mode ever builds J. Forward mode
  multiplies a tangent v by each local Jacobian in evaluation order,
  J₃(J₂(J₁v)). Reverse mode multiplies a cotangent u by each transpose in the
  opposite order, J₁ᵀ(J₂ᵀ(J₃ᵀu)). Same local matrices, two directions.`);

nb.section('Three stages');
nb.say(`To see the matrices, build F from three stages with vector inputs and
  outputs: A takes R³ to R², B and C take R² to R². The Jacobian of F is 2×3,
  so J v lives in R² and Jᵀ u in R³: the transpose is not a formality.`);
// #region stages
const A = ([x, y, z]: [Num, Num, Num]): [Num, Num] => [mul(x, y), sin(z)];
const B = ([p, q]: [Num, Num]): [Num, Num] => [mul(p, q), add(p, q)];
const C = ([r, s]: [Num, Num]): [Num, Num] => [tanh(r), sub(r, mul(s, s))];
const F = (x: [Num, Num, Num]) => C(B(A(x)));
const x0: [number, number, number] = [0.5, 2, 1];
const v: [number, number, number] = [1, -1, 2]; // a tangent (input space)
const u: [number, number] = [1, 3]; // a cotangent (output space)
// #endregion
nb.code('stages');

nb.say(`Each stage's own Jacobian comes from the toolkit (jacfwd on that stage
  alone), at the intermediate point the run reaches:`);
// #region local
const a = A(x0).map(toNumber) as [number, number];
const b = B(a).map(toNumber) as [number, number];
const JA = jacfwd(A)(x0);
const JB = jacfwd(B)(a);
const JC = jacfwd(C)(b);
// #endregion
nb.code('local');
nb.values({ 'J_A at x': JA, 'J_B at A(x)': JB, 'J_C at B(A(x))': JC });

nb.section('Forward: multiply by each Jacobian');
nb.say(`The chain of matrix-vector products, done in plain JavaScript with the
  three matrices above, next to one jvp of F (one pass on dual numbers,
  which performs the same products primitive by primitive):`);
// #region forward
const times = (M: number[][], w: number[]) =>
  M.map((row) => row.reduce((s, m, j) => s + m * (w[j] as number), 0));
const t1 = times(JA, v);
const t2 = times(JB, t1);
const Jv = times(JC, t2);
// #endregion
nb.code('forward');
nb.values({
  'J_A v': t1,
  'J_B (J_A v)': t2,
  'J_C (J_B (J_A v))': Jv,
  'jvp(F, x, v).tangent': jvp(F, x0, v).tangent,
});

nb.section('Reverse: multiply by each transpose');
nb.say(`Reverse mode starts from the output side with a cotangent u and
  applies the transposes, last stage first. The vector shrinks back to the size
  of the input. vjp records F once and its pullback does the same products:`);
// #region reverse
const timesT = (M: number[][], w: number[]) =>
  (M[0] ?? []).map((_, j) => M.reduce((s, row, i) => s + (row[j] as number) * (w[i] as number), 0));
const a2 = timesT(JC, u);
const a1 = timesT(JB, a2);
const JTu = timesT(JA, a1);
// #endregion
nb.code('reverse');
const { pullback } = vjp(F, x0);
nb.values({
  'J_Cᵀ u': a2,
  'J_Bᵀ (J_Cᵀ u)': a1,
  'J_Aᵀ (J_Bᵀ (J_Cᵀ u))': JTu,
  'vjp(F, x).pullback(u)': pullback(u),
});

nb.section('Inside one primitive');
nb.say(`The same holds at the finest grain. z = x·y has the local Jacobian
  [y, x], a 1×2 row. Forward mode uses it as a row: ż = y·ẋ + x·ẏ, two
  tangents in, one out. Reverse mode uses it as a column: x̄ += y·z̄ and
  ȳ += x·z̄, one adjoint in, two out. At (x, y) = (2, 3):`);
// #region mul
const product = ([x, y]: [Num, Num]) => mul(x, y);
const row = [jvp(product, [2, 3], [1, 0]).tangent, jvp(product, [2, 3], [0, 1]).tangent];
const column = vjp(product, [2, 3]).pullback(1);
// #endregion
nb.code('mul');
nb.values({
  'ż for (ẋ, ẏ) = (1, 0), then (0, 1)': row,
  '(x̄, ȳ) for z̄ = 1': column,
});
nb.say(`Forward mode needs two passes to read the row entry by entry (one per
  input direction); reverse mode gets both entries from one sweep. They are the
  same two partial derivatives, read across in one mode and down in the other. Each
  primitive of the toolkit declares these partials once, and both modes read
  them from the same record.`);

nb.section('The dot-product test');
nb.say(`If forward and reverse mode really use J and its transpose, then for
  every u and v the number ⟨u, J v⟩ must equal ⟨Jᵀu, v⟩, because both are
  uᵀ J v. This is the standard test of a reverse-mode implementation: it checks
  a VJP against a JVP without ever forming J. Here it is with the numbers from
  jvp and vjp, first for the u and v above, then for random pairs from a
  seeded generator.`);
// #region dot
const dot = (p: readonly number[], q: readonly number[]) =>
  p.reduce((s, pi, i) => s + pi * (q[i] as number), 0);
const test = (uu: [number, number], vv: [number, number, number]) => {
  const left = dot(uu, jvp(F, x0, vv).tangent);
  const right = dot(vjp(F, x0).pullback(uu), vv);
  return [left, right, formatNumber(Math.abs(left - right), { digits: 2 })] as const;
};
// #endregion
nb.code('dot');
let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647; // a fixed-seed Park–Miller generator
  return (seed / 2147483647) * 2 - 1;
};
const trials: [[number, number], [number, number, number]][] = [[u, v]];
for (let k = 0; k < 4; k++)
  trials.push([
    [random(), random()],
    [random(), random(), random()],
  ]);
const rows = trials.map(([uu, vv], k) => [k === 0 ? 'u, v above' : `random ${k}`, ...test(uu, vv)]);
nb.table(grid(['pair', '⟨u, J v⟩', '⟨Jᵀu, v⟩', 'difference'], rows));
nb.say(`The two sides agree to rounding for every pair. A wrong partial in one
  mode (a sign, a missing term, an assignment instead of +=) would show up here
  as a difference of order one.`);

nb.done();
