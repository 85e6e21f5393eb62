/**
 * @file How a tape's bytes in use grow with the operations recorded, against
 * the capacity reserved for them; a deep chain of tanh layers, what each mode
 * holds in memory while it runs (measured on the process's heap); and what
 * checkpointing changes (counted by the ledger). Shared by notebook 07 and the
 * docs' memory chapter.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type Cost,
  checkpoint,
  fromArray,
  grad,
  jvp,
  type Mat,
  type Matrix,
  matmul,
  mul,
  type Num,
  sum,
  tanh,
  vjp,
  withCost,
  zeros,
} from '../../src/index.ts';
import { random } from './mlp.ts';

// #region growth
/** x · x · … · x with n products: n + 1 tape entries (the input and one per product). */
const power = (n: number) => (x: Num) => {
  let p = x;
  for (let k = 0; k < n; k++) p = mul(p, x);
  return p;
};

/** What the ledger reports for the gradient of each power: entries, bytes in use, capacity. */
export const tapeGrowth = (ns: readonly number[]) =>
  ns.map((n) => {
    const { cost } = withCost(() => grad(power(n))(1));
    return {
      products: n,
      entries: cost.tapeEntries,
      inUse: cost.peakTapeBytesInUse,
      capacity: cost.peakTapeBytes,
    };
  });
// #endregion

// #region chain
export const width = 32; // units per layer
export const batch = 64; // points per batch: each activation is a 32×64 matrix
const next = random(11);
const draw = (rows: number, cols: number, scale: number) =>
  fromArray(
    Array.from({ length: rows * cols }, () => scale * (2 * next() - 1)),
    rows,
    cols,
  );
const x = draw(width, batch, 1);
export const weights = Array.from({ length: 256 }, () =>
  draw(width, width, 1.5 / Math.sqrt(width)),
);

/** h_{k+1} = tanh(W_k h_k): one layer, two primitive applications. */
const layer = (h: Mat, w: Mat): Mat => tanh(matmul(w, h));
export const chain = (ws: readonly Mat[], h: Mat = x): Mat => ws.reduce(layer, h);
// #endregion

// #region measure
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const inUse = () => {
  for (let i = 0; i < 3; i++) collect(); // repeated: external buffers are freed in a later pass
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/**
 * Bytes in use at the end of f's body beyond those at its start: what the
 * mode kept. The median of five runs, after one that warms the engine up
 * (its compiled code would count otherwise).
 */
function heldAtEnd(run: (f: (ws: Mat[]) => Mat) => unknown): number {
  const held: number[] = [];
  for (let r = 0; r < 6; r++) {
    run((ws) => {
      const atStart = inUse();
      const out = chain(ws);
      held.push(inUse() - atStart);
      return out;
    });
  }
  return held.slice(1).sort((a, b) => a - b)[2] as number;
}
// #endregion

/**
 * What each mode holds at the end of a chain of L layers, and the ledger's
 * two peaks for its gradient: the tape's bytes in use and its capacity.
 */
export function memoryByDepth(depths: readonly number[]) {
  return depths.map((layers) => {
    const ws = weights.slice(0, layers);
    const direction = ws.map((w) => zeros(w.rows, w.cols));
    direction[0] = weights[0] as Matrix; // any direction: a JVP carries one tangent
    const { cost } = withCost(() => grad((w: Mat[]) => sum(chain(w)))(ws));
    return {
      layers,
      forward: heldAtEnd((f) => jvp(f, ws, direction)),
      reverse: heldAtEnd((f) => vjp(f, ws)),
      tapeInUse: cost.peakTapeBytesInUse,
      tapeCapacity: cost.peakTapeBytes,
    };
  });
}

// #region checkpoints
const deep = weights.slice(0, 64);
const segment = checkpoint((h: Mat, ...ws: Mat[]) => chain(ws, h));
/** The 64-layer chain cut into checkpointed segments of k layers each. */
const segmented = (k: number) => (ws: Mat[]) => {
  let h: Mat = x;
  for (let i = 0; i < ws.length; i += k) h = segment(h, ...ws.slice(i, i + k));
  return sum(h);
};
// #endregion

/** One gradient of the 64-layer chain: what it cost and how far it is from the plain one. */
export interface CheckpointRun {
  /** Layers per segment; 0 for no checkpoints. */
  readonly k: number;
  readonly cost: Cost;
  readonly largestDifference: number;
}

/** The gradient without checkpoints, then with segments of each k. */
export function checkpointRuns(ks: readonly number[]): CheckpointRun[] {
  const plain = withCost(() => grad((ws: Mat[]) => sum(chain(ws)))(deep) as Matrix[]);
  const differs = (g: Matrix[]) =>
    g.reduce(
      (m, gi, i) =>
        gi.data.reduce(
          (mi, v, j) => Math.max(mi, Math.abs(v - ((plain.result[i] as Matrix).data[j] as number))),
          m,
        ),
      0,
    );
  return [
    { k: 0, cost: plain.cost, largestDifference: 0 },
    ...ks.map((k) => {
      const { result, cost } = withCost(() => grad(segmented(k))(deep) as Matrix[]);
      return { k, cost, largestDifference: differs(result) };
    }),
  ];
}
