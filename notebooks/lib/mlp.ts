/**
 * @file A two-layer perceptron on the two-moons dataset: the data, the net
 * written with the toolkit's matrix ops, the same net in plain loops, its
 * backpropagation derived by hand, and plain gradient descent. Shared by
 * notebook 06, its tests and the benchmark.
 */

import {
  add,
  fromArray,
  grad,
  type Mat,
  type Matrix,
  matmul,
  mseLoss,
  type Num,
  tanh,
  valueAndGrad,
} from '../../src/index.ts';
import { mulberry32 } from '../../src/transforms/random.ts';

/** W1 (hidden×2), b1 (hidden×1), W2 (1×hidden), b2 (1×1). */
export type Params = [Matrix, Matrix, Matrix, Matrix];

/** Points as the columns of a 2×N matrix, labels ±1 as a 1×N matrix. */
export interface Dataset {
  readonly x: Matrix;
  readonly y: Matrix;
}

/** A seeded uniform generator on [0, 1), so every run draws the same data: the one the toolkit's checks use. */
export const random = mulberry32;

/**
 * Two interleaved half circles: the upper one (label +1) centred at (0, 0),
 * the lower one (label −1) at (1, 0.5), each point moved by uniform noise.
 * Neither class can be split from the other by a straight line.
 */
export function moons(count: number, seed: number, noise = 0.1): Dataset {
  const next = random(seed);
  const x = new Float64Array(2 * count);
  const y = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const upper = k % 2 === 0;
    const angle = Math.PI * next();
    const jitter = () => noise * (2 * next() - 1);
    x[k] = (upper ? Math.cos(angle) : 1 - Math.cos(angle)) + jitter();
    x[count + k] = (upper ? Math.sin(angle) : 0.5 - Math.sin(angle)) + jitter();
    y[k] = upper ? 1 : -1;
  }
  return { x: fromArray(x, 2, count), y: fromArray(y, 1, count) };
}

/** Small random weights (scaled by 1/√fan-in, so tanh starts in its linear part) and zero biases. */
export function initialParams(hidden: number, seed: number): Params {
  const next = random(seed);
  const draw = (n: number, scale: number) =>
    Array.from({ length: n }, () => scale * (2 * next() - 1));
  return [
    fromArray(draw(2 * hidden, 1), hidden, 2),
    fromArray(new Float64Array(hidden), hidden, 1),
    fromArray(draw(hidden, 1 / Math.sqrt(hidden)), 1, hidden),
    fromArray([0], 1, 1),
  ];
}

// #region net
/** The net's outputs for the points in the columns of x: W2 tanh(W1 x + b1) + b2. */
export function predict([w1, b1, w2, b2]: readonly Mat[], x: Mat): Mat {
  const h = tanh(add(matmul(w1 as Mat, x), b1 as Mat)); // hidden×N; b1 repeats along columns
  return add(matmul(w2 as Mat, h), b2 as Mat); // 1×N
}

/** The mean squared error of the predictions against the labels. */
export const loss =
  (data: Dataset) =>
  (params: readonly Mat[]): Num =>
    mseLoss(predict(params, data.x), data.y);
// #endregion

/** The same loss computed with plain loops: the net as a plain-JS program, for timing and for checks. */
export function plainLoss(params: Params, dataset: Dataset): number {
  const [w1, b1, w2, b2] = params.map((m) => m.data) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const x = dataset.x.data;
  const y = dataset.y.data;
  const hidden = b1.length;
  const count = y.length;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const x0 = x[k] as number;
    const x1 = x[count + k] as number;
    let p = b2[0] as number;
    for (let i = 0; i < hidden; i++) {
      const z = (w1[2 * i] as number) * x0 + (w1[2 * i + 1] as number) * x1 + (b1[i] as number);
      p += (w2[i] as number) * Math.tanh(z);
    }
    const r = p - (y[k] as number);
    total += r * r;
  }
  return total / count;
}

/**
 * Backpropagation derived by hand, in plain loops, for checking the toolkit
 * against. With Z1 = W1 X + b1, H = tanh(Z1), P = W2 H + b2 and
 * L = (1/N) Σ (P − Y)²:
 *   P̄ = 2 (P − Y) / N,
 *   W̄2 = P̄ Hᵀ,  b̄2 = Σ_k P̄_k,
 *   H̄ = W2ᵀ P̄,  Z̄1 = H̄ ⊙ (1 − H²),
 *   W̄1 = Z̄1 Xᵀ,  b̄1 = Σ_k Z̄1[:, k].
 * Returns the loss too, which the same pass computes.
 */
export function handGradient(
  params: Params,
  dataset: Dataset,
): { loss: number; gradient: number[][] } {
  const [w1, b1, w2, b2] = params.map((m) => m.data) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const x = dataset.x.data;
  const y = dataset.y.data;
  const hidden = b1.length;
  const count = y.length;
  const gw1 = new Array<number>(2 * hidden).fill(0);
  const gb1 = new Array<number>(hidden).fill(0);
  const gw2 = new Array<number>(hidden).fill(0);
  let gb2 = 0;
  const h = new Array<number>(hidden);
  let total = 0;
  for (let k = 0; k < count; k++) {
    const x0 = x[k] as number;
    const x1 = x[count + k] as number;
    let p = b2[0] as number;
    for (let i = 0; i < hidden; i++) {
      h[i] = Math.tanh(
        (w1[2 * i] as number) * x0 + (w1[2 * i + 1] as number) * x1 + (b1[i] as number),
      );
      p += (w2[i] as number) * (h[i] as number);
    }
    const r = p - (y[k] as number);
    total += r * r;
    const pBar = (2 * r) / count;
    gb2 += pBar;
    for (let i = 0; i < hidden; i++) {
      const hi = h[i] as number;
      gw2[i] = (gw2[i] as number) + pBar * hi;
      const zBar = (w2[i] as number) * pBar * (1 - hi * hi);
      gw1[2 * i] = (gw1[2 * i] as number) + zBar * x0;
      gw1[2 * i + 1] = (gw1[2 * i + 1] as number) + zBar * x1;
      gb1[i] = (gb1[i] as number) + zBar;
    }
  }
  return { loss: total / count, gradient: [gw1, gb1, gw2, [gb2]] };
}

/** The share of points whose prediction has the sign of their label. */
export function accuracy(params: Params, data: Dataset): number {
  const p = predict(params, data.x) as Matrix;
  let right = 0;
  for (let k = 0; k < p.cols; k++) {
    if (Math.sign(p.data[k] as number) === Math.sign(data.y.data[k] as number)) right++;
  }
  return right / p.cols;
}

// #region train
/** Plain gradient descent: each step moves every parameter against its gradient. */
export function train(params: Params, data: Dataset, steps: number, rate: number) {
  const step = valueAndGrad(loss(data));
  const losses: number[] = [];
  let current = params;
  for (let s = 0; s < steps; s++) {
    const { value, grad } = step(current);
    losses.push(value);
    current = current.map((p, i) => descend(p, grad[i] as Matrix, rate)) as Params;
  }
  return { params: current, losses };
}
// #endregion

/** p − rate · g, entry by entry (an update, not something to differentiate). */
function descend(p: Matrix, g: Matrix, rate: number): Matrix {
  return fromArray(
    p.data.map((v, k) => v - rate * (g.data[k] as number)),
    p.rows,
    p.cols,
  );
}

/** One parameter's gradient compared with the hand-derived one and with central differences. */
export interface GradientCheck {
  readonly name: string;
  readonly shape: string;
  /** Largest |toolkit − hand| over the parameter's entries. */
  readonly hand: number;
  /** Largest |toolkit − central difference of plainLoss| over its entries. */
  readonly differences: number;
}

/** The toolkit's gradient of the loss against handGradient and central differences, per parameter. */
export function checkGradient(params: Params, data: Dataset): GradientCheck[] {
  const toolkit = grad(loss(data))(params) as Matrix[];
  const hand = handGradient(params, data).gradient;
  const h = 1e-6;
  const shifted = (i: number, k: number, d: number) =>
    plainLoss(params.map((q, j) => (j === i ? bump(q, k, d) : q)) as Params, data);
  const largest = (a: (k: number) => number, b: Float64Array) =>
    b.reduce((m, v, k) => Math.max(m, Math.abs(a(k) - v)), 0);
  return params.map((p, i) => {
    const g = (toolkit[i] as Matrix).data;
    return {
      name: ['W1', 'b1', 'W2', 'b2'][i] as string,
      shape: `${p.rows}×${p.cols}`,
      hand: largest((k) => (hand[i] as number[])[k] as number, g),
      differences: largest((k) => (shifted(i, k, h) - shifted(i, k, -h)) / (2 * h), g),
    };
  });
}

/** A copy of m with entry k moved by d. */
function bump(m: Matrix, k: number, d: number): Matrix {
  const copy = fromArray(m.data, m.rows, m.cols);
  copy.data[k] = (copy.data[k] as number) + d;
  return copy;
}
