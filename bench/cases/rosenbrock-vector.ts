/**
 * @file The same extended Rosenbrock written with array ops (one
 * primitive per array operation) on the n/2 × 2 matrix of pairs, gradient
 * and one JVP: the array libraries, float32 as they run.
 */

import type { Tensor } from '@tensorflow/tfjs';
import {
  add,
  fromArray,
  grad,
  jvp,
  type Mat,
  type Matrix,
  mul,
  type Num,
  slice,
  sub,
  sum,
  vectorize,
} from '../../src/index.ts';
import { defineCase } from '../lib/case.ts';
import { scalarError, vectorError } from '../lib/check.ts';
import { type JaxArray, type JaxModule, loadJax, read } from '../peers/jax.ts';
import { checkNoLeaks, loadTf, readTidy, type TfModule } from '../peers/tfjs.ts';
import {
  ROSENBROCK_SIZES,
  type RosenbrockProblem,
  rosenbrockPlain,
  rosenbrockProblem,
} from '../problems/rosenbrock.ts';

/** Row names the targets look up. */
export const WENGERT_MATRIX_GRAD = 'wengert grad, matrix ops';
export const WENGERT_MATRIX_JVP = 'wengert jvp, matrix ops';
export const WENGERT_VECTORIZE_GRAD = 'wengert grad, vectorize';
export const WENGERT_VECTORIZE_JVP = 'wengert jvp, vectorize';

/** f on the n/2 × 2 tensor X of pairs: a = X[:, 0], b = X[:, 1], Σ 100 (b − a²)² + (1 − a)². */
function tfRosenbrock(tf: TfModule, x: Tensor): Tensor {
  const [a, b] = tf.split(x, 2, 1) as [Tensor, Tensor];
  const t = tf.sub(b, tf.mul(a, a));
  const u = tf.sub(1, a);
  return tf.sum(tf.add(tf.mul(100, tf.mul(t, t)), tf.mul(u, u)));
}

/** The same in jax-js, which consumes each argument: `.ref` marks every use but the last. */
function jaxRosenbrock(jax: JaxModule): (x: JaxArray) => JaxArray {
  const np = jax.numpy;
  return (x) => {
    const a = x.ref.slice([], 0);
    const b = x.slice([], 1);
    const t = b.sub(a.ref.mul(a.ref));
    const u = np.subtract(1, a);
    return t.ref.mul(t).mul(100).add(u.ref.mul(u)).sum();
  };
}

/** x and the direction v as n/2 × 2 float32 jax-js arrays. */
async function jaxInputs(p: { n: number; x32: Float32Array; v32: Float32Array }) {
  const jax = await loadJax();
  const pairs = (data: Float32Array) => jax.numpy.array(data).reshape([p.n / 2, 2]);
  return { jax, f: jaxRosenbrock(jax), x: pairs(p.x32), v: pairs(p.v32) };
}

/** The toolkit's version: one matrix primitive per array operation. */
function matrixRosenbrock(x: Mat) {
  const a = slice(x, { cols: [0, 1] });
  const b = slice(x, { cols: [1, 2] });
  const t = sub(b, mul(a, a));
  const u = sub(1, a);
  return sum(add(mul(100, mul(t, t)), mul(u, u)));
}

/**
 * The same with the pair term as one function of a row [a, b] of X: one loop
 * each way over the rows, in place of the slices and seven elementwise passes.
 */
const pairTerm = vectorize(
  ([a, b]: Num[]) => {
    const t = sub(b as Num, mul(a as Num, a as Num));
    const u = sub(1, a as Num);
    return add(mul(100, mul(t, t)), mul(u, u));
  },
  { rows: true },
);
function vectorizedRosenbrock(x: Mat) {
  return sum(pairTerm(x));
}

/** The gradient and the JVP of one of the toolkit's forms of f, on the n/2 × 2 matrix of pairs. */
function wengertVariants(gradName: string, jvpName: string, f: (x: Mat) => Num) {
  const pairs = (data: Float64Array, n: number) => fromArray(data, n / 2, 2);
  return [
    {
      name: gradName,
      task: 'gradient',
      setup: (p: RosenbrockProblem) => {
        const x = pairs(p.x64, p.n);
        return { run: () => (grad(f)(x) as Matrix).data };
      },
    },
    {
      name: jvpName,
      task: 'jvp',
      setup: (p: RosenbrockProblem) => {
        const [x, v] = [pairs(p.x64, p.n), pairs(p.v64, p.n)];
        return { run: () => jvp(f, x, v).tangent as number };
      },
    },
  ] as const;
}

export default defineCase({
  id: 'rosenbrock-vector',
  title: 'Extended Rosenbrock, array ops',
  form: 'array ops',
  about:
    'The same function on the $n/2 \\times 2$ matrix $X$ of pairs: `a = X[:, 0]`, `b = X[:, 1]`, ' +
    '`f = sum(100 (b − a²)² + (1 − a)²)`, about ten array operations whatever n is. ' +
    'The `vectorize` rows write the pair term as one function of a row of $X$, ' +
    '`vectorize(([a, b]) => ..., { rows: true })(X)`, which wengert runs as one loop over the rows ' +
    'for the value and one for the partials. ' +
    'TensorFlow.js runs on its pure-JS cpu backend and jax-js on WebAssembly (one thread under ' +
    'Node), both in float32; TensorFlow.js has no forward mode, so no JVP. The ratio still ' +
    'divides by the plain-JS float64 loop.',
  sizes: ROSENBROCK_SIZES,
  problem: ({ n }) => rosenbrockProblem(n),
  primal: (p) => () => rosenbrockPlain(p.x64),
  tasks: {
    gradient: { title: 'gradient', error: (p, out) => vectorError(out, p.gradient) },
    jvp: { title: 'one JVP', error: (p, out) => scalarError(out, p.jvp, p.jvpScale) },
  },
  variants: [
    ...wengertVariants(WENGERT_MATRIX_GRAD, WENGERT_MATRIX_JVP, matrixRosenbrock),
    ...wengertVariants(WENGERT_VECTORIZE_GRAD, WENGERT_VECTORIZE_JVP, vectorizedRosenbrock),
    {
      name: 'TensorFlow.js tf.grad',
      task: 'gradient',
      precision: 'float32',
      setup: async (p) => {
        const tf = await loadTf();
        const x = tf.tensor2d(p.x32, [p.n / 2, 2]);
        const g = tf.grad((x: Tensor) => tfRosenbrock(tf, x));
        return {
          run: () => readTidy(tf, () => [g(x)])[0] as Float32Array,
          dispose: () => {
            x.dispose();
            checkNoLeaks(tf, 0);
          },
        };
      },
    },
    {
      name: 'jax-js grad, eager',
      task: 'gradient',
      precision: 'float32',
      setup: async (p) => {
        const { jax, f, x, v } = await jaxInputs(p);
        const g = jax.grad(f);
        return { run: () => read(g(x.ref)), dispose: () => jax.tree.dispose([x, v]) };
      },
    },
    {
      name: 'jax-js jit(grad)',
      task: 'gradient',
      precision: 'float32',
      setup: async (p) => {
        const { jax, f, x, v } = await jaxInputs(p);
        const g = jax.jit(jax.grad(f));
        return {
          run: () => read(g(x.ref)),
          dispose: () => {
            g.dispose();
            jax.tree.dispose([x, v]);
          },
        };
      },
    },
    {
      name: 'jax-js jvp, eager',
      task: 'jvp',
      precision: 'float32',
      setup: async (p) => {
        const { jax, f, x, v } = await jaxInputs(p);
        return {
          run: () => {
            const [y, t] = jax.jvp(f, [x.ref], [v.ref]);
            y.dispose();
            return read(t);
          },
          dispose: () => jax.tree.dispose([x, v]),
        };
      },
    },
    {
      name: 'jax-js jit(jvp)',
      task: 'jvp',
      precision: 'float32',
      setup: async (p) => {
        const { jax, f, x, v } = await jaxInputs(p);
        const h = jax.jit((x: JaxArray, v: JaxArray) => {
          const [y, t] = jax.jvp(f, [x], [v]);
          y.dispose();
          return t;
        });
        return {
          run: () => read(h(x.ref, v.ref)),
          dispose: () => {
            h.dispose();
            jax.tree.dispose([x, v]);
          },
        };
      },
    },
  ],
});
