/** @file The API page, primitives of your own: definePrimitive, checkRule and stopGradient, run at build time with their printed output. */

import {
  add,
  checkRule,
  defineMatrixPrimitive,
  definePrimitive,
  grad,
  hessian,
  type Mat,
  type Matrix,
  matmul,
  matrix,
  mul,
  type Num,
  neg,
  ruleLatex,
  sigmoid,
  sin,
  stopGradient,
  sub,
  sum,
  transpose,
} from '../../../src/index.ts';
import { example } from '../examples.ts';
import type { Generator } from '../generate.ts';

const examples: Record<string, () => unknown> = {
  definePrimitive() {
    // #region definePrimitive
    // softplus(x) = ln(1 + eˣ); d softplus(x) = σ(x) dx, written with the toolkit's sigmoid
    const softplus = definePrimitive({
      name: 'softplus',
      primal: (x) => Math.log1p(Math.exp(x)),
      partial: (x) => sigmoid(x),
      source: 'Math.log1p(Math.exp(x))', // for generated code: adjointSource, tangentSource, vectorize
    });
    const f = (x: Num) => mul(x, softplus(x));
    console.log(softplus(1), grad(f)(1), hessian(f)(1)); // f′ = softplus + xσ, f″ = 2σ + xσ(1 − σ)
    console.log(ruleLatex(softplus).forward);
    // #endregion
  },
  checkRule() {
    // #region checkRule
    const attempt = definePrimitive({
      name: 'softplusAttempt',
      primal: (x) => Math.log1p(Math.exp(x)),
      partial: (x) => sigmoid(neg(x)), // a sign slip: σ(−x)
    });
    const report = checkRule(attempt);
    console.log(report.ok, report.worst.check, report.worst.at);
    console.log(report.summary);
    console.log(checkRule(sin).summary);
    // #endregion
  },
  defineMatrixPrimitive() {
    // #region defineMatrixPrimitive
    // C = a bᵀ for columns a, b: Ċ = ȧ bᵀ + a ḃᵀ, transposed: ā = C̄ b, b̄ = C̄ᵀ a
    const outer = defineMatrixPrimitive({
      name: 'outer',
      shape: ([a, b]) => ({ rows: a?.rows ?? 1, cols: b?.rows ?? 1 }),
      evaluate: ([a, b]) => matmul(a as Matrix, transpose(b as Matrix)) as Matrix,
      tangents: [
        ([, b], _c, da) => matmul(da as Mat, transpose(b as Mat)),
        ([a], _c, db) => matmul(a as Mat, transpose(db as Mat)),
      ],
      adjoints: [
        ([, b], _c, bar) => matmul(bar as Mat, b as Mat),
        ([a], _c, bar) => matmul(transpose(bar as Mat), a as Mat),
      ],
      shapes: [
        [3, 1],
        [2, 1],
      ],
    });
    const a = matrix([[1], [2], [3]]);
    const b = matrix([[4], [5]]);
    const total = ([x, y]: Mat[]) => sum(outer(x as Mat, y as Mat) as Mat); // Σ a_i b_j
    console.log((grad(total)([a, b]) as Matrix[]).map((g) => g.toArray())); // (Σ b) 1, (Σ a) 1
    console.log(checkRule(outer).summary);
    // #endregion
  },
  stopGradient() {
    // #region stopGradient
    // a target computed from w, held fixed: the gradient flows through the prediction only
    const x = 2;
    const loss = (w: Num, hold: (t: Num) => Num) => {
      const error = sub(mul(w, x), hold(add(mul(w, x), 1))); // prediction − target
      return mul(error, error);
    };
    console.log(grad((w: Num) => loss(w, stopGradient))(0.5)); // 2·(−1)·x = −4
    console.log(grad((w: Num) => loss(w, (t) => t))(0.5)); // the target moves with w: 0
    console.log(grad((v: Num) => mul(v, stopGradient(v)))(3)); // only the first factor: 3
    // #endregion
  },
};

/**
 * Each example runs once per process: a name given to definePrimitive is
 * taken for the life of the program, and a second build in the same process
 * (the tests build the site more than once) reuses the first run's output.
 */
const runs = new Map<string, Promise<string>>();

export const apiPrimitives: Record<string, Generator> = Object.fromEntries(
  Object.entries(examples).map(([name, run]) => [
    `api-${name}`,
    () => {
      let output = runs.get(name);
      if (output === undefined) {
        output = example(import.meta.url, name, run);
        runs.set(name, output);
      }
      return output;
    },
  ]),
);
