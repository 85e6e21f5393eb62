/**
 * @file The MLP benchmark problem: notebook 06's 2-16(tanh)-1 net and
 * two-moons data (notebooks/lib/mlp.ts) at 256 points, with its plain-JS
 * forward pass as the primal and its hand-derived backpropagation as the
 * floor and the answer every variant is checked against.
 */

import {
  checkGradient,
  type Dataset,
  handGradient,
  initialParams,
  moons,
  type Params,
  plainLoss,
} from '../../notebooks/lib/mlp.ts';

export const HIDDEN = 16;
export const POINTS = 256;
/** Parameters in the order every variant returns its gradient: W1, b1, W2, b2, each row by row. */
export const PARAMETER_COUNT = 2 * HIDDEN + HIDDEN + HIDDEN + 1;

/**
 * Row-major Float64Arrays in the toolkit's layout: the points are the
 * columns of x (2×N: first row x-coordinates, second row y-coordinates),
 * labels y (1×N), W1 (16×2), b1 (16×1), W2 (1×16), b2 (1×1).
 */
export interface MlpData {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly w1: Float64Array;
  readonly b1: Float64Array;
  readonly w2: Float64Array;
  readonly b2: Float64Array;
}

export interface MlpProblem extends MlpData {
  /** The same arrays in float32, for the peers. */
  readonly f32: { readonly [K in keyof MlpData]: Float32Array };
  /** The same data as the notebook's matrices. */
  readonly params: Params;
  readonly dataset: Dataset;
  /** The loss and the gradient (PARAMETER_COUNT entries), by hand-derived backpropagation. */
  readonly loss: number;
  readonly gradient: Float64Array;
}

/** The loss as a plain-JS forward pass: L = (1/N) Σ_k (W2 tanh(W1 x_k + b1) + b2 − y_k)². */
export function mlpLoss(p: MlpProblem): number {
  return plainLoss(p.params, p.dataset);
}

/** Loss and gradient by backpropagation derived by hand, in plain loops: the floor. */
export function mlpBackprop(p: MlpProblem): number[][] {
  const { loss, gradient } = handGradient(p.params, p.dataset);
  return [[loss], ...gradient];
}

/** The parameters as one vector in gradient order. */
export function flatParameters({ w1, b1, w2, b2 }: MlpData): Float64Array {
  return Float64Array.from([...w1, ...b1, ...w2, ...b2]);
}

/**
 * The problem, from fixed seeds. The hand-derived gradient is checked
 * first, against the toolkit and against central differences, since every
 * variant is held to it.
 */
export function mlpProblem(): MlpProblem {
  const dataset = moons(POINTS, 5);
  const params = initialParams(HIDDEN, 6);
  const worst = Math.max(
    ...checkGradient(params, dataset).map((c) => Math.max(c.hand, c.differences)),
  );
  if (!(worst < 1e-7)) {
    throw new Error(`bench: MLP backprop disagrees with the toolkit or differences by ${worst}`);
  }
  const [w1, b1, w2, b2] = params;
  const data: MlpData = {
    x: dataset.x.data,
    y: dataset.y.data,
    w1: w1.data,
    b1: b1.data,
    w2: w2.data,
    b2: b2.data,
  };
  const f32 = Object.fromEntries(
    Object.entries(data).map(([key, value]: [string, Float64Array]) => [
      key,
      Float32Array.from(value),
    ]),
  ) as MlpProblem['f32'];
  const { loss, gradient } = handGradient(params, dataset);
  return { ...data, f32, params, dataset, loss, gradient: Float64Array.from(gradient.flat()) };
}
