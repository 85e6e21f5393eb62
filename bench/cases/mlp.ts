/**
 * @file One training step of a 2-16(tanh)-1 MLP, mean squared error
 * over 256 points: the loss and its gradient with respect to all 65 weights.
 */

import type { Tensor, Tensor2D } from '@tensorflow/tfjs';
import {
  add,
  div,
  fromArray,
  type Mat,
  type Matrix,
  matmul,
  mseLoss,
  mul,
  type Num,
  sub,
  tanh,
  valueAndGrad,
} from '../../src/index.ts';
import type { Output } from '../lib/case.ts';
import { defineCase } from '../lib/case.ts';
import { flatten, vectorError } from '../lib/check.ts';
import { type JaxArray, loadJax, read } from '../peers/jax.ts';
import { Value } from '../peers/micrograd.ts';
import { checkNoLeaks, loadTf, readTidy } from '../peers/tfjs.ts';
import {
  flatParameters,
  HIDDEN,
  type MlpProblem,
  mlpBackprop,
  mlpLoss,
  mlpProblem,
  POINTS,
} from '../problems/mlp.ts';

/** The row name the targets look up. */
export const WENGERT_MATRIX_STEP = 'wengert valueAndGrad, matrix ops';

const W1 = 0;
const B1 = 2 * HIDDEN;
const W2 = 3 * HIDDEN;
const B2 = 4 * HIDDEN;

/** The loss of the parameter vector θ (in gradient order), written with scalar ops. */
function scalarLoss({ x, y }: MlpProblem) {
  return (theta: readonly Num[]): Num => {
    let total: Num = 0;
    for (let k = 0; k < POINTS; k++) {
      const x0 = x[k] as number;
      const x1 = x[POINTS + k] as number;
      let p = theta[B2] as Num;
      for (let i = 0; i < HIDDEN; i++) {
        const z = add(
          add(mul(theta[W1 + 2 * i] as Num, x0), mul(theta[W1 + 2 * i + 1] as Num, x1)),
          theta[B1 + i] as Num,
        );
        p = add(p, mul(theta[W2 + i] as Num, tanh(z)));
      }
      const r = sub(p, y[k] as number);
      total = add(total, mul(r, r));
    }
    return div(total, POINTS);
  };
}

/** The same loss on the closure engine. */
function microLoss({ x, y }: MlpProblem, theta: readonly Value[]): Value {
  let total = new Value(0);
  for (let k = 0; k < POINTS; k++) {
    const x0 = x[k] as number;
    const x1 = x[POINTS + k] as number;
    let p = theta[B2] as Value;
    for (let i = 0; i < HIDDEN; i++) {
      const z = (theta[W1 + 2 * i] as Value)
        .mul(x0)
        .add((theta[W1 + 2 * i + 1] as Value).mul(x1))
        .add(theta[B1 + i] as Value);
      p = p.add((theta[W2 + i] as Value).mul(z.tanh()));
    }
    const r = p.sub(y[k] as number);
    total = total.add(r.mul(r));
  }
  return total.mul(1 / POINTS);
}

/** The larger of the loss's relative error and the gradient's. */
function stepError(p: MlpProblem, output: Output): number {
  const [loss, ...gradient] = flatten(output);
  if (loss === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(Math.abs(loss - p.loss) / Math.abs(p.loss), vectorError(gradient, p.gradient));
}

export default defineCase({
  id: 'mlp',
  title: 'MLP training step',
  about:
    `A 2-${HIDDEN}(tanh)-1 perceptron, $h = \\tanh(W_1 x + b_1)$, $p = W_2 h + b_2$, on ${POINTS} points ` +
    'of two interleaved half moons (fixed seed); one step is the mean squared error and its ' +
    'gradient with respect to all 65 weights. The ratio divides by a plain-JS forward pass ' +
    '(the loss alone) in loops over Float64Arrays. The hand-written backpropagation is checked ' +
    'against central differences before anything is timed.',
  sizes: {
    full: [{ label: `${POINTS} points`, value: POINTS }],
    quick: [{ label: `${POINTS} points`, value: POINTS }],
  },
  problem: () => mlpProblem(),
  primal: (p) => () => mlpLoss(p),
  tasks: { step: { title: 'loss and gradient', error: stepError } },
  variants: [
    {
      name: 'hand-written backprop',
      task: 'step',
      setup: (p) => ({ run: () => mlpBackprop(p) }),
    },
    {
      name: WENGERT_MATRIX_STEP,
      task: 'step',
      setup: (p) => {
        const x = fromArray(p.x, 2, POINTS); // the points are the columns
        const y = fromArray(p.y, 1, POINTS);
        const params = [
          fromArray(p.w1, HIDDEN, 2),
          fromArray(p.b1, HIDDEN, 1),
          fromArray(p.w2, 1, HIDDEN),
          fromArray(p.b2, 1, 1),
        ];
        const step = valueAndGrad(([w1, b1, w2, b2]: Mat[]) =>
          mseLoss(add(matmul(w2 as Mat, tanh(add(matmul(w1 as Mat, x), b1 as Mat))), b2 as Mat), y),
        );
        return {
          run: () => {
            const { value, grad } = step(params);
            return [[value], ...(grad as Matrix[]).map((g) => Array.from(g.data))];
          },
        };
      },
    },
    {
      name: 'wengert valueAndGrad, scalar ops',
      task: 'step',
      setup: (p) => {
        const step = valueAndGrad(scalarLoss(p));
        const theta = Array.from(flatParameters(p));
        return {
          run: () => {
            const { value, grad } = step(theta);
            return [[value], grad];
          },
        };
      },
    },
    {
      name: 'micrograd-style closures',
      task: 'step',
      setup: (p) => {
        const theta = Array.from(flatParameters(p));
        return {
          run: () => {
            const nodes = theta.map((t) => new Value(t));
            const loss = microLoss(p, nodes);
            loss.backward();
            return [loss.data, ...nodes.map((n) => n.grad)];
          },
        };
      },
    },
    {
      name: 'TensorFlow.js tf.valueAndGrads',
      task: 'step',
      precision: 'float32',
      setup: async (p) => {
        const tf = await loadTf();
        const { x, y, w1, b1, w2, b2 } = p.f32;
        const data = [tf.tensor2d(x, [2, POINTS]), tf.tensor2d(y, [1, POINTS])] as const;
        const params = [
          tf.tensor2d(w1, [HIDDEN, 2]),
          tf.tensor2d(b1, [HIDDEN, 1]),
          tf.tensor2d(w2, [1, HIDDEN]),
          tf.tensor2d(b2, [1, 1]),
        ];
        const step = tf.valueAndGrads((...[w1, b1, w2, b2]: Tensor[]) => {
          const h = tf.tanh(tf.add(tf.matMul(w1 as Tensor2D, data[0]), b1 as Tensor));
          const out = tf.add(tf.matMul(w2 as Tensor2D, h as Tensor2D), b2 as Tensor);
          return tf.mean(tf.square(tf.sub(out, data[1])));
        });
        return {
          run: () =>
            readTidy(tf, () => {
              const { value, grads } = step(params);
              return [value, ...grads];
            }),
          dispose: () => {
            tf.dispose([...params, ...data]);
            checkNoLeaks(tf, 0);
          },
        };
      },
    },
    ...(['eager', 'jit'] as const).map((mode) => ({
      name: mode === 'jit' ? 'jax-js jit(valueAndGrad)' : 'jax-js valueAndGrad, eager',
      task: 'step',
      precision: 'float32' as const,
      setup: async (p: MlpProblem) => {
        const jax = await loadJax();
        const np = jax.numpy;
        const { x, y, w1, b1, w2, b2 } = p.f32;
        const xs = np.array(x).reshape([2, POINTS]);
        const ys = np.array(y).reshape([1, POINTS]);
        const params = [
          np.array(w1).reshape([HIDDEN, 2]),
          np.array(b1).reshape([HIDDEN, 1]),
          np.array(w2).reshape([1, HIDDEN]),
          np.array(b2).reshape([1, 1]),
        ];
        const loss = ([w1, b1, w2, b2]: JaxArray[], x: JaxArray, y: JaxArray): JaxArray => {
          const h = np.tanh(np.matmul(w1 as JaxArray, x).add(b1 as JaxArray));
          const r = np
            .matmul(w2 as JaxArray, h)
            .add(b2 as JaxArray)
            .sub(y);
          return r.ref.mul(r).mean();
        };
        const eager = jax.valueAndGrad(loss);
        const jitted = mode === 'jit' ? jax.jit(eager) : undefined;
        const step = jitted ?? eager;
        return {
          run: () => {
            const [value, grads] = step(jax.tree.ref(params), xs.ref, ys.ref) as [
              JaxArray,
              JaxArray[],
            ];
            return [read(value), ...grads.map(read)];
          },
          dispose: () => {
            jitted?.dispose();
            jax.tree.dispose([...params, xs, ys]);
          },
        };
      },
    })),
  ],
});
