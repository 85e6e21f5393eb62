/** @file The API page: one example per public transform, run at build time with its printed output. */

import {
  abs,
  add,
  checkpoint,
  colourColumns,
  colourRows,
  compareModes,
  compile,
  cos,
  costTable,
  div,
  explain,
  formatNumber,
  grad,
  gradcheck,
  gt,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  type Mat,
  type Matrix,
  matmul,
  matrix,
  mul,
  type Num,
  parse,
  sin,
  sparsity,
  sqrt,
  sub,
  sum,
  tanh,
  toNumber,
  trace,
  valueAndGrad,
  vectorize,
  vjp,
  withCost,
} from '../../../src/index.ts';
import { example } from '../examples.ts';
import type { Generator } from '../generate.ts';

// The function most examples use: f(x, y) = 5x² − xy, and a vector function g(x, y).
const f = ([x, y]: [Num, Num]) => sub(mul(5, mul(x, x)), mul(x, y));
const g = ([x, y]: [Num, Num]) => [mul(x, y), sin(x), cos(y)];

const examples: Record<string, () => unknown> = {
  jvp() {
    // #region jvp
    console.log(jvp(f, [2, 3], [1, 0])); // f and ∂f/∂x at (2, 3)
    console.log(jvp(g, [2, 3], [1, 1])); // g and J·(1, 1)
    // #endregion
  },
  vjp() {
    // #region vjp
    const { primal, pullback } = vjp(g, [2, 3]);
    console.log(primal);
    console.log(pullback([1, 0, 0])); // row 1 of J: ∂(xy)/∂(x, y)
    console.log(pullback([0, 1, 1])); // the sum of rows 2 and 3, from the same tape
    // #endregion
  },
  grad() {
    // #region grad
    console.log(grad(f)([2, 3]));
    console.log(grad((x: Num) => mul(x, sin(x)))(0.5)); // a number in, a number out
    // #endregion
  },
  valueAndGrad() {
    // #region valueAndGrad
    console.log(valueAndGrad(f)([2, 3]));
    // #endregion
  },
  jacfwd() {
    // #region jacfwd
    console.log(jacfwd(g)([2, 3])); // 2 forward passes, one per column
    console.log(jacrev(g)([2, 3])); // 1 recording and 3 sweeps, one per row
    // #endregion
  },
  jacfwdChunk() {
    // #region jacfwdChunk
    // h: R⁵ → R⁵, h_i = x_i sin(x_(i+1)) (W = 10 applications per evaluation)
    const h = (x: Num[]) => x.map((xi, i) => mul(xi, sin(x[(i + 1) % x.length] as Num)));
    const x = [0.1, 0.2, 0.3, 0.4, 0.5];
    const one = withCost(() => jacfwd(h)(x));
    const chunked = withCost(() => jacfwd(h, { chunk: 2 })(x));
    console.log(chunked.result[0]); // row 1
    console.log(String(chunked.result) === String(one.result)); // the same Jacobian, number for number
    for (const { cost } of [one, chunked]) {
      console.log(cost.forwardPasses, 'passes:', cost.primal, 'primal,', cost.tangent, 'tangent');
    }
    console.log(hessian(f, { chunk: 2 })([2, 3])); // forward over reverse, 1 pass of 2 tangents
    // #endregion
  },
  jacobian() {
    // #region jacobian
    const { cost } = withCost(() => jacobian(g, { mode: 'auto' })([2, 3]));
    console.log(cost.forwardPasses, cost.reverseSweeps); // 2(n − 1) = 2 < 1 + m = 4: forward
    // #endregion
  },
  sparsity() {
    // #region sparsity
    const chain = (x: Num[]) => x.map((xi, i) => mul(xi, x[i + 1] ?? 1)); // x_i · x_{i+1}
    const p = sparsity(chain, [1, 2, 0, 4]); // x_3 = 0 zeroes a partial; the pattern keeps it
    console.log(p.nonzeros);
    console.log(p.toString());
    console.log(colourColumns(p).count, colourRows(p).count); // passes, or sweeps, it needs
    // #endregion
  },
  jacobianSparsity() {
    // #region jacobianSparsity
    const chain = (x: Num[]) => x.map((xi, i) => mul(xi, x[i + 1] ?? 1));
    const x = [1, 2, 3, 4, 5, 6];
    const { result, cost } = withCost(() => jacobian(chain, { sparsity: 'detect' })(x));
    console.log(result[0], cost.colours, cost.denseSeeds); // 2 colours instead of 6
    // the same band, known in advance: used as given, with no recording to find it
    const pairs = (i: number) => (i < 5 ? [i, i + 1] : [i]).map((j): [number, number] => [i, j]);
    const given = { rows: 6, cols: 6, nonzeros: x.flatMap((_, i) => pairs(i)) };
    const forward = withCost(() => jacobian(chain, { sparsity: given, mode: 'forward' })(x));
    console.log(forward.cost.forwardPasses, forward.cost.tapeEntries);
    try {
      const forgot = { ...given, nonzeros: given.nonzeros.slice(0, -1) }; // without (5, 5)
      jacobian(chain, { sparsity: forgot, mode: 'forward' })(x);
    } catch (error) {
      console.log((error as Error).message);
    }
    // #endregion
  },
  hessian() {
    // #region hessian
    console.log(hessian(f)([2, 3]));
    // #endregion
  },
  compile() {
    // #region compile
    const p = ([x]: Num[]) => (gt(x as Num, 0) ? mul(x as Num, x as Num) : mul(-3, x as Num));
    const step = compile(p, [2]); // recorded on the x > 0 branch
    console.log(step([3])); // replayed: x² at 3
    try {
      step([-1]);
    } catch (error) {
      console.log((error as Error).message);
    }
    // #endregion
  },
  matrices() {
    // #region matrices
    const w = matrix([
      [1, 2],
      [3, 4],
    ]);
    const x = matrix([[1], [-1]]);
    const loss = (m: Mat) => sum(tanh(matmul(m, x))); // Σ tanh(W x)
    console.log((grad(loss)(w) as Matrix).toArray()); // (1 − tanh²(Wx)) xᵀ
    // #endregion
  },
  vectorize() {
    // #region vectorize
    const x = matrix([
      [-1, 0.5],
      [2, 3],
    ]);
    const smooth = vectorize((v: Num) => div(mul(v, v), add(1, abs(v)))); // v² / (1 + |v|)
    const opByOp = (m: Mat) => sum(div(mul(m, m), add(1, abs(m))));
    console.log((grad((m: Mat) => sum(smooth(m)))(x) as Matrix).toArray());
    console.log((grad(opByOp)(x) as Matrix).toArray()); // the same, one op at a time
    const entries = (h: (m: Mat) => Num) => withCost(() => grad(h)(x)).cost.tapeEntries;
    // tape entries: the input, the term and the sum; the input, 4 ops and the sum
    console.log(
      entries((m: Mat) => sum(smooth(m))),
      entries(opByOp),
    );
    // #endregion
  },
  'vectorize-rows'() {
    // #region vectorize-rows
    const points = matrix([
      [3, 4],
      [1, 1],
      [0.6, -0.8],
    ]);
    // each row [a, b] is one call of f: the column of √(a² + b²)
    const length = vectorize(([a, b]: [Num, Num]) => sqrt(add(mul(a, a), mul(b, b))), {
      rows: true,
    });
    console.log((length(points) as Matrix).toArray());
    // the gradient of Σ lengths: each row divided by its length
    console.log((grad((m: Mat) => sum(length(m)))(points) as Matrix).toArray());
    // #endregion
  },
  checkpoint() {
    // #region checkpoint
    const x = matrix([[0.5], [-1]]);
    const layer = (h: Mat, m: Mat) => tanh(matmul(m, h));
    const block = checkpoint((h: Mat, m: Mat) => layer(layer(h, m), m));
    const w = matrix([
      [0.3, -0.2],
      [0.1, 0.4],
    ]);
    const plain = withCost(() => grad((m: Mat) => sum(layer(layer(x, m), m)))(w));
    const kept = withCost(() => grad((m: Mat) => sum(block(x, m)))(w));
    console.log((plain.result as Matrix).toArray(), (kept.result as Matrix).toArray());
    console.log(plain.cost.primal, kept.cost.primal); // the segment ran twice
    // #endregion
  },
  gradcheck() {
    // #region gradcheck
    console.log(gradcheck(g, [2, 3], { order: 2 }).ok); // jvp, vjp and H·v agree with differences
    const wrong = (x: Num) => mul(x, toNumber(x)); // toNumber drops a derivative: AD says x, not 2x
    try {
      gradcheck(wrong, 3, { raise: true });
    } catch (error) {
      console.log((error as Error).message);
    }
    // #endregion
  },
  withCost() {
    // #region withCost
    const { result, cost } = withCost(() => grad(f)([2, 3]));
    console.log(result);
    console.log({ ...cost, wallMs: formatNumber(cost.wallMs, { digits: 3 }) }); // ms, to 3 digits
    // #endregion
  },
  compareModes() {
    // #region compareModes
    const comparison = compareModes(g, [2, 3]);
    console.log(comparison.shape, comparison.maxAbsDifference);
    console.log(costTable(comparison));
    // #endregion
  },
  trace() {
    // #region trace
    const list = trace(f, [2, 3]);
    console.log(list.entries.map((e) => `w${e.index + 1} = ${e.op} ${e.value}`));
    // #endregion
  },
  explain() {
    // #region explain
    console.log(explain(f, [2, 3], { mode: 'reverse' }).output);
    // #endregion
  },
  parse() {
    // #region parse
    const h = parse('5*x^2 - x*y');
    console.log(h.variables, grad(h)([2, 3]));
    // #endregion
  },
  toNumber() {
    // #region toNumber
    const relu = (x: Num) => (toNumber(x) > 0 ? x : 0); // decide on the value, keep the trace
    console.log(grad(relu)(2), grad(relu)(-2));
    // #endregion
  },
};

export const api: Record<string, Generator> = Object.fromEntries(
  Object.entries(examples).map(([name, run]) => [
    `api-${name}`,
    () => example(import.meta.url, name, run),
  ]),
);
