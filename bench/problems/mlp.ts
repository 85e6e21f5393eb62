/**
 * @file The MLP benchmark problem: a 2-16(tanh)-1 net, mean squared error
 * over 256 generated points, as plain-JS loops (forward pass and
 * hand-derived backpropagation), with fixed data and weights.
 */

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
  /** The loss and the gradient (PARAMETER_COUNT entries), by hand-derived backpropagation. */
  readonly loss: number;
  readonly gradient: Float64Array;
}

/** A seeded uniform generator on [0, 1) (mulberry32): every run draws the same data. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two interleaved half moons with labels ±1, and small random weights, from fixed seeds. */
export function mlpData(): MlpData {
  const next = uniform(5);
  const x = new Float64Array(2 * POINTS);
  const y = new Float64Array(POINTS);
  for (let k = 0; k < POINTS; k++) {
    const upper = k % 2 === 0;
    const angle = Math.PI * next();
    x[k] = (upper ? Math.cos(angle) : 1 - Math.cos(angle)) + 0.1 * (2 * next() - 1);
    x[POINTS + k] = (upper ? Math.sin(angle) : 0.5 - Math.sin(angle)) + 0.1 * (2 * next() - 1);
    y[k] = upper ? 1 : -1;
  }
  const draw = (n: number, scale: number) =>
    Float64Array.from({ length: n }, () => scale * (2 * next() - 1));
  return {
    x,
    y,
    w1: draw(2 * HIDDEN, 1),
    b1: draw(HIDDEN, 0.1),
    w2: draw(HIDDEN, 1 / Math.sqrt(HIDDEN)),
    b2: draw(1, 0.1),
  };
}

/** The loss as a plain-JS forward pass: L = (1/N) Σ_k (W2 tanh(W1 x_k + b1) + b2 − y_k)². */
export function mlpLoss({ x, y, w1, b1, w2, b2 }: MlpData): number {
  let total = 0;
  for (let k = 0; k < POINTS; k++) {
    const x0 = x[k] as number;
    const x1 = x[POINTS + k] as number;
    let p = b2[0] as number;
    for (let i = 0; i < HIDDEN; i++) {
      const z = (w1[2 * i] as number) * x0 + (w1[2 * i + 1] as number) * x1 + (b1[i] as number);
      p += (w2[i] as number) * Math.tanh(z);
    }
    const r = p - (y[k] as number);
    total += r * r;
  }
  return total / POINTS;
}

/**
 * Loss and gradient by backpropagation derived by hand, the floor: with
 * p̄_k = 2 (p_k − y_k) / N, W̄2 += p̄ h, b̄2 += p̄, z̄ = W2 p̄ (1 − h²),
 * W̄1 += z̄ xᵀ, b̄1 += z̄. Returns [loss, ...gradient].
 */
export function mlpBackprop({ x, y, w1, b1, w2, b2 }: MlpData): Float64Array {
  const out = new Float64Array(1 + PARAMETER_COUNT);
  const gW1 = 1;
  const gB1 = gW1 + 2 * HIDDEN;
  const gW2 = gB1 + HIDDEN;
  const gB2 = gW2 + HIDDEN;
  const h = new Float64Array(HIDDEN);
  let total = 0;
  for (let k = 0; k < POINTS; k++) {
    const x0 = x[k] as number;
    const x1 = x[POINTS + k] as number;
    let p = b2[0] as number;
    for (let i = 0; i < HIDDEN; i++) {
      const hi = Math.tanh(
        (w1[2 * i] as number) * x0 + (w1[2 * i + 1] as number) * x1 + (b1[i] as number),
      );
      h[i] = hi;
      p += (w2[i] as number) * hi;
    }
    const r = p - (y[k] as number);
    total += r * r;
    const pBar = (2 * r) / POINTS;
    out[gB2] = (out[gB2] as number) + pBar;
    for (let i = 0; i < HIDDEN; i++) {
      const hi = h[i] as number;
      out[gW2 + i] = (out[gW2 + i] as number) + pBar * hi;
      const zBar = (w2[i] as number) * pBar * (1 - hi * hi);
      out[gW1 + 2 * i] = (out[gW1 + 2 * i] as number) + zBar * x0;
      out[gW1 + 2 * i + 1] = (out[gW1 + 2 * i + 1] as number) + zBar * x1;
      out[gB1 + i] = (out[gB1 + i] as number) + zBar;
    }
  }
  out[0] = total / POINTS;
  return out;
}

/** The parameters as one vector in gradient order, and back. */
export function flatParameters({ w1, b1, w2, b2 }: MlpData): Float64Array {
  return Float64Array.from([...w1, ...b1, ...w2, ...b2]);
}

function withParameters(data: MlpData, theta: Float64Array): MlpData {
  const cut = (start: number, length: number) => theta.slice(start, start + length);
  return {
    x: data.x,
    y: data.y,
    w1: cut(0, 2 * HIDDEN),
    b1: cut(2 * HIDDEN, HIDDEN),
    w2: cut(3 * HIDDEN, HIDDEN),
    b2: cut(4 * HIDDEN, 1),
  };
}

/**
 * The problem, with the hand-derived gradient itself checked against
 * central differences first: it is the answer every variant is held to.
 */
export function mlpProblem(): MlpProblem {
  const data = mlpData();
  const reference = mlpBackprop(data);
  const theta = flatParameters(data);
  const h = 1e-6;
  let worst = 0;
  for (let j = 0; j < PARAMETER_COUNT; j++) {
    const shifted = (delta: number) => {
      const t = theta.slice();
      t[j] = (t[j] as number) + delta;
      return mlpLoss(withParameters(data, t));
    };
    const fd = (shifted(h) - shifted(-h)) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - (reference[1 + j] as number)));
  }
  if (!(worst < 1e-7))
    throw new Error(`bench: MLP backprop disagrees with finite differences by ${worst}`);
  const f32 = Object.fromEntries(
    Object.entries(data).map(([key, value]: [string, Float64Array]) => [
      key,
      Float32Array.from(value),
    ]),
  ) as MlpProblem['f32'];
  return { ...data, f32, loss: reference[0] as number, gradient: reference.subarray(1) };
}
